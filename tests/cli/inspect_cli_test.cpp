// `hjob inspect`: output formats, variables, and the exit status contract (0 job printed,
// 1 errors in the file with nothing on standard output, 2 usage or I/O).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_process.hpp"

using hjob::test::run_process;

namespace {

const std::string hjob_bin = HJOB_BINARY_DIR "/hjob";

constexpr const char* job_text = R"(variable "image" {
  type    = string
  default = "nginx:1.25"
}
job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config { image = var.image }
    }
  }
}
)";

}  // namespace

TEST_CASE("inspect prints the IR by default and the Nomad form on request", "[cli][inspect]") {
    const auto ir = run_process({hjob_bin, "inspect", "-"}, job_text);
    REQUIRE(ir.status == 0);
    const auto doc = nlohmann::json::parse(ir.out);
    CHECK(doc["ir_version"] == 1);
    CHECK(doc["job"]["groups"][0]["tasks"][0]["config"]["image"] == "nginx:1.25");
    const auto nomad = run_process({hjob_bin, "inspect", "--format", "nomad", "--var", "image=nginx:1.27", "-"}, job_text);
    REQUIRE(nomad.status == 0);
    const auto api = nlohmann::json::parse(nomad.out);
    CHECK(api["Job"]["TaskGroups"][0]["Tasks"][0]["Config"]["image"] == "nginx:1.27");
    CHECK(api["Job"]["TaskGroups"][0]["Tasks"][0]["KillTimeout"] == 5'000'000'000);
}

TEST_CASE("inspect exits 1 with gcc-style diagnostics on errors", "[cli][inspect]") {
    const auto r = run_process({hjob_bin, "inspect", "-"}, "job \"x\" {\n  group \"g\" {\n    cont = 1\n  }\n}\n");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("<stdin>:3:5: error: Unsupported argument") != std::string::npos);
    CHECK(r.err.find("Did you mean \"count\"?") != std::string::npos);
    const auto parse = run_process({hjob_bin, "inspect", "-"}, "job \"x\" {\n");
    CHECK(parse.status == 1);
    CHECK(parse.out.empty());
}

TEST_CASE("inspect exits 2 on usage and I/O errors", "[cli][inspect]") {
    CHECK(run_process({hjob_bin, "inspect", "/nonexistent/job.hcl"}).status == 2);
    CHECK(run_process({hjob_bin, "inspect"}).status == 2);
    CHECK(run_process({hjob_bin, "inspect", "--format", "yaml", "-"}, job_text).status == 2);
    CHECK(run_process({hjob_bin, "inspect", "--var", "undeclared=1", "-"}, job_text).status == 2);
    const auto help = run_process({hjob_bin, "inspect", "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("Exit status:") != std::string::npos);
}
