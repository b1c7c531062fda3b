// Allocation lookup by id prefix (alloc_find.hpp).
#include "alloc_find.hpp"

#include <cctype>
#include <filesystem>
#include <vector>

namespace hjob::cli {

namespace rs = runtime::state;

runtime::Allocation find_alloc(rs::Store& store, const std::string& given) {
    std::string arg = given;
    for (char& c : arg) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (arg.size() < 2) throw rs::StateError("allocation id \"" + arg + "\": give at least 2 characters of the id");
    for (char c : arg)
        if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '-')
            throw rs::StateError("allocation id \"" + arg + "\": an id has only hexadecimal digits and dashes");
    auto q = store.db().prepare("SELECT id, job_id FROM allocations WHERE id >= ?1 AND id < ?1 || 'g' ORDER BY id LIMIT 6");
    q.bind(1, arg);
    std::vector<std::pair<std::string, std::string>> hits;
    while (q.step()) hits.emplace_back(q.text(0), q.text(1));
    if (hits.empty()) throw rs::StateError("no allocation with id or prefix \"" + arg + "\" in the state at " + store.dir());
    if (hits.size() > 1) {
        std::string list;
        for (const auto& [id, job] : hits) list += "\n  " + id + " (job " + job + ")";
        throw rs::StateError("the prefix \"" + arg + "\" matches several allocations; give more of the id:" + list);
    }
    for (auto& a : store.allocations(hits[0].second))
        if (a.id == hits[0].first) return a;
    throw rs::StateError("allocation " + hits[0].first + " vanished while reading");
}

std::string alloc_dir_of(const rs::Store& store, const std::string& alloc_id) {
    return (std::filesystem::absolute(store.dir()) / "allocs" / alloc_id).lexically_normal().string();
}

}  // namespace hjob::cli
