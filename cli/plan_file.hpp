// Saved plans (`hjob plan --out FILE`, `hjob apply FILE`): a JSON document that carries what
// apply needs to plan again and commit without the job file: the compiled IR, the source,
// the variables, the planner's seed, and the identity and modify index of the state it was
// made against, plus a sha256 over all of that so that an edited or cut file is refused.
// Like Terraform's, the file holds variable values in clear text: treat it as a secret.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/ir.hpp"
#include "runtime/model.hpp"

namespace hjob::cli {

inline constexpr int plan_file_format = 1;

struct PlanFile {
    std::string state_id;
    runtime::Index modify_index = 0, job_modify_index = 0;
    std::string id_seed;
    ir::Job job;
    std::string source, source_path;
    std::map<std::string, std::string> variables;
    runtime::UnixNanos created = 0;
    nlohmann::json plan;  ///< plan_to_json of the plan as shown, for people and tools
};

/// Writes `file` to `path` (through a temporary file and a rename); throws StateError.
void save_plan_file(const std::string& path, const PlanFile& file);

/// True when `text` is a saved plan rather than a job file (a JSON object; job files are HCL).
bool looks_like_plan_file(const std::string& text);

/// Reads and verifies a saved plan; throws StateError ("tampered or truncated") when it is not
/// valid JSON, its checksum does not match, or its format is unknown.
PlanFile parse_plan_file(const std::string& path, const std::string& text);

}  // namespace hjob::cli
