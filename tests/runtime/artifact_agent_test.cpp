// Artifacts and templates through the real agent (issue 5, acceptance 6): `hjob apply`, then
// `hjob agent` runs the task. Files are in place before the task starts; an archive entry
// ../../escape and a template destination ../../x fail the start with a clear event, and
// nothing is written outside the task directory. AgentProcess kills everything in every path.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "agent_support.hpp"
#include "artifact_support.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace fs = std::filesystem;
using std::chrono::seconds;

namespace {

/// A job whose task runs `script` under /bin/sh, with `extra` stanzas in the task.
std::string task_job(const std::string& id, const std::string& script, const std::string& extra) {
    return "job \"" + id + "\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n"
           "    restart {\n      attempts = 0\n      mode = \"fail\"\n    }\n"
           "    reschedule {\n      attempts  = 0\n      unlimited = false\n    }\n"
           "    task \"t\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"/bin/sh\"\n"
           "        args    = [\"-c\", \"" + script + "\"]\n      }\n      kill_timeout = \"1s\"\n" + extra +
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
    hjob::runtime::Allocation alloc(const std::string& job) {
        auto store = hjob::runtime::state::Store::open(data);
        auto all = store.allocations(job);
        REQUIRE(all.size() == 1);
        return all.front();
    }
    std::string events(const std::string& job) {
        std::string out;
        for (const auto& [name, t] : alloc(job).task_states)
            for (const auto& e : t.events) out += e.type + ": " + e.message + "\n";
        return out;
    }
    /// Files named `name` anywhere under the temporary directory.
    std::vector<std::string> find(const std::string& name) {
        std::vector<std::string> out;
        for (auto& e : fs::recursive_directory_iterator(tmp.path))
            if (e.path().filename() == name) out.push_back(e.path().string());
        return out;
    }
};

}  // namespace

TEST_CASE("artifact agent: artifacts and templates are in place before the task starts") {
    Fixture f;
    write_file(fs::path(f.tmp.path) / "files" / "hello.txt", "hello\n");
    const std::string extra =
        "      artifact {\n        source = \"file://" + f.tmp.path + "/files/hello.txt?checksum=md5:b1946ac92492d2347c6235b4d2611184\"\n      }\n"
        "      template {\n        destination = \"local/conf.txt\"\n        data = \"task={{ env \\\"NOMAD_TASK_NAME\\\" }}\\n\"\n      }\n"
        "      template {\n        destination = \"secrets/vars.env\"\n        env = true\n        data = \"GREETING=hi\\n\"\n      }\n";
    f.apply("ok.hcl", task_job("ok", "cat $NOMAD_TASK_DIR/hello.txt $NOMAD_TASK_DIR/conf.txt > $NOMAD_TASK_DIR/seen.txt; "
                                     "echo $GREETING >> $NOMAD_TASK_DIR/seen.txt; exec sleep 60", extra));
    AgentProcess agent(f.data);
    INFO(agent.log());
    const std::string seen = f.data + "/allocs/" + f.alloc("ok").id + "/t/local/seen.txt";
    REQUIRE(wait_for([&] { return read_file(seen).find("hi\n") != std::string::npos; }, seconds(20)));
    CHECK(read_file(seen) == "hello\ntask=t\nhi\n");
    INFO(f.events("ok"));
    CHECK(f.events("ok").find("Downloading Artifacts") != std::string::npos);
}

TEST_CASE("artifact agent: an entry ../../escape and a destination ../../x are refused, nothing written outside") {
    Fixture f;
    REQUIRE(python("import tarfile, io\nt = tarfile.open('" + f.tmp.path + "/evil.tgz', 'w:gz')\n"
                   "d = b'pwned'\ni = tarfile.TarInfo('../../escape'); i.size = len(d); t.addfile(i, io.BytesIO(d))\nt.close()\n"));
    f.apply("evil.hcl", task_job("evil", "exec sleep 60", "      artifact {\n        source = \"" + f.tmp.path + "/evil.tgz\"\n      }\n"));
    // `hjob check` (and so apply) refuses a literal ../../x; one that only appears after
    // interpolation at run time must be refused by the agent.
    f.apply("evil2.hcl", task_job("evil2", "exec sleep 60",
                                  "      meta {\n        up = \"../..\"\n      }\n"
                                  "      template {\n        destination = \"${NOMAD_META_up}/x\"\n        data = \"pwned\"\n      }\n"));
    AgentProcess agent(f.data);
    INFO(agent.log());
    REQUIRE(wait_for([&] { return f.alloc("evil").client_status == "failed"; }, seconds(20)));
    REQUIRE(wait_for([&] { return f.alloc("evil2").client_status == "failed"; }, seconds(20)));
    INFO(f.events("evil") << f.events("evil2"));
    CHECK(f.events("evil").find("Failed Artifact Download: failed to download artifact \"" + f.tmp.path +
                                "/evil.tgz\": archive entry \"../../escape\" would be written outside the destination") !=
          std::string::npos);
    CHECK(f.events("evil2").find("template ../../x: template destination \"../../x\" escapes the task directory") !=
          std::string::npos);
    CHECK(f.find("escape").empty());
    CHECK(f.find("x").empty());
}

TEST_CASE("artifact agent: a template over a service re-renders when it scales and signals the task") {
    Fixture f;
    auto api = [](int count) {
        return "job \"api\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    count = " + std::to_string(count) +
               "\n    network {\n      port \"http\" {}\n    }\n    service {\n      name = \"api\"\n      port = \"http\"\n    }\n"
               "    task \"t\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"/bin/sleep\"\n"
               "        args    = [\"60\"]\n      }\n      kill_timeout = \"1s\"\n      resources {\n        cpu    = 50\n"
               "        memory = 64\n      }\n    }\n  }\n}\n";
    };
    const std::string script = f.tmp.write("watch.sh", "trap 'echo got >> $NOMAD_TASK_DIR/signals' USR1\n"
                                                       "while true; do sleep 0.1; done\n");
    const std::string extra =
        "      template {\n        destination   = \"local/up.conf\"\n        change_mode   = \"signal\"\n"
        "        change_signal = \"SIGUSR1\"\n        data = \"{{ range service \\\"api\\\" }}{{ .Port }} {{ end }}\"\n      }\n";
    std::string job = task_job("cfg", "x", extra);
    job.replace(job.find("\"-c\", \"x\""), 9, "\"" + script + "\"");
    f.apply("api.hcl", api(1));
    f.apply("cfg.hcl", job);
    AgentProcess agent(f.data);
    INFO(agent.log());
    const std::string dir = f.data + "/allocs/" + f.alloc("cfg").id + "/t/local/";
    auto ports = [&] {
        std::string text = read_file(dir + "up.conf");
        return std::count(text.begin(), text.end(), ' ');
    };
    REQUIRE(wait_for([&] { return ports() == 1 && f.alloc("cfg").client_status == "running"; }, seconds(20)));
    f.apply("api.hcl", api(2));
    REQUIRE(wait_for([&] { return ports() == 2; }, seconds(20)));
    CHECK(wait_for([&] { return read_file(dir + "signals") == "got\n"; }, seconds(10)));
    CHECK(f.alloc("cfg").task_states.at("t").restarts == 0);
}
