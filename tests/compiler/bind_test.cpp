// The binder: schema lookups, Nomad's defaults per job type, and each jobspec2 quirk.
// Diagnostics are in bind_diagnostics_test.cpp.
#include <catch2/catch.hpp>

#include "bind_helpers.hpp"
#include "compiler/bind/values.hpp"
#include "compiler/schema/schema.hpp"

using hjob::test::compile;
namespace ir = hjob::ir;
namespace schema = hjob::schema;

constexpr std::int64_t s = 1'000'000'000;

TEST_CASE("schema lookups", "[bind][schema]") {
    const schema::Block* group = schema::find_block(schema::job(), "group");
    REQUIRE(group != nullptr);
    CHECK(group->repeatable);
    CHECK(group->label == "name");
    const schema::Block* task = schema::find_block(*group, "task");
    REQUIRE(task != nullptr);
    const schema::Attribute* driver = schema::find_attribute(*task, "driver");
    REQUIRE(driver != nullptr);
    CHECK(driver->required);
    CHECK(schema::find_attribute(*task, "drivr") == nullptr);
    const auto* type = schema::find_attribute(schema::job(), "type");
    CHECK(type->default_value == "service");
    CHECK(schema::allowed_values(*type) == std::vector<std::string_view>{"service", "batch", "system", "sysbatch"});
    const auto names = schema::candidate_names(*task);
    CHECK(schema::suggest("drivr", names) == std::optional<std::string_view>("driver"));
    CHECK(schema::suggest("resorces", names) == std::optional<std::string_view>("resources"));
    CHECK_FALSE(schema::suggest("completely_else", names).has_value());
    CHECK(schema::levenshtein("kitten", "sitting") == 3);
    REQUIRE(schema::driver_config("docker") != nullptr);
    CHECK(schema::find_attribute(*schema::driver_config("docker"), "image")->required);
    CHECK(schema::driver_config("java") == nullptr);
    CHECK(schema::type_name(schema::ValueType::string_list) == "list(string)");
    const auto* update = schema::find_block(*group, "update");
    CHECK(schema::find_attribute(*update, "max_parallel")->default_value == "1");
}

TEST_CASE("Go durations", "[bind]") {
    CHECK(hjob::bind::parse_go_duration("300ms") == 300'000'000);
    CHECK(hjob::bind::parse_go_duration("1h30m") == 5400 * s);
    CHECK(hjob::bind::parse_go_duration("1.5h") == 5400 * s);
    CHECK(hjob::bind::parse_go_duration("-2s") == -2 * s);
    CHECK(hjob::bind::parse_go_duration("0") == 0);
    std::string why;
    CHECK_FALSE(hjob::bind::parse_go_duration("5x", &why));
    CHECK(why == "time: unknown unit \"x\" in duration \"5x\"");
    CHECK_FALSE(hjob::bind::parse_go_duration("10", &why));
    CHECK(why == "time: missing unit in duration \"10\"");
    CHECK_FALSE(hjob::bind::parse_go_duration("", &why));
    CHECK(hjob::bind::format_go_duration(5400 * s) == "1h30m0s");
    CHECK(hjob::bind::format_go_duration(300'000'000) == "300ms");
}

TEST_CASE("a service job gets Nomad's service defaults", "[bind][defaults]") {
    auto c = compile("job \"web\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n"
                     "      config { image = \"nginx\" }\n    }\n  }\n}\n");
    INFO(Catch::Detail::stringify(c->messages()));
    REQUIRE(c->result.diagnostics.empty());
    const ir::Job& j = c->job();
    CHECK(j.id == "web");
    CHECK(j.name == "web");
    CHECK(j.type == "service");
    CHECK(j.region == "global");
    CHECK(j.namespace_ == "default");
    CHECK(j.node_pool == "default");
    CHECK(j.priority == 50);
    CHECK(j.datacenters == ir::Strings{"*"});
    REQUIRE(j.groups.size() == 1);
    const ir::Group& g = j.groups[0];
    CHECK(g.count == 1);
    CHECK(g.restart.attempts == 2);
    CHECK(g.restart.interval == 1800 * s);
    CHECK(g.restart.delay == 15 * s);
    CHECK(g.restart.mode == "fail");
    REQUIRE(g.reschedule);
    CHECK(g.reschedule->unlimited);
    CHECK(g.reschedule->delay_function == "exponential");
    CHECK(g.reschedule->max_delay == 3600 * s);
    REQUIRE(g.update);
    CHECK(g.update->max_parallel == 1);
    CHECK(g.update->health_check == "checks");
    CHECK(g.update->progress_deadline == 600 * s);
    REQUIRE(g.migrate);
    CHECK(g.migrate->healthy_deadline == 300 * s);
    CHECK(g.ephemeral_disk.size_mb == 300);
    const ir::Task& t = g.tasks.at(0);
    CHECK(t.resources.cpu == 100);
    CHECK(t.resources.memory_mb == 300);
    CHECK(t.kill_timeout == 5 * s);
    CHECK(t.logs.max_files == 10);
    CHECK(t.logs.max_file_size_mb == 10);
    CHECK(t.restart.attempts == 2);
    REQUIRE(t.identity);
    CHECK(t.identity->audience == ir::Strings{"nomadproject.io"});
    CHECK(t.config == nlohmann::json{{"image", "nginx"}});
}

TEST_CASE("batch and system jobs get their own defaults", "[bind][defaults]") {
    auto batch = compile("job \"b\" {\n  type = \"batch\"\n  group \"g\" {\n    task \"t\" { driver = \"exec\" }\n  }\n}\n");
    const ir::Group& g = batch->job().groups.at(0);
    CHECK(g.restart.attempts == 3);
    CHECK(g.restart.interval == 24 * 3600 * s);
    REQUIRE(g.reschedule);
    CHECK(g.reschedule->attempts == 1);
    CHECK(g.reschedule->delay == 5 * s);
    CHECK(g.reschedule->delay_function == "constant");
    CHECK_FALSE(g.update);
    CHECK_FALSE(g.migrate);
    CHECK_FALSE(batch->job().update);
    auto system = compile("job \"s\" {\n  type = \"system\"\n  group \"g\" {\n    task \"t\" { driver = \"exec\" }\n  }\n}\n");
    CHECK_FALSE(system->job().groups.at(0).reschedule);
    CHECK(system->job().groups.at(0).restart.attempts == 2);
}

TEST_CASE("job-level task becomes an implicit group placed first", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  group \"explicit\" {\n    task \"a\" { driver = \"exec\" }\n  }\n"
                     "  task \"alone\" { driver = \"exec\" }\n}\n");
    REQUIRE(c->job().groups.size() == 2);
    CHECK(c->job().groups[0].name == "alone");
    CHECK(c->job().groups[0].tasks.at(0).name == "alone");
    CHECK(c->job().groups[0].count == 1);
    CHECK(c->job().groups[1].name == "explicit");
}

TEST_CASE("vault at job and group level is pushed into tasks without their own", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  vault { role = \"job\" }\n  group \"g\" {\n    vault { role = \"group\" }\n"
                     "    task \"a\" { driver = \"exec\" }\n"
                     "    task \"b\" {\n      driver = \"exec\"\n      vault { role = \"task\" }\n    }\n  }\n"
                     "  group \"h\" {\n    task \"c\" { driver = \"exec\" }\n  }\n}\n");
    const auto& g = c->job().groups;
    CHECK(g[0].tasks[0].vault->role == "group");
    CHECK(g[0].tasks[1].vault->role == "task");
    CHECK(g[1].tasks[0].vault->role == "job");
    CHECK(g[1].tasks[0].vault->env);
    CHECK(g[1].tasks[0].vault->change_mode == "restart");
}

TEST_CASE("meta and env as block or map argument", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  meta {\n    team = \"a\"\n    n = 3\n  }\n  group \"g\" {\n"
                     "    meta = { \"a.b\" = \"c\" }\n    task \"t\" {\n      driver = \"exec\"\n"
                     "      env = { \"X.Y\" = \"1\", Z = true }\n    }\n  }\n}\n");
    CHECK(c->job().meta == ir::StringMap{{"n", "3"}, {"team", "a"}});
    CHECK(c->job().groups[0].meta == ir::StringMap{{"a.b", "c"}});
    CHECK(c->job().groups[0].tasks[0].env == ir::StringMap{{"X.Y", "1"}, {"Z", "true"}});
}

TEST_CASE("constraint and affinity operator shortcuts", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  constraint { distinct_hosts = true }\n"
                     "  constraint {\n    attribute = \"${attr.nomad.version}\"\n    version = \">= 1.2\"\n  }\n"
                     "  constraint { distinct_property = \"${meta.rack}\" }\n"
                     "  constraint {\n    attribute = \"${attr.kernel.name}\"\n    value = \"linux\"\n  }\n"
                     "  affinity {\n    attribute = \"${node.class}\"\n    set_contains_any = \"a,b\"\n  }\n"
                     "  group \"g\" {\n    task \"t\" { driver = \"exec\" }\n  }\n}\n");
    INFO(Catch::Detail::stringify(c->messages()));
    const auto& k = c->job().constraints;
    REQUIRE(k.size() == 4);
    CHECK(k[0].operand == "distinct_hosts");
    CHECK((k[1].operand == "version" && k[1].value == ">= 1.2" && k[1].attribute == "${attr.nomad.version}"));
    CHECK((k[2].operand == "distinct_property" && k[2].attribute == "${meta.rack}"));
    CHECK((k[3].operand == "=" && k[3].attribute == "${attr.kernel.name}" && k[3].value == "linux"));
    const auto& a = c->job().affinities.at(0);
    CHECK((a.operand == "set_contains_any" && a.value == "a,b" && a.weight == 50));
}

TEST_CASE("config nested blocks become lists of objects", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n      config {\n"
                     "        image = \"x\"\n        port_map { http = 80 }\n        labels = { a = \"b\" }\n"
                     "        mount {\n          type = \"bind\"\n        }\n        mount { type = \"tmpfs\" }\n"
                     "      }\n    }\n  }\n}\n");
    const auto& cfg = c->job().groups[0].tasks[0].config;
    CHECK(cfg["port_map"] == nlohmann::json::array({{{"http", 80}}}));
    CHECK(cfg["labels"] == nlohmann::json::array({{{"a", "b"}}}));
    CHECK(cfg["mount"].size() == 2);
    CHECK(cfg["mount"][1]["type"] == "tmpfs");
}

TEST_CASE("ID from the label, name from the ID or the name argument", "[bind][quirks]") {
    auto c = compile("job \"the-id\" {\n  name = \"Pretty\"\n  group \"g\" {\n    task \"t\" { driver = \"exec\" }\n  }\n}\n");
    CHECK(c->job().id == "the-id");
    CHECK(c->job().name == "Pretty");
}

TEST_CASE("update blocks merge field by field from job to group", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  update {\n    max_parallel = 2\n    stagger = \"10s\"\n  }\n"
                     "  group \"g\" {\n    update { canary = 1 }\n    task \"t\" { driver = \"exec\" }\n  }\n"
                     "  group \"h\" {\n    task \"t\" { driver = \"exec\" }\n  }\n}\n");
    const auto& g = c->job().groups;
    CHECK((g[0].update->max_parallel == 2 && g[0].update->canary == 1 && g[0].update->stagger == 10 * s));
    CHECK((g[1].update->max_parallel == 2 && g[1].update->canary == 0));
    CHECK(c->job().update->max_parallel == 2);
}

TEST_CASE("ports: static ones are reserved, the others dynamic; durations in ns", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  group \"g\" {\n    network {\n      mode = \"bridge\"\n"
                     "      port \"http\" { to = 8080 }\n      port \"admin\" { static = 9000 }\n    }\n"
                     "    task \"t\" {\n      driver = \"exec\"\n      kill_timeout = \"1m30s\"\n"
                     "      shutdown_delay = 2000000000\n    }\n  }\n}\n");
    const auto& n = c->job().groups[0].networks.at(0);
    CHECK(n.mode == "bridge");
    REQUIRE(n.dynamic_ports.size() == 1);
    CHECK((n.dynamic_ports[0].label == "http" && n.dynamic_ports[0].to == 8080 && n.dynamic_ports[0].host_network == "default"));
    REQUIRE(n.reserved_ports.size() == 1);
    CHECK((n.reserved_ports[0].label == "admin" && n.reserved_ports[0].value == 9000));
    CHECK(c->job().groups[0].tasks[0].kill_timeout == 90 * s);
    CHECK(c->job().groups[0].tasks[0].shutdown_delay == 2 * s);
}

TEST_CASE("runtime references stay as text", "[bind][quirks]") {
    auto c = compile("job \"j\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"exec\"\n      config {\n"
                     "        command = \"${NOMAD_TASK_DIR}/run\"\n        args = [\"${node.unique.id}\", env[\"HOME\"], "
                     "\"--port=${NOMAD_PORT_http}\", \"${CSI_ENDPOINT}\"]\n      }\n    }\n  }\n}\n");
    INFO(Catch::Detail::stringify(c->messages()));
    CHECK(c->result.diagnostics.empty());
    const auto& cfg = c->job().groups[0].tasks[0].config;
    CHECK(cfg["command"] == "${NOMAD_TASK_DIR}/run");
    CHECK(cfg["args"] == nlohmann::json::array({"${node.unique.id}", "${env[\"HOME\"]}", "--port=${NOMAD_PORT_http}",
                                                "${CSI_ENDPOINT}"}));
}

TEST_CASE("count defaults to scaling.min, and scaling.min to count", "[bind][defaults]") {
    auto c = compile("job \"j\" {\n  group \"a\" {\n    scaling {\n      min = 3\n      max = 9\n    }\n"
                     "    task \"t\" { driver = \"exec\" }\n  }\n  group \"b\" {\n    count = 2\n"
                     "    scaling { max = 9 }\n    task \"t\" { driver = \"exec\" }\n  }\n}\n");
    CHECK(c->job().groups[0].count == 3);
    CHECK(c->job().groups[1].scaling->min == 2);
    CHECK(c->job().groups[1].scaling->enabled);
    CHECK(c->job().groups[1].scaling->policy.is_null());
}

TEST_CASE("services and checks get names and inherited settings", "[bind][defaults]") {
    auto c = compile("job \"web\" {\n  group \"g\" {\n    service {\n      port = \"http\"\n"
                     "      check_restart { limit = 3 }\n      check {\n        type = \"http\"\n        path = \"/\"\n"
                     "        interval = \"10s\"\n        timeout = \"2s\"\n      }\n    }\n"
                     "    task \"t\" {\n      driver = \"exec\"\n      service { name = \"${JOB}-api\" }\n    }\n  }\n}\n");
    INFO(Catch::Detail::stringify(c->messages()));
    const auto& svc = c->job().groups[0].services.at(0);
    CHECK(svc.name == "web-g");
    CHECK(svc.provider == "consul");
    CHECK(svc.address_mode == "auto");
    const auto& chk = svc.checks.at(0);
    CHECK(chk.name == "service: \"web-g\" check");
    CHECK(chk.on_update == "require_healthy");
    CHECK(chk.interval == 10 * s);
    REQUIRE(chk.check_restart);
    CHECK((chk.check_restart->limit == 3 && chk.check_restart->grace == s));
    CHECK(c->job().groups[0].tasks[0].services.at(0).name == "web-api");
}

TEST_CASE("dynamic blocks expand with their iterator, labels and nesting", "[bind][dynamic]") {
    auto c = compile(R"(job "j" {
  group "g" {
    network {
      dynamic "port" {
        for_each = { http = 8080, grpc = 9090 }
        iterator = p
        labels   = [p.key]
        content {
          to = p.value
        }
      }
    }
    dynamic "task" {
      for_each = ["a", "b"]
      labels   = ["task-${task.value}"]
      content {
        driver = "exec"
        config {
          command = "/bin/${task.value}"
        }
        dynamic "template" {
          for_each = [1, 2]
          content {
            destination = "local/${task.value}-${template.key}"
            data        = "x"
          }
        }
      }
    }
  }
}
)");
    INFO(Catch::Detail::stringify(c->messages()));
    REQUIRE(c->result.diagnostics.empty());
    const auto& g = c->job().groups.at(0);
    const auto& ports = g.networks.at(0).dynamic_ports;
    REQUIRE(ports.size() == 2);
    CHECK((ports[0].label == "grpc" && ports[0].to == 9090));
    CHECK((ports[1].label == "http" && ports[1].to == 8080));
    REQUIRE(g.tasks.size() == 2);
    CHECK(g.tasks[1].name == "task-b");
    CHECK(g.tasks[1].config["command"] == "/bin/b");
    REQUIRE(g.tasks[1].templates.size() == 2);
    CHECK(g.tasks[1].templates[1].destination == "local/b-1");
}
