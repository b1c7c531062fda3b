// Node list files (plan_nodes.hpp).
#include "plan_nodes.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "runtime/state/model_json.hpp"
#include "runtime/state/sqlite.hpp"

namespace hjob::cli {

namespace rs = runtime::state;

std::vector<runtime::Node> read_nodes_file(const std::string& path, bool what_if) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw rs::StateError("cannot read the nodes file " + path);
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (doc.is_discarded()) throw rs::StateError("the nodes file " + path + " is not valid JSON");
    std::vector<runtime::Node> nodes;
    try {
        nodes = rs::nodes_from_json(doc);
    } catch (const rs::StateError& e) {
        throw rs::StateError("the nodes file " + path + ": " + e.what());
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        auto& n = nodes[i];
        if (n.name.empty()) n.name = "node-" + std::to_string(i + 1);
        if (!names.insert(n.name).second) throw rs::StateError("the nodes file " + path + " names \"" + n.name + "\" twice");
        if (what_if && n.id.empty()) n.id = "whatif-" + n.name;
        if (what_if && n.address == "127.0.0.1") n.address = "127.0.0." + std::to_string(i % 250 + 2);
    }
    return nodes;
}

}  // namespace hjob::cli
