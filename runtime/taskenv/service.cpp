// Interpolation of service and check fields (taskenv.hpp), the set Nomad interpolates.
#include "taskenv.hpp"

namespace hjob::runtime::taskenv {

namespace {

void each(ir::Strings& list, const TaskEnv& env) {
    for (auto& s : list) s = env.interpolate(s);
}

void each(ir::StringMap& map, const TaskEnv& env) {
    ir::StringMap out;
    for (const auto& [k, v] : map) out[env.interpolate(k)] = env.interpolate(v);
    map = std::move(out);
}

void check(ir::Check& c, const TaskEnv& env) {
    for (auto* s : {&c.name, &c.type, &c.command, &c.path, &c.protocol, &c.port, &c.method, &c.body, &c.notes,
                    &c.grpc_service})
        *s = env.interpolate(*s);
    each(c.args, env);
    std::map<std::string, ir::Strings> header;
    for (auto [k, values] : c.header) {
        each(values, env);
        header[env.interpolate(k)] = std::move(values);
    }
    c.header = std::move(header);
}

}  // namespace

ir::Service interpolate_service(const ir::Service& service, const TaskEnv& env) {
    ir::Service s = service;
    s.name = env.interpolate(s.name);
    s.address = env.interpolate(s.address);
    s.port = env.interpolate(s.port);
    each(s.tags, env);
    each(s.canary_tags, env);
    each(s.meta, env);
    each(s.canary_meta, env);
    for (auto& c : s.checks) check(c, env);
    return s;
}

}  // namespace hjob::runtime::taskenv
