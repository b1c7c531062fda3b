// The catalog's JSON form (json.hpp).
#include "json.hpp"

namespace hjob::runtime::catalog {

void to_json(nlohmann::json& j, const CheckStatus& c) {
    j = {{"id", c.id}, {"name", c.name}, {"type", c.type}, {"status", c.status}, {"output", c.output}};
}

void from_json(const nlohmann::json& j, CheckStatus& c) {
    c.id = j.value("id", "");
    c.name = j.value("name", "");
    c.type = j.value("type", "");
    c.status = j.value("status", "critical");
    c.output = j.value("output", "");
}

void to_json(nlohmann::json& j, const Instance& i) {
    j = {{"id", i.id},         {"service", i.service}, {"job_id", i.job_id},     {"group", i.group},
         {"task", i.task},     {"alloc_id", i.alloc_id}, {"node_id", i.node_id}, {"node_name", i.node_name},
         {"address", i.address}, {"port", i.port},     {"tags", i.tags},         {"meta", i.meta},
         {"status", i.status}, {"checks", i.checks},   {"canary", i.canary},     {"modify_index", i.modify_index}};
}

}  // namespace hjob::runtime::catalog
