// `hjob services` on a real state whose catalog the test fills: the overview, one service,
// --json, an unknown name with its did-you-mean.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "runtime/catalog/catalog.hpp"
#include "state_fixture.hpp"

namespace rc = hjob::runtime::catalog;
namespace rs = hjob::runtime::state;
using hjob::test::run_hjob;

namespace {

void fill(const std::string& dir) {
    auto store = rs::Store::open(dir);
    rc::Catalog cat(store);
    for (int n = 0; n < 3; ++n) {
        rc::Instance i;
        i.alloc_id = "alloc" + std::to_string(n) + "-0000-0000-0000-000000000000";
        i.id = "_nomad-task-" + i.alloc_id + "-web-hashiapp-http";
        i.service = "hashiapp";
        i.address = "127.0.0.1";
        i.port = 24000 + n;
        i.tags = {"urlprefix-/hashiapp"};
        i.status = n == 2 ? "critical" : "passing";
        i.checks = {{"c", "alive", "http", i.status, n == 2 ? "HTTP GET: 500" : "HTTP GET: 200 OK"}};
        cat.put(i);
    }
}

}  // namespace

TEST_CASE("hjob services: overview, one service, json, unknown name") {
    hjob::test::TempDir dir;
    fill(dir.path);
    auto all = run_hjob({"services", "--data-dir", dir.path});
    CHECK(all.status == 0);
    CHECK(all.out.find("hashiapp") != std::string::npos);
    CHECK(all.out.find("urlprefix-/hashiapp") != std::string::npos);
    CHECK(all.out.find("3          2        0        1") != std::string::npos);

    auto one = run_hjob({"services", "hashiapp", "--data-dir", dir.path});
    CHECK(one.status == 0);
    CHECK(one.out.find("127.0.0.1:24002") != std::string::npos);
    CHECK(one.out.find("HTTP GET: 500") != std::string::npos);

    auto js = run_hjob({"services", "hashiapp", "--json", "--data-dir", dir.path});
    REQUIRE(js.status == 0);
    const auto j = nlohmann::json::parse(js.out);
    REQUIRE(j["services"].size() == 1);
    CHECK(j["services"][0]["instances"].size() == 3);
    CHECK(j["services"][0]["instances"][2]["status"] == "critical");
    CHECK(j["services"][0]["instances"][0]["port"] == 24000);

    auto typo = run_hjob({"services", "hashiap", "--data-dir", dir.path});
    CHECK(typo.status == 1);
    CHECK(typo.err.find("did you mean \"hashiapp\"") != std::string::npos);
    auto far = run_hjob({"services", "mysql", "--data-dir", dir.path});
    CHECK(far.status == 1);
    CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("hjob services: an empty catalog") {
    hjob::test::TempDir dir;
    auto r = run_hjob({"services", "--data-dir", dir.path});
    CHECK(r.status == 0);
    CHECK(r.out.find("No services") != std::string::npos);
}

TEST_CASE("hjob routes: Fabio's lines for passing instances, the reason for the rest, --json") {
    hjob::test::TempDir dir;
    fill(dir.path);
    auto r = run_hjob({"routes", "--data-dir", dir.path});
    CHECK(r.status == 0);
    CHECK(r.out.find("route add hashiapp /hashiapp http://127.0.0.1:24000/ weight 0.5000") != std::string::npos);
    CHECK(r.out.find("127.0.0.1:24002") == std::string::npos);  // critical: no target
    auto js = run_hjob({"routes", "--json", "--data-dir", dir.path});
    REQUIRE(js.status == 0);
    const auto j = nlohmann::json::parse(js.out);
    CHECK(j["routes"][0]["targets"].size() == 2);
    {
        auto store = rs::Store::open(dir.path);
        rc::Catalog cat(store);
        for (const auto& i : cat.list()) cat.set_health(i.id, "critical", {});
    }
    auto none = run_hjob({"routes", "--data-dir", dir.path});
    CHECK(none.out.find("# hashiapp /hashiapp: no passing instance of hashiapp for /hashiapp: 3 registered, 3 critical") !=
          std::string::npos);
}
