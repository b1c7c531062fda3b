// The agent's artifacts and templates hooks on a real state and catalog: events, errors that
// fail the start, env templates reaching the task's environment, a catalog change turning into
// a signal per change_mode, and a secret read over HTTP with the task's token.
#include <catch2/catch.hpp>

#include <thread>

#include "artifact_support.hpp"
#include "runtime/agent/hook_artifacts.hpp"
#include "runtime/agent/hook_templates.hpp"
#include "runtime/catalog/catalog.hpp"
#include "runtime/state/store.hpp"

using namespace hjob;
using namespace hjob::runtime;
namespace fs = std::filesystem;

namespace {

struct Harness {
    test::TaskScratch scratch;
    state::Store store = state::Store::open((scratch.root / "state").string());
    catalog::Catalog cat{store};
    agent::AgentServices services{store, &cat, "", (scratch.root / "state").string()};
    Allocation alloc;
    Node node;
    ir::Job job;
    ir::Group group;
    ir::Task task;
    std::vector<std::pair<std::string, std::string>> events;
    std::optional<taskenv::TaskEnv> env;

    Harness() {
        alloc.id = "0b5c7a1e-0000-4000-8000-000000000001";
        alloc.name = "shop.web[0]";
        node.id = "node-1";
        node.address = "127.0.0.1";
        job.id = job.name = "shop";
        group.name = "web";
        task.name = "web";
    }
    agent::TaskContext ctx() {
        env = taskenv::TaskEnv::build(alloc, node, job, group, task, (scratch.root / "alloc").string());
        return agent::TaskContext{alloc, node, job, group, task, (scratch.root / "alloc").string(), scratch.task.string(), *env,
                                  [this](const std::string& t, const std::string& m) { events.emplace_back(t, m); }, services};
    }
    catalog::Instance instance(int port) {
        catalog::Instance i;
        i.id = "_nomad-task-x-" + std::to_string(port);
        i.service = "api";
        i.address = "127.0.0.1";
        i.port = port;
        i.status = "passing";
        return i;
    }
};

}  // namespace

TEST_CASE("artifacts hook: events, interpolation, a failure fails the start") {
    Harness h;
    test::write_file(h.scratch.root / "files" / "app.conf", "conf");
    ir::Artifact a;
    a.source = (h.scratch.root / "files").string() + "/${NOMAD_TASK_NAME}-missing.conf";
    h.task.artifacts.push_back(a);
    auto ctx = h.ctx();
    auto hook = agent::make_artifacts_hook(ctx);
    auto err = hook->prestart(ctx);
    REQUIRE(err);
    CHECK(err->find("web-missing.conf does not exist") != std::string::npos);
    REQUIRE(h.events.size() == 2);
    CHECK(h.events[0].first == "Downloading Artifacts");
    CHECK(h.events[1].first == "Failed Artifact Download");

    h.task.artifacts[0].source = (h.scratch.root / "files" / "app.conf").string();
    auto ctx2 = h.ctx();
    auto ok = agent::make_artifacts_hook(ctx2);
    CHECK_FALSE(ok->prestart(ctx2));
    CHECK(test::read_file(h.scratch.task / "local" / "app.conf") == "conf");
    h.events.clear();
    CHECK_FALSE(ok->prestart(ctx2));  // fetched once per task runner, not again on a restart
    CHECK(h.events.empty());
}

TEST_CASE("templates hook: env templates, a catalog change signals the task") {
    Harness h;
    h.cat.put(h.instance(9001));
    ir::Template up;
    up.destination = "local/${NOMAD_TASK_NAME}.conf";
    up.data = "{{ range service \"api\" }}{{ .Port }} {{ end }}";
    up.change_mode = "signal";
    up.change_signal = "SIGUSR1";
    ir::Template env;
    env.destination = "local/vars.env";
    env.data = "GREETING=hello\n";
    env.env = true;
    h.task.templates = {up, env};
    auto ctx = h.ctx();
    auto hook = agent::make_templates_hook(ctx);
    REQUIRE_FALSE(hook->prestart(ctx));
    CHECK(test::read_file(h.scratch.task / "local" / "web.conf") == "9001 ");
    CHECK(ctx.env.env().at("GREETING") == "hello");
    CHECK(hook->poll(ctx).action == agent::Update::Action::none);

    h.cat.put(h.instance(9002));
    agent::Update u;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (u.action == agent::Update::Action::none && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        u = hook->poll(ctx);
    }
    CHECK(u.action == agent::Update::Action::signal);
    CHECK(u.signal == SIGUSR1);
    CHECK(test::read_file(h.scratch.task / "local" / "web.conf") == "9001 9002 ");
}

TEST_CASE("templates hook: a destination outside the task directory fails the start") {
    Harness h;
    ir::Template bad;
    bad.destination = "../../x";
    bad.data = "x";
    h.task.templates = {bad};
    auto ctx = h.ctx();
    auto hook = agent::make_templates_hook(ctx);
    auto err = hook->prestart(ctx);
    REQUIRE(err);
    CHECK(*err == "template ../../x: template destination \"../../x\" escapes the task directory");
    CHECK_FALSE(fs::exists(h.scratch.root / "x"));
    CHECK_FALSE(fs::exists(h.scratch.task.parent_path().parent_path() / "x"));
}

TEST_CASE("templates hook: secrets come from the API at vault_addr with the task's token") {
    Harness h;
    fs::path www = h.scratch.root / "api";
    test::write_file(www / "v1" / "secret" / "data" / "app", R"({"data":{"data":{"password":"pw1"},"metadata":{"version":1}}})");
    test::HttpServer api(www);
    REQUIRE(api.accepts());
    h.services.vault_addr = "http://127.0.0.1:" + std::to_string(api.port);
    ir::Template t;
    t.destination = "secrets/db.txt";
    t.data = "{{ with secret \"secret/data/app\" }}{{ .Data.data.password }}{{ end }}";
    h.task.templates = {t};
    auto ctx = h.ctx();
    auto hook = agent::make_templates_hook(ctx);
    auto err = hook->prestart(ctx);
    INFO(err.value_or(""));
    REQUIRE_FALSE(err);
    CHECK(test::read_file(h.scratch.task / "secrets" / "db.txt") == "pw1");

    test::write_file(www / "v1" / "secret" / "data" / "app", R"({"data":{"data":{"password":"pw2"},"metadata":{"version":2}}})");
    agent::Update u;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(6);
    while (u.action == agent::Update::Action::none && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        u = hook->poll(ctx);
    }
    CHECK(u.action == agent::Update::Action::restart);
    CHECK(test::read_file(h.scratch.task / "secrets" / "db.txt") == "pw2");

    ir::Template missing = t;
    missing.data = "{{ secret \"secret/data/nope\" }}";
    h.task.templates = {missing};
    auto ctx2 = h.ctx();
    auto hook2 = agent::make_templates_hook(ctx2);
    auto err2 = hook2->prestart(ctx2);
    REQUIRE(err2);
    CHECK(err2->find("secret \"secret/data/nope\": not found, or the task's token may not read it") != std::string::npos);
}

TEST_CASE("templates hook: a task adopted without prestart renders on its first poll, then follows changes") {
    Harness h;
    h.cat.put(h.instance(9001));
    ir::Template up;
    up.destination = "local/up.conf";
    up.data = "{{ range service \"api\" }}{{ .Port }} {{ end }}";
    h.task.templates = {up};
    auto ctx = h.ctx();
    auto hook = agent::make_templates_hook(ctx);
    CHECK(hook->poll(ctx).action == agent::Update::Action::none);  // renders, asks for nothing
    CHECK(test::read_file(h.scratch.task / "local" / "up.conf") == "9001 ");
    h.cat.put(h.instance(9002));
    agent::Update u;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (u.action == agent::Update::Action::none && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        u = hook->poll(ctx);
    }
    CHECK(u.action == agent::Update::Action::restart);
    CHECK(test::read_file(h.scratch.task / "local" / "up.conf") == "9001 9002 ");
}
