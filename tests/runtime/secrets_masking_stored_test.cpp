// Masking of stored jobs (issue 7, acceptance 4): a variable declared `sensitive` is kept in
// clear in the version's IR (the agent passes it to the task), but no command that prints a
// stored job shows it: `hjob inspect JOB`, `status --json JOB`, `history -p [--json]`, the old
// side of a plan's or apply's diff, and `revert`. Each check greps the real output of hjob.
#include <catch2/catch.hpp>

#include "state_fixture.hpp"

using hjob::test::run_hjob;
using hjob::test::TempDir;

namespace {

// Regex and JSON specials in the values: the masking must find them verbatim and escaped.
const std::string first = "pw\"first.*(1)-8231", second = "pw-second-8232", third = "pw-third-8233";

const std::string job_text =
    "variable \"db_password\" {\n  type      = string\n  sensitive = true\n}\n"
    "variable \"label\" {\n  type    = string\n  default = \"plain-label-value\"\n}\n"
    "job \"stored\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n"
    "      config {\n        command = \"/bin/sleep\"\n        args = [\"60\"]\n      }\n"
    "      env {\n        PASSWORD = var.db_password\n        DSN = \"mysql://root:${var.db_password}@db/${var.label}\"\n"
    "        LABEL = var.label\n      }\n    }\n  }\n}\n";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("masking: no command that prints a stored job shows its sensitive values") {
    TempDir dir;
    const std::string data = dir.path + "/state", file = dir.write("stored.hcl", job_text);
    auto out = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--data-dir", data});
        auto r = run_hjob(args);
        INFO(r.out << r.err);
        REQUIRE(r.status == 0);
        return r.out + r.err;
    };
    out({"apply", file, "--auto-approve", "--no-agent", "--var", "db_password=" + first});
    out({"apply", file, "--auto-approve", "--no-agent", "--var", "db_password=" + second, "--var", "label=other-label"});
    const std::vector<std::pair<std::string, std::string>> outputs{
        {"inspect", out({"inspect", "stored"})},
        {"inspect nomad", out({"inspect", "--format", "nomad", "stored"})},
        {"status --json", out({"status", "--json", "stored"})},
        {"history -p", out({"history", "-p", "stored"})},
        {"history -p --json", out({"history", "-p", "--json", "stored"})},
        {"plan", out({"plan", file, "--verbose", "--var", "db_password=" + third})},
        {"plan --json", out({"plan", file, "--json", "--var", "db_password=" + third})},
        {"revert", out({"revert", "stored", "0"})},
        {"apply", out({"apply", file, "--auto-approve", "--no-agent", "--var", "db_password=" + third})},
    };
    for (const auto& [what, text] : outputs) {
        INFO(what << ":\n" << text);
        CHECK(has(text, "(sensitive value)"));
        CHECK((has(text, "other-label") || has(text, "plain-label-value")));  // the mask is targeted
        for (const auto& v : {first, second, third}) CHECK_FALSE(has(text, v));
        CHECK_FALSE(has(text, "pw\\\"first"));  // JSON's escaped form
    }
    CHECK(has(outputs[0].second, "\"DSN\": \"mysql://root:(sensitive value)@db/other-label\""));
}
