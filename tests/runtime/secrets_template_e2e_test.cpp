// Issue 7, acceptance 3, end to end: a real `hjob agent` runs three tasks whose templates read
// the same secret into secrets/app.env, one per change_mode. `hjob secret put` of a new value
// re-renders all three within seconds; the restart task gets a new process and a "Restart
// Signaled" event naming the template, the signal task keeps its process and sees SIGHUP (its
// shell trap writes a line), the noop task keeps its process and gets neither. Neither value
// reaches the agent's log or the database files.
#include <catch2/catch.hpp>

#include <filesystem>

#include "agent_support.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;
using std::chrono::seconds;

namespace {

const std::string first = "tpl-first-value-6101", second = "tpl-second-value-6102";

// One group per change_mode, so that each allocation has one task main process to follow.
std::string group(const std::string& mode) {
    const std::string signal = mode == "signal" ? "        change_signal = \"SIGHUP\"\n" : "";
    return "  group \"" + mode + "\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n"
           "      config {\n        command = \"/bin/sh\"\n"
           "        args = [\"-c\", \"trap 'echo hup >> $NOMAD_TASK_DIR/hup.log' HUP; "
           "while true; do sleep 1 & wait $!; done\"]\n      }\n"
           "      vault {\n        policies = [\"app\"]\n      }\n"
           "      template {\n        data = <<EOT\nPASSWORD={{ with secret \"secret/data/app\" }}"
           "{{ .Data.data.password }}{{ end }}\nEOT\n"
           "        destination = \"secrets/app.env\"\n        change_mode = \"" + mode + "\"\n" + signal +
           "      }\n      resources {\n        cpu = 20\n        memory = 16\n      }\n    }\n  }\n";
}

std::string job_text() { return "job \"tpl\" {\n" + group("restart") + group("signal") + group("noop") + "}\n"; }

const std::string policy = "path \"secret/data/app\" {\n  capabilities = [\"read\"]\n}\n";

void hjob_ok(const std::string& data, std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", data});
    auto r = run_hjob(args);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
}

struct Alloc {
    std::string id, dir;
    std::string file(const std::string& rel) const { return read_file(dir + "/t/" + rel); }
};

Alloc running_alloc(const std::string& data, const std::string& group_name) {
    auto store = rs::Store::open(data);
    for (const auto& a : store.allocations("tpl"))
        if (a.group == group_name && a.client_status == "running") return {a.id, data + "/allocs/" + a.id};
    return {};
}

// The events of group `group_name`'s task, as "Type: message" lines.
std::string events_of(const std::string& data, const std::string& group_name) {
    auto store = rs::Store::open(data);
    std::string out;
    for (const auto& a : store.allocations("tpl"))
        if (a.group == group_name)
            for (const auto& [name, t] : a.task_states)
                for (const auto& e : t.events) out += e.type + ": " + e.message + "\n";
    return out;
}

int one_pid(const std::string& alloc_id) {
    const auto pids = task_pids(alloc_id);
    return pids.size() == 1 ? pids.front() : -1;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("secrets template e2e: a changed secret re-renders and restarts, signals or leaves the task per change_mode") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    hjob_ok(data, {"secret", "put", "secret/app", "password=" + first});
    hjob_ok(data, {"policy", "write", "app", tmp.write("app.hcl", policy)});
    AgentProcess agent(data);
    INFO(agent.log());
    hjob_ok(data, {"apply", "--auto-approve", "--no-agent", tmp.write("tpl.hcl", job_text())});

    Alloc a[3];
    const char* modes[3] = {"restart", "signal", "noop"};
    int pid[3] = {-1, -1, -1};
    const bool up = wait_for(
        [&] {
            for (int i = 0; i < 3; ++i) {
                a[i] = running_alloc(data, modes[i]);
                if (a[i].id.empty() || !has(a[i].file("secrets/app.env"), first)) return false;
                if ((pid[i] = one_pid(a[i].id)) < 0) return false;
            }
            return true;
        },
        seconds(60));
    if (!up) FAIL("the tasks did not start with their rendered template; the agent's log:\n" << agent.log());
    CHECK(a[0].file("secrets/app.env") == "PASSWORD=" + first + "\n");

    hjob_ok(data, {"secret", "put", "secret/app", "password=" + second});
    for (int i = 0; i < 3; ++i) {
        INFO(modes[i] << " events:\n" << events_of(data, modes[i]));
        CHECK(wait_for([&] { return has(a[i].file("secrets/app.env"), second); }, seconds(30)));
    }

    // restart: a new main process, and the events say why.
    INFO("restart events:\n" << events_of(data, "restart"));
    CHECK(wait_for([&] { const int p = one_pid(a[0].id); return p > 0 && p != pid[0]; }, seconds(30)));
    CHECK(has(events_of(data, "restart"), "Restart Signaled: Template with change_mode restart re-rendered (secrets/app.env)"));
    CHECK(has(events_of(data, "restart"), "Restarting: "));

    // signal: the same process, which saw SIGHUP.
    CHECK(wait_for([&] { return has(a[1].file("local/hup.log"), "hup"); }, seconds(30)));
    CHECK(one_pid(a[1].id) == pid[1]);
    CHECK(has(events_of(data, "signal"), "Signaling: Template re-rendered (secrets/app.env)"));

    // noop: the file only.
    CHECK(one_pid(a[2].id) == pid[2]);
    CHECK(a[2].file("local/hup.log").empty());
    CHECK_FALSE(has(events_of(data, "noop"), "Restart"));
    CHECK_FALSE(has(events_of(data, "signal"), "Restart"));
    CHECK(has(events_of(data, "noop"), "Template Re-rendered"));
    // Neither value reached the agent's log or the database files (the store keeps them encrypted).
    std::string dump = agent.log();
    for (const char* f : {"/state.db", "/state.db-wal"}) dump += read_file(data + f);
    CHECK(has(dump, "secrets/app.env"));  // the grep reads real text
    CHECK_FALSE(has(dump, first));
    CHECK_FALSE(has(dump, second));
}
