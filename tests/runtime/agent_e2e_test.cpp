// The agent end to end (issue 5, acceptance 1 without the rollout, 4, 5, 7): real `hjob agent`
// processes on a temporary state, hashiapp and shell tasks as real processes, checks over
// real sockets, the catalog read from the same SQLite file. Every wait has a deadline; the
// AgentProcess guard kills the agent and every task in every path.
#include <catch2/catch.hpp>

#include <signal.h>

#include <map>
#include <set>
#include <thread>

#include "agent_support.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;
namespace catalog = hjob::runtime::catalog;
using std::chrono::seconds;

namespace {

const std::string hashiapp = std::string(HJOB_BINARY_DIR) + "/hashiapp";

std::string web_job(int count, const std::string& restart = "attempts = 2\n      delay = \"200ms\"") {
    return "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"web\" {\n    count = " + std::to_string(count) +
           "\n    network {\n      port \"http\" {}\n    }\n    restart {\n      " + restart +
           "\n      interval = \"1m\"\n      mode = \"fail\"\n    }\n    reschedule {\n      attempts  = 0\n"
           "      unlimited = false\n    }\n    service {\n      name = \"web\"\n      port = \"http\"\n"
           "      check {\n        type     = \"http\"\n        path     = \"/health\"\n        interval = \"1s\"\n"
           "        timeout  = \"1s\"\n      }\n    }\n    task \"server\" {\n      driver = \"raw_exec\"\n"
           "      config {\n        command = \"" + hashiapp + "\"\n        args    = [\"--control\"]\n      }\n"
           "      kill_timeout = \"2s\"\n      resources {\n        cpu    = 50\n        memory = 64\n      }\n    }\n  }\n}\n";
}

/// A job whose task runs `script` under /bin/sh.
std::string shell_job(const std::string& id, const std::string& script, const std::string& restart) {
    return "job \"" + id + "\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    network {\n      port \"p\" {}\n    }\n"
           "    restart {\n      " + restart + "\n      interval = \"1m\"\n      mode = \"fail\"\n    }\n"
           "    reschedule {\n      attempts  = 0\n      unlimited = false\n    }\n"
           "    service {\n      name = \"" + id + "\"\n      port = \"p\"\n    }\n"
           "    task \"t\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"/bin/sh\"\n"
           "        args    = [\"-c\", \"" + script + "\"]\n      }\n      kill_timeout = \"2s\"\n"
           "      resources {\n        cpu    = 50\n        memory = 64\n      }\n    }\n  }\n}\n";
}

struct Fixture {
    TempDir tmp;
    std::string data = tmp.path + "/state";

    void apply(const std::string& name, const std::string& text) {
        auto r = run_hjob({"apply", "--data-dir", data, "--auto-approve", tmp.write(name, text)});
        INFO(r.out << r.err);
        REQUIRE(r.status == 0);
    }
    std::vector<hjob::runtime::Allocation> allocs(const std::string& job) {
        auto store = rs::Store::open(data);
        return store.allocations(job);
    }
    std::vector<catalog::Instance> instances(const std::string& service) {
        auto store = rs::Store::open(data);
        return catalog::Catalog(store).list(service);
    }
    int passing(const std::string& service) {
        int n = 0;
        for (const auto& i : instances(service)) n += i.status == "passing";
        return n;
    }
    hjob::runtime::Allocation alloc(const std::string& job, const std::string& id) {
        for (auto& a : allocs(job))
            if (a.id == id) return a;
        FAIL("no allocation " << id);
        return {};
    }
    bool has_event(const std::string& job, const std::string& id, const std::string& type, const std::string& text = "") {
        for (const auto& [name, t] : alloc(job, id).task_states)
            for (const auto& e : t.events)
                if (e.type == type && e.message.find(text) != std::string::npos) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("agent: a service job's 3 instances run and listen on their ports and pass their http checks") {
    Fixture f;
    f.apply("web.hcl", web_job(3));
    AgentProcess agent(f.data);
    REQUIRE(wait_for([&] { return f.passing("web") == 3; }, seconds(30)));
    std::set<int> ports;
    for (const auto& i : f.instances("web")) {
        INFO(i.id);
        CHECK(i.address == "127.0.0.1");
        CHECK(http_get(i.address, i.port, "/").find(i.alloc_id) != std::string::npos);  // its own instance answers
        ports.insert(i.port);
    }
    CHECK(ports.size() == 3);
    for (const auto& a : f.allocs("web")) {
        CHECK(a.client_status == "running");
        CHECK(task_pids(a.id).size() == 1);
        CHECK(f.has_event("web", a.id, "Started", "Task started by client"));
    }
    auto status = run_hjob({"alloc", "status", "--data-dir", f.data, f.allocs("web").front().id.substr(0, 8)});
    INFO(status.out << status.err);
    CHECK(status.status == 0);
    CHECK(status.out.find("Task \"server\" is \"running\"") != std::string::npos);
    CHECK(status.out.find("passing") != std::string::npos);
    auto logs = run_hjob({"alloc", "logs", "--data-dir", f.data, f.allocs("web").front().id});
    CHECK(logs.out.find("listening on 127.0.0.1:") != std::string::npos);
}

TEST_CASE("agent: a killed task is restarted per its policy and one that keeps failing is marked failed with its events") {
    Fixture f;
    f.apply("web.hcl", web_job(1, "attempts = 1\n      delay = \"200ms\""));
    f.apply("bad.hcl", shell_job("bad", "exit 3", "attempts = 1\n      delay = \"200ms\""));
    AgentProcess agent(f.data);
    const auto web = f.allocs("web").front().id;
    REQUIRE(wait_for([&] { return task_pids(web).size() == 1; }, seconds(10)));
    const int first = task_pids(web).front();
    ::kill(first, SIGKILL);
    REQUIRE(wait_for([&] { auto p = task_pids(web); return p.size() == 1 && p.front() != first; }, seconds(10)));
    REQUIRE(wait_for([&] { return f.alloc("web", web).client_status == "running"; }, seconds(5)));
    CHECK(f.has_event("web", web, "Terminated", "Signal: 9"));
    CHECK(f.has_event("web", web, "Restarting", "Task restarting in 200ms"));
    CHECK(f.alloc("web", web).task_states.at("server").restarts == 1);

    const auto bad = f.allocs("bad").front().id;
    REQUIRE(wait_for([&] { return f.alloc("bad", bad).client_status == "failed"; }, seconds(10)));
    const auto t = f.alloc("bad", bad).task_states.at("t");
    CHECK(t.state == "dead");
    CHECK(t.failed);
    CHECK(f.has_event("bad", bad, "Terminated", "Exit Code: 3"));
    CHECK(f.has_event("bad", bad, "Not Restarting", "Exceeded allowed attempts 1 in interval 1m0s"));
    CHECK(f.instances("bad").empty());  // deregistered when it ended
}

TEST_CASE("agent: after kill -9 of the agent every task runs again (adopted or restarted) and never twice") {
    Fixture f;
    f.apply("web.hcl", web_job(3));
    AgentProcess agent(f.data);
    auto ids = f.allocs("web");
    REQUIRE(wait_for([&] {
        for (const auto& a : ids)
            if (task_pids(a.id).size() != 1) return false;
        return true;
    }, seconds(15)));
    std::map<std::string, int> before;
    for (const auto& a : ids) before[a.id] = task_pids(a.id).front();
    agent.kill9();
    ::kill(before[ids[0].id], SIGKILL);  // one task dies while no agent runs
    agent.restart();
    REQUIRE(wait_for([&] { return task_pids(ids[0].id).size() == 1 && f.passing("web") == 3; }, seconds(20)));
    for (const auto& a : ids) {
        INFO(a.id);
        const auto pids = task_pids(a.id);
        REQUIRE(pids.size() == 1);                                            // none duplicated
        if (a.id != ids[0].id) CHECK(pids.front() == before[a.id]);          // adopted, not restarted
        else CHECK(pids.front() != before[a.id]);                           // restarted
    }
    CHECK(f.has_event("web", ids[0].id, "Terminated", "while no agent ran"));
    // Still one each a moment later: the new agent started nothing twice.
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    for (const auto& a : ids) CHECK(task_pids(a.id).size() == 1);
}

TEST_CASE("agent: hjob stop ends the task and the children it spawned and deregisters its services") {
    Fixture f;
    f.apply("kids.hcl", shell_job("kids", "sleep 300 & sleep 300 & wait", "attempts = 0\n      delay = \"1s\""));
    AgentProcess agent(f.data);
    const auto id = f.allocs("kids").front().id;
    REQUIRE(wait_for([&] { return f.instances("kids").size() == 1 && processes_under(f.data).size() == 3; }, seconds(10)));
    auto stop = run_hjob({"stop", "--data-dir", f.data, "kids"});
    INFO(stop.out << stop.err);
    REQUIRE(stop.status == 0);
    CHECK(wait_for([&] { return processes_under(f.data).empty(); }, seconds(10)));
    CHECK(wait_for([&] { return f.instances("kids").empty(); }, seconds(5)));
    CHECK(wait_for([&] { return f.alloc("kids", id).client_status == "complete"; }, seconds(5)));
    CHECK(f.has_event("kids", id, "Killed"));
}

TEST_CASE("agent: check_restart restarts a task whose check stays critical") {
    Fixture f;
    std::string job = web_job(1, "attempts = 5\n      delay = \"200ms\"");
    const std::string check = "        timeout  = \"1s\"\n";
    job.replace(job.find(check), check.size(),
                check + "        check_restart {\n          limit = 2\n          grace = \"1s\"\n        }\n");
    const std::string args = "args    = [\"--control\"]";
    job.replace(job.find(args), args.size(), "args    = [\"--control\", \"--fail-health\"]");
    f.apply("web.hcl", job);
    AgentProcess agent(f.data);
    const auto id = f.allocs("web").front().id;
    REQUIRE(wait_for([&] { return f.has_event("web", id, "Restart Signaled", "healthcheck: check"); }, seconds(20)));
    REQUIRE(wait_for([&] { return task_pids(id).size() == 1 && f.alloc("web", id).task_states.at("server").restarts >= 1; },
                     seconds(10)));
    CHECK(f.has_event("web", id, "Killing"));
}

TEST_CASE("agent: agent stop --leave-tasks leaves the tasks running for the next agent to adopt") {
    Fixture f;
    f.apply("web.hcl", web_job(2));
    AgentProcess agent(f.data);
    auto ids = f.allocs("web");
    REQUIRE(wait_for([&] { return task_pids(ids[0].id).size() == 1 && task_pids(ids[1].id).size() == 1; }, seconds(15)));
    const int pid0 = task_pids(ids[0].id).front();
    auto stop = run_hjob({"agent", "stop", "--leave-tasks", "--data-dir", f.data});
    INFO(stop.out << stop.err);
    REQUIRE(stop.status == 0);
    CHECK(task_pids(ids[0].id) == std::vector<int>{pid0});
    agent.restart();
    REQUIRE(wait_for([&] { return f.passing("web") == 2; }, seconds(15)));
    CHECK(task_pids(ids[0].id) == std::vector<int>{pid0});
    CHECK(task_pids(ids[1].id).size() == 1);
}

TEST_CASE("agent: a running task whose handle was never stored is found by its environment and not started twice") {
    Fixture f;
    f.apply("web.hcl", web_job(1));
    AgentProcess agent(f.data);
    const auto id = f.allocs("web").front().id;
    REQUIRE(wait_for([&] { return task_pids(id).size() == 1 && f.alloc("web", id).client_status == "running"; }, seconds(15)));
    const int pid = task_pids(id).front();
    agent.kill9();
    {
        // As if the agent had died between the start and the write of the handle.
        auto store = rs::Store::open(f.data);
        store.db().exec("DELETE FROM task_handles");
    }
    agent.restart();
    REQUIRE(wait_for([&] { return f.passing("web") == 1; }, seconds(15)));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(task_pids(id) == std::vector<int>{pid});
}

TEST_CASE("agent: an allocation that fails past its restarts is rescheduled as its reschedule policy allows") {
    Fixture f;
    std::string job = shell_job("flaky", "exit 1", "attempts = 0\n      delay = \"100ms\"");
    const std::string none = "      attempts  = 0\n      unlimited = false\n";
    job.replace(job.find(none), none.size(),
                "      attempts  = 1\n      interval  = \"1h\"\n      delay     = \"5s\"\n      unlimited = false\n");
    f.apply("flaky.hcl", job);
    AgentProcess agent(f.data);
    const auto first = f.allocs("flaky").front().id;
    REQUIRE(wait_for([&] { return f.alloc("flaky", first).client_status == "failed"; }, seconds(10)));
    std::string replacement;
    REQUIRE(wait_for([&] {
        for (const auto& a : f.allocs("flaky"))
            if (a.previous_allocation == first) replacement = a.id;
        return !replacement.empty();
    }, seconds(20)));
    // One reschedule only: the replacement fails too and stays failed, with no third allocation.
    REQUIRE(wait_for([&] { return f.alloc("flaky", replacement).client_status == "failed"; }, seconds(10)));
    std::this_thread::sleep_for(std::chrono::seconds(2));
    CHECK(f.allocs("flaky").size() == 2);
}
