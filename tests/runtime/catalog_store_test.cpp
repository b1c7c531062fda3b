// The service catalog on a real SQLite state: put/replace, remove, health, ordering, another
// connection seeing the change through PRAGMA data_version.
#include <catch2/catch.hpp>

#include "runtime/catalog/catalog.hpp"
#include "state_fixture.hpp"

namespace rc = hjob::runtime::catalog;
namespace rs = hjob::runtime::state;

namespace {

rc::Instance instance(const std::string& service, const std::string& alloc, int port) {
    rc::Instance i;
    i.id = "_nomad-task-" + alloc + "-web-" + service + "-http";
    i.service = service;
    i.job_id = "web";
    i.group = "g";
    i.task = "web";
    i.alloc_id = alloc;
    i.node_name = "local";
    i.address = "127.0.0.1";
    i.port = port;
    i.tags = {"urlprefix-/" + service, "v1"};
    i.meta = {{"version", "1"}};
    i.checks = {{"c1", "alive", "http", "critical", ""}};
    return i;
}

std::int64_t data_version(rs::Store& s) {
    auto q = s.db().prepare("PRAGMA data_version");
    return q.step() ? q.integer(0) : -1;
}

}  // namespace

TEST_CASE("catalog: put, replace, list sorted by service then id") {
    hjob::test::TempDir dir;
    auto store = rs::Store::open(dir.path);
    rc::Catalog cat(store);
    cat.put(instance("web", "b", 2002));
    cat.put(instance("api", "z", 3000));
    cat.put(instance("web", "a", 2001));
    auto all = cat.list();
    REQUIRE(all.size() == 3);
    CHECK(all[0].service == "api");
    CHECK(all[1].alloc_id == "a");
    CHECK(all[2].alloc_id == "b");
    CHECK(all[1].tags == std::vector<std::string>{"urlprefix-/web", "v1"});
    CHECK(all[1].meta.at("version") == "1");
    REQUIRE(all[1].checks.size() == 1);
    CHECK(all[1].checks[0].type == "http");
    CHECK(all[1].status == "critical");

    auto replaced = instance("web", "a", 2099);
    replaced.canary = true;
    cat.put(replaced);
    auto web = cat.list("web");
    REQUIRE(web.size() == 2);
    CHECK(web[0].port == 2099);
    CHECK(web[0].canary);
    CHECK(web[0].modify_index > web[1].modify_index);
}

TEST_CASE("catalog: set_health changes status and checks, and only bumps the index on a change") {
    hjob::test::TempDir dir;
    auto store = rs::Store::open(dir.path);
    rc::Catalog cat(store);
    const auto i = instance("web", "a", 2001);
    cat.put(i);
    const auto before = cat.modify_index();
    const std::vector<rc::CheckStatus> ok{{"c1", "alive", "http", "passing", "HTTP GET: 200 OK"}};
    cat.set_health(i.id, "passing", ok);
    CHECK(cat.list()[0].status == "passing");
    CHECK(cat.list()[0].checks[0].output == "HTTP GET: 200 OK");
    const auto after = cat.modify_index();
    CHECK(after == before + 1);
    cat.set_health(i.id, "passing", ok);  // same result again: no write
    CHECK(cat.modify_index() == after);
    cat.set_health("no-such-instance", "passing", ok);
    CHECK(cat.modify_index() == after);
    // The global state index (saved plans compare it) is not moved by the catalog.
    CHECK(store.modify_index() == 0);
}

TEST_CASE("catalog: remove and remove_alloc") {
    hjob::test::TempDir dir;
    auto store = rs::Store::open(dir.path);
    rc::Catalog cat(store);
    cat.put(instance("web", "a", 2001));
    cat.put(instance("api", "a", 2002));
    cat.put(instance("web", "b", 2003));
    CHECK(cat.by_alloc("a").size() == 2);
    cat.remove_alloc("a");
    CHECK(cat.by_alloc("a").empty());
    REQUIRE(cat.list().size() == 1);
    const auto index = cat.modify_index();
    cat.remove("missing");
    CHECK(cat.modify_index() == index);
    cat.remove(cat.list()[0].id);
    CHECK(cat.list().empty());
}

TEST_CASE("catalog: joins a transaction the caller holds, so a rollback drops the registration") {
    hjob::test::TempDir dir;
    auto store = rs::Store::open(dir.path);
    rc::Catalog cat(store);
    {
        auto tx = store.write();
        cat.put(instance("web", "a", 2001));
        // no commit
    }
    CHECK(cat.list().empty());
    {
        auto tx = store.write();
        cat.put(instance("web", "a", 2001));
        tx.commit();
    }
    CHECK(cat.list().size() == 1);
}

TEST_CASE("catalog: a reader in another connection sees a change through PRAGMA data_version") {
    hjob::test::TempDir dir;
    auto writer = rs::Store::open(dir.path);
    auto reader = rs::Store::open(dir.path);
    rc::Catalog w(writer), r(reader);
    const auto v0 = data_version(reader);
    CHECK(data_version(reader) == v0);
    w.put(instance("web", "a", 2001));
    CHECK(data_version(reader) != v0);
    CHECK(r.list("web").size() == 1);
}

TEST_CASE("catalog: worst_status") {
    CHECK(rc::worst_status({}) == "passing");
    CHECK(rc::worst_status({{"a", "", "", "passing", ""}, {"b", "", "", "warning", ""}}) == "warning");
    CHECK(rc::worst_status({{"a", "", "", "warning", ""}, {"b", "", "", "bogus", ""}}) == "critical");
}
