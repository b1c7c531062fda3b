// Masking (issue 7, acceptance 4): a variable declared `sensitive` never shows in plan text,
// plan --json, the footer's apply command, apply's output, `hjob inspect FILE` or the
// variables recorded with the job version; a value read from the secrets store never reaches
// the database files or hjob's output. Each check greps the real output of the built hjob.
#include <catch2/catch.hpp>

#include "state_fixture.hpp"

using hjob::test::read_file;
using hjob::test::run_hjob;
using hjob::test::TempDir;

namespace {

const std::string password = "sensitive-pw-9137";

const std::string job_text =
    "variable \"db_password\" {\n  type      = string\n  sensitive = true\n}\n"
    "variable \"label\" {\n  type    = string\n  default = \"plain-label-value\"\n}\n"
    "job \"masked\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n"
    "      config {\n        command = \"/bin/sleep\"\n        args = [\"60\"]\n      }\n"
    "      env {\n        PASSWORD = var.db_password\n        DSN = \"mysql://root:${var.db_password}@db\"\n"
    "        LABEL = var.label\n      }\n    }\n  }\n}\n";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("masking: a sensitive variable is shown as (sensitive value) in plan, apply, inspect and history") {
    TempDir dir;
    const std::string data = dir.path + "/state", file = dir.write("masked.hcl", job_text);
    const std::vector<std::string> tail{"--var", "db_password=" + password, "--data-dir", data};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), tail.begin(), tail.end());
        auto r = run_hjob(args);
        INFO(r.out << r.err);
        REQUIRE(r.status == 0);
        return r.out + r.err;
    };
    const std::string plan = with({"plan", file, "--verbose"});
    CHECK(has(plan, "(sensitive value)"));
    CHECK(has(plan, "mysql://root:(sensitive value)@db"));
    CHECK(has(plan, "plain-label-value"));  // other values still show: the mask is targeted
    const std::string plan_json = with({"plan", file, "--json"});
    const std::string inspect = with({"inspect", file});
    CHECK(has(inspect, "\"PASSWORD\": \"(sensitive value)\""));
    const std::string apply = with({"apply", file, "--auto-approve", "--no-agent"});
    const std::string apply_json = with({"apply", file, "--auto-approve", "--no-agent", "--json"});
    auto history = run_hjob({"history", "masked", "--json", "--data-dir", data});
    REQUIRE(history.status == 0);
    CHECK(has(history.out, "\"db_password\": \"(sensitive value)\""));
    for (const auto& [what, text] : std::vector<std::pair<std::string, std::string>>{
             {"plan", plan}, {"plan --json", plan_json}, {"inspect", inspect}, {"apply", apply},
             {"apply --json", apply_json}, {"history", history.out}}) {
        INFO(what << ":\n" << text);
        CHECK_FALSE(has(text, password));
    }
}

TEST_CASE("masking: values read from the secrets store are in no database file and no hjob output but get") {
    TempDir dir;
    const std::string data = dir.path + "/state", value = "store-value-5521";
    auto r = run_hjob({"secret", "put", "secret/app", "password=" + value, "--data-dir", data});
    REQUIRE(r.status == 0);
    std::string outputs = r.out + r.err;
    for (std::vector<std::string> args : {std::vector<std::string>{"secret", "list", "secret/"},
                                          {"secret", "history", "secret/app"},
                                          {"secret", "get", "secret/app", "--field", "nope"},
                                          {"secret", "get", "secret/app", "--version", "9"},
                                          {"secret", "rekey"}}) {
        args.insert(args.end(), {"--data-dir", data});
        const auto o = run_hjob(args);
        outputs += o.out + o.err;
    }
    CHECK_FALSE(has(outputs, value));
    CHECK(has(run_hjob({"secret", "get", "secret/app", "--field", "password", "--data-dir", data}).out, value));
    std::string dump;
    for (const char* f : {"/state.db", "/state.db-wal"}) dump += read_file(data + f);
    REQUIRE(dump.size() > 4096);
    CHECK_FALSE(has(dump, value));
}
