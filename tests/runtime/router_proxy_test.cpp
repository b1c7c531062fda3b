// The router end to end: real hashiapp processes, a real SQLite catalog, the router on a real
// socket. Traffic reaches every passing instance, follows health and membership changes
// within a second, and a steady stream survives instances being swapped.
#include <catch2/catch.hpp>

#include <csignal>
#include <atomic>
#include <set>
#include <thread>

#include "router_support.hpp"

using namespace hjob::test;
using namespace std::chrono_literals;

namespace {

const std::vector<std::string> app_tags{"urlprefix-/hashiapp strip=/hashiapp", "version-v1"};

// Waits until the router's table reflects the catalog's current index; the time it took.
std::chrono::milliseconds until_applied(RouterFixture& f) {
    const auto target = f.catalog.modify_index();
    const auto start = std::chrono::steady_clock::now();
    while (f.router->tables().current()->catalog_index < target && std::chrono::steady_clock::now() - start < 5s)
        std::this_thread::sleep_for(5ms);
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace

TEST_CASE("router: 300 requests reach every passing instance, a critical one leaves and a new one joins within 1 s") {
    RouterFixture f;
    Hashiapp a(f.dir.path, "app-a"), b(f.dir.path, "app-b"), c(f.dir.path, "app-c");
    for (auto* app : {&a, &b, &c}) f.catalog.put(app_instance("hashiapp", app->id, app->port, app_tags));
    until_applied(f);

    std::map<std::string, int> hits;
    Client client(f.port());
    for (int n = 0; n < 300; ++n) {
        const auto r = client.request("GET", "/hashiapp/");
        REQUIRE(r.status == 200);
        ++hits[instance_of(r.body)];
    }
    CHECK(hits.size() == 3);
    for (const auto& [id, n] : hits) CHECK(n == 100);  // round-robin over equal weights

    f.catalog.set_health(app_instance("hashiapp", b.id, b.port, {}).id, "critical", {});
    CHECK(until_applied(f) < 1000ms);
    hits.clear();
    for (int n = 0; n < 60; ++n) ++hits[instance_of(client.request("GET", "/hashiapp/").body)];
    CHECK(hits.count("app-b") == 0);
    CHECK(hits["app-a"] == 30);

    Hashiapp d(f.dir.path, "app-d");
    f.catalog.put(app_instance("hashiapp", d.id, d.port, app_tags));
    CHECK(until_applied(f) < 1000ms);
    hits.clear();
    for (int n = 0; n < 60; ++n) ++hits[instance_of(client.request("GET", "/hashiapp/").body)];
    CHECK(hits["app-d"] == 20);
    CHECK(hits.count("app-b") == 0);

    const auto m = f.router->metrics().to_json();
    CHECK(m["responses"]["2xx"] == 420);
    CHECK(m["upstream_latency"]["count"] == 420);
}

TEST_CASE("router: a steady stream of requests loses none while every instance is replaced") {
    RouterFixture f;
    std::vector<std::unique_ptr<Hashiapp>> apps;
    for (const char* id : {"old-1", "old-2", "old-3"}) {
        apps.push_back(std::make_unique<Hashiapp>(f.dir.path, id));
        f.catalog.put(app_instance("hashiapp", id, apps.back()->port, app_tags));
    }
    until_applied(f);

    std::atomic<bool> done{false};
    std::atomic<int> sent{0}, failed{0};
    std::set<std::string> seen;
    std::thread stream([&] {
        // 50 requests a second, alternating kept-alive and new connections.
        Client keep(f.port());
        while (!done) {
            const auto r = sent % 2 ? keep.request("GET", "/hashiapp/") : fetch(f.port(), "GET", "/hashiapp/");
            ++sent;
            if (r.status != 200) ++failed;
            else seen.insert(instance_of(r.body));
            std::this_thread::sleep_for(20ms);
        }
    });
    // A rolling update as the agent does it: start the new instance, register it, deregister
    // an old one, and only then stop the old process.
    for (int n = 0; n < 3; ++n) {
        const std::string id = "new-" + std::to_string(n + 1);
        apps.push_back(std::make_unique<Hashiapp>(f.dir.path, id));
        f.catalog.put(app_instance("hashiapp", id, apps.back()->port, app_tags));
        std::this_thread::sleep_for(300ms);
        f.catalog.remove(app_instance("hashiapp", apps[std::size_t(n)]->id, 0, {}).id);
        until_applied(f);
        apps[std::size_t(n)]->proc.kill(SIGTERM);
        std::this_thread::sleep_for(300ms);
    }
    std::this_thread::sleep_for(300ms);
    done = true;
    stream.join();
    INFO("sent " << sent << ", failed " << failed);
    CHECK(sent >= 40);
    CHECK(failed == 0);
    for (const char* id : {"old-1", "new-1", "new-2", "new-3"}) CHECK(seen.count(id) == 1);
    // After the update only new instances answer.
    std::set<std::string> after;
    for (int n = 0; n < 9; ++n) after.insert(instance_of(fetch(f.port(), "GET", "/hashiapp/").body));
    CHECK(after == std::set<std::string>{"new-1", "new-2", "new-3"});
}
