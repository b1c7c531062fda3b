// The IR's JSON form: versioned, and to_json/from_json round-trip every field.
#include <catch2/catch.hpp>

#include "bind_helpers.hpp"
#include "compiler/emit_nomad_json.hpp"

using hjob::test::compile;
namespace ir = hjob::ir;

namespace {

constexpr const char* full_job = R"(job "web" {
  type        = "service"
  datacenters = ["dc1", "dc2"]
  meta { owner = "ops" }
  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }
  spread {
    attribute = "${node.datacenter}"
    target "dc1" { percent = 60 }
  }
  update { max_parallel = 2 }
  periodic { crons = ["@daily"] }
  group "app" {
    count = 3
    network {
      port "http" { to = 8080 }
      port "admin" { static = 9000 }
      dns { servers = ["1.1.1.1"] }
    }
    volume "data" {
      type   = "csi"
      source = "vol"
      mount_options { fs_type = "ext4" }
    }
    service {
      name = "web"
      port = "http"
      tags = ["a"]
      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
        header { X = ["1"] }
      }
    }
    scaling {
      max = 10
      policy { cooldown = "1m" }
    }
    task "server" {
      driver = "docker"
      config {
        image = "nginx"
        ports = ["http"]
      }
      env { MODE = "prod" }
      resources {
        cpu    = 200
        memory = 128
        device "nvidia/gpu" { count = 2 }
      }
      artifact { source = "https://example.com/a.tgz" }
      template {
        data        = "x"
        destination = "local/x"
        change_mode = "signal"
        wait {
          min = "1s"
          max = "5s"
        }
      }
      vault { role = "r" }
      lifecycle { hook = "prestart" }
      volume_mount {
        volume      = "data"
        destination = "/data"
      }
      identity {
        name = "extra"
        aud  = ["x"]
      }
    }
  }
}
)";

}  // namespace

TEST_CASE("IR JSON round-trips a job using most stanzas", "[ir][json]") {
    auto c = compile(full_job);
    INFO(Catch::Detail::stringify(c->messages()));
    REQUIRE(c->result.job);
    const nlohmann::json doc = ir::to_json(c->job());
    CHECK(doc["ir_version"] == 1);
    CHECK(doc["job"]["namespace"] == "default");
    CHECK(doc["job"]["groups"][0]["tasks"][0]["vault"]["namespace"] == "");
    std::string error;
    const auto back = ir::from_json(doc, &error);
    INFO(error);
    REQUIRE(back);
    CHECK(ir::to_json(*back) == doc);
    // And through text, as the state store keeps it.
    const auto reparsed = ir::from_json(nlohmann::json::parse(doc.dump()), &error);
    REQUIRE(reparsed);
    CHECK(ir::to_json(*reparsed) == doc);
    CHECK(reparsed->groups[0].tasks[0].templates[0].wait->max == 5'000'000'000);
    CHECK(reparsed->groups[0].volumes.at("data").mount_options->fs_type == "ext4");
    CHECK(reparsed->groups[0].networks[0].reserved_ports[0].value == 9000);
}

TEST_CASE("IR JSON rejects other versions and malformed documents without throwing", "[ir][json]") {
    std::string error;
    CHECK_FALSE(ir::from_json(nlohmann::json{{"ir_version", 2}, {"job", nlohmann::json::object()}}, &error));
    CHECK(error.find("ir_version") != std::string::npos);
    CHECK_FALSE(ir::from_json(nlohmann::json::array(), &error));
    CHECK_FALSE(ir::from_json(nlohmann::json{{"ir_version", 1}, {"job", {{"priority", "high"}}}}, &error));
    CHECK(error.starts_with("malformed IR"));
    // Missing keys keep the IR's defaults, so later versions' additions stay readable.
    const auto minimal = ir::from_json(nlohmann::json{{"ir_version", 1}, {"job", {{"id", "x"}}}}, &error);
    REQUIRE(minimal);
    CHECK(minimal->priority == 50);
    CHECK(minimal->datacenters == ir::Strings{"*"});
}

TEST_CASE("Nomad API JSON: PascalCase, nanoseconds, nulls for empty collections", "[ir][nomad]") {
    auto c = compile(full_job);
    REQUIRE(c->result.job);
    const auto j = hjob::to_nomad_json(c->job())["Job"];
    CHECK(j["ID"] == "web");
    CHECK(j["Update"]["MaxParallel"] == 2);
    CHECK(j["Update"]["HealthCheck"] == "");
    CHECK(j["Periodic"]["Specs"] == nlohmann::json::array({"@daily"}));
    const auto& g = j["TaskGroups"][0];
    CHECK(g["Update"]["MaxParallel"] == 2);
    CHECK(g["Update"]["MinHealthyTime"] == 10'000'000'000);
    CHECK(g["Networks"][0]["DynamicPorts"][0]["Label"] == "http");
    CHECK(g["Networks"][0]["ReservedPorts"][0]["Value"] == 9000);
    CHECK(g["Services"][0]["Checks"][0]["Interval"] == 10'000'000'000);
    CHECK(g["Services"][0]["Checks"][0]["Header"]["X"] == nlohmann::json::array({"1"}));
    CHECK(g["Scaling"]["Min"] == 3);
    CHECK(g["Scaling"]["Target"]["Group"] == "app");
    CHECK(g["Spreads"].is_null());
    const auto& t = g["Tasks"][0];
    CHECK(t["Resources"]["Devices"][0]["Count"] == 2);
    CHECK(t["Templates"][0]["ChangeSignal"] == "SIGHUP");
    CHECK(t["Artifacts"][0]["RelativeDest"] == "local/");
    CHECK(t["Identities"][0]["Name"] == "extra");
    CHECK(t["Identity"]["Audience"] == nlohmann::json::array({"nomadproject.io"}));
    CHECK(t["Constraints"].is_null());
}

TEST_CASE("task-level scaling policies survive a round trip and emit", "[ir][nomad]") {
    auto c = compile("job \"j\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"exec\"\n"
                     "      scaling \"cpu\" {\n        policy { cooldown = \"1m\" }\n      }\n"
                     "      scaling \"mem\" {\n        max = 512\n      }\n    }\n  }\n}\n");
    INFO(Catch::Detail::stringify(c->messages()));
    REQUIRE(c->result.diagnostics.empty());
    const auto back = ir::from_json(nlohmann::json::parse(ir::to_json(c->job()).dump()));
    REQUIRE(back);
    const auto policies = hjob::to_nomad_json(*back)["Job"]["TaskGroups"][0]["Tasks"][0]["ScalingPolicies"];
    REQUIRE(policies.size() == 2);
    CHECK(policies[0]["Type"] == "vertical_cpu");
    CHECK(policies[0]["Max"] == 0);
    CHECK(policies[0]["Policy"]["cooldown"] == "1m");
    CHECK(policies[1]["Max"] == 512);
    CHECK(policies[1]["Target"]["Task"] == "t");
}
