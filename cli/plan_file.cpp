// Saved plan files (plan_file.hpp). The checksum is the sha256 of the canonical dump (sorted
// keys, no spaces) of the document without its "checksum" member.
#include "plan_file.hpp"

#include <cstdio>
#include <fstream>

#include "runtime/state/ids.hpp"
#include "runtime/state/sqlite.hpp"

namespace hjob::cli {

using nlohmann::json;
using runtime::state::StateError;

void save_plan_file(const std::string& path, const PlanFile& f) {
    json doc{{"hjob_plan", plan_file_format}, {"state_id", f.state_id},       {"modify_index", f.modify_index},
             {"job_modify_index", f.job_modify_index}, {"id_seed", f.id_seed}, {"ir", ir::to_json(f.job)},
             {"source", f.source},                     {"source_path", f.source_path},
             {"variables", f.variables},               {"created", f.created}, {"plan", f.plan}};
    doc["checksum"] = "sha256:" + runtime::state::sha256_hex(doc.dump());
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << doc.dump(1) << '\n';
        if (!out.flush()) throw StateError("cannot write the plan file " + path);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw StateError("cannot write the plan file " + path);
    }
}

bool looks_like_plan_file(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string::npos && text[first] == '{';
}

PlanFile parse_plan_file(const std::string& path, const std::string& text) {
    const std::string bad = "the plan file " + path + " is tampered or truncated";
    json doc = json::parse(text, nullptr, false);
    if (doc.is_object() && !doc.contains("hjob_plan") && !doc.contains("checksum"))
        throw StateError(path + " is JSON but not a plan saved by hjob plan --out (hjob apply takes HCL job files and "
                                "saved plans; Nomad's API JSON is not read)");
    if (!doc.is_object() || !doc.contains("checksum") || !doc["checksum"].is_string())
        throw StateError(bad + " (not a complete plan document); run hjob plan --out again");
    const std::string checksum = doc["checksum"];
    doc.erase("checksum");
    if (checksum != "sha256:" + runtime::state::sha256_hex(doc.dump()))
        throw StateError(bad + " (checksum mismatch); run hjob plan --out again");
    if (doc.value("hjob_plan", 0) != plan_file_format)
        throw StateError("the plan file " + path + " has format " + doc.value("hjob_plan", json(nullptr)).dump() +
                         ", which this hjob does not read (it reads " + std::to_string(plan_file_format) + ")");
    PlanFile f;
    try {
        f.state_id = doc.at("state_id").get<std::string>();
        f.modify_index = doc.at("modify_index").get<runtime::Index>();
        f.job_modify_index = doc.at("job_modify_index").get<runtime::Index>();
        f.id_seed = doc.at("id_seed").get<std::string>();
        f.source = doc.at("source").get<std::string>();
        f.source_path = doc.at("source_path").get<std::string>();
        f.variables = doc.at("variables").get<std::map<std::string, std::string>>();
        f.created = doc.at("created").get<runtime::UnixNanos>();
        f.plan = doc.at("plan");
        (void)doc.at("ir");
    } catch (const json::exception& e) {
        throw StateError(bad + " (" + e.what() + ")");
    }
    std::string error;
    auto job = ir::from_json(doc["ir"], &error);
    if (!job) throw StateError("the plan file " + path + " holds a job this hjob cannot read: " + error);
    f.job = std::move(*job);
    return f;
}

}  // namespace hjob::cli
