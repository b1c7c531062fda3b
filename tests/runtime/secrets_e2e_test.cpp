// Issue 7 end to end (acceptance 1, 2 and 4): secrets and policies written by the CLI, the
// HashiStack jobs (examples/jobs/hashiapp.hcl and mysql.hcl) run by a real `hjob agent`, each
// task reading its own secret through the agent's API with its own token (and mysql through
// its template), 403 for the other job's secret, 5 s tokens kept alive by the agent, a job
// without renew-self getting a renewal-failure event, revocation at stop, and no secret value
// in the database files or the agent's log.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "agent_support.hpp"
#include "runtime/state/store.hpp"
#include "secrets_http.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace fs = std::filesystem;
namespace rs = hjob::runtime::state;
using std::chrono::seconds;

namespace {

const std::string bin = HJOB_BINARY_DIR;
const std::string examples = std::string(HJOB_SOURCE_DIR) + "/examples";
const std::string app_value = "app-greeting-e2e-4711", mysql_value = "mysql-root-e2e-4712";

HjobRun hjob_in(const std::string& data, std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", data});
    auto r = run_hjob(args);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    return r;
}

struct Stack {
    TempDir tmp;
    std::string data = tmp.path + "/state";

    std::string alloc_of(const std::string& job) {
        auto store = rs::Store::open(data);
        for (const auto& a : store.allocations(job))
            if (a.client_status == "running") return a.id;
        return "";
    }
    std::string token_of(const std::string& job, const std::string& task) {
        const auto id = alloc_of(job);
        return id.empty() ? "" : read_file(data + "/allocs/" + id + "/" + task + "/secrets/vault_token");
    }
    bool has_event(const std::string& job, const std::string& type, const std::string& text) {
        auto store = rs::Store::open(data);
        for (const auto& a : store.allocations(job))
            for (const auto& [name, t] : a.task_states)
                for (const auto& e : t.events)
                    if (e.type == type && e.message.find(text) != std::string::npos) return true;
        return false;
    }
    // The TTL left on a token as `hjob token lookup` reports it; -1 when it is refused.
    long ttl_of(const std::string& token) {
        auto r = run_hjob({"token", "lookup", "--json", "--data-dir", data, token});
        return r.status == 0 ? nlohmann::json::parse(r.out).at("ttl").get<long>() : -1;
    }
};

// A shell job whose token holds only the hashiapp policy: no `default`, so no renew-self.
std::string norenew_job() {
    return "job \"norenew\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n"
           "      config {\n        command = \"/bin/sleep\"\n        args = [\"60\"]\n      }\n"
           "      vault {\n        policies = [\"hashiapp\"]\n      }\n"
           "      resources {\n        cpu = 50\n        memory = 32\n      }\n    }\n  }\n}\n";
}

}  // namespace

TEST_CASE("secrets e2e: each HashiStack task reads its own secret with its own token, renewed by the agent") {
    Stack s;
    hjob_in(s.data, {"secret", "put", "secret/hashiapp", "greeting=" + app_value});
    hjob_in(s.data, {"secret", "put", "secret/mysql", "root_password=" + mysql_value});
    hjob_in(s.data, {"policy", "write", "hashiapp", examples + "/policies/hashiapp.hcl"});
    hjob_in(s.data, {"policy", "write", "mysql", examples + "/policies/mysql.hcl"});
    ::setenv("HJOB_VAULT_TOKEN_TTL", "5s", 1);  // the agent's task tokens live 5 s unless renewed
    AgentProcess agent(s.data);
    ::unsetenv("HJOB_VAULT_TOKEN_TTL");
    INFO(agent.log());
    hjob_in(s.data, {"apply", "--auto-approve", "--no-agent", examples + "/jobs/hashiapp.hcl", "--var",
                     "hashiapp_command=" + bin + "/hashiapp", "--var", "instances=1"});
    hjob_in(s.data, {"apply", "--auto-approve", "--no-agent", examples + "/jobs/mysql.hcl", "--var",
                     "mysql_command=" + bin + "/hashiapp"});
    hjob_in(s.data, {"apply", "--auto-approve", "--no-agent", s.tmp.write("norenew.hcl", norenew_job())});
    if (!wait_for([&] { return !s.token_of("hashiapp", "hashiapp").empty() && !s.token_of("mysql", "mysql").empty(); },
                  seconds(20)))
        FAIL("no task tokens; the agent's log:\n" << agent.log());
    const auto app = s.token_of("hashiapp", "hashiapp"), db = s.token_of("mysql", "mysql");
    std::smatch m;
    const std::string log = agent.log();
    REQUIRE(std::regex_search(log, m, std::regex("secrets API on http://127\\.0\\.0\\.1:([0-9]+)")));
    const auto port = static_cast<unsigned short>(std::stoi(m[1]));

    using hjob::secrets::testing::http;
    const auto own = http(port, "GET", "/v1/secret/data/hashiapp", app);
    if (own.status != 200) {
        const auto why = run_hjob({"token", "lookup", "--data-dir", s.data, app});
        FAIL("the app's token is refused: " << why.out << why.err << "\nthe agent's log:\n" << agent.log());
    }
    CHECK(own.status == 200);
    CHECK(nlohmann::json::parse(own.body)["data"]["data"]["greeting"] == app_value);
    CHECK(http(port, "GET", "/v1/secret/data/mysql", app).status == 403);
    CHECK(http(port, "GET", "/v1/secret/data/mysql", db).status == 200);
    CHECK(http(port, "GET", "/v1/secret/data/hashiapp", db).status == 403);
    // The task itself read it with VAULT_ADDR and VAULT_TOKEN from its environment.
    const auto app_alloc = s.alloc_of("hashiapp");
    REQUIRE(wait_for([&] { return read_file(s.data + "/allocs/" + app_alloc + "/alloc/logs/hashiapp.stdout.0").find("status 200") != std::string::npos; },
                     seconds(10)));
    // mysql's template rendered its password through the same API with mysql's token.
    const std::string cnf = s.data + "/allocs/" + s.alloc_of("mysql") + "/mysql/secrets/my.cnf";
    REQUIRE(wait_for([&] { return read_file(cnf).find(mysql_value) != std::string::npos; }, seconds(10)));

    // Acceptance 2: 5 s tokens outlive their TTL while the tasks run; one without renew-self
    // gets an event saying why, then expires.
    std::this_thread::sleep_for(seconds(7));
    CHECK(s.ttl_of(app) > 0);
    CHECK(s.ttl_of(db) > 0);
    CHECK(s.has_event("norenew", "Vault Token Renewal Failed", "auth/token/renew-self"));
    CHECK(s.ttl_of(s.token_of("norenew", "t")) == -1);

    // Stopping a job revokes its token.
    hjob_in(s.data, {"stop", "hashiapp"});
    REQUIRE(wait_for([&] { return http(port, "GET", "/v1/auth/token/lookup-self", app).status == 403; }, seconds(15)));

    // Acceptance 4: no value in the database files or the agent's log.
    std::string dump;
    for (const char* f : {"/state.db", "/state.db-wal"}) dump += read_file(s.data + f);
    REQUIRE(dump.size() > 4096);
    CHECK(dump.find("hashiapp") != std::string::npos);  // the grep reads real text
    for (const auto& v : {app_value, mysql_value}) {
        INFO(v);
        CHECK(dump.find(v) == std::string::npos);
        CHECK(agent.log().find(v) == std::string::npos);
    }
    CHECK(agent.log().find(app) == std::string::npos);
}
