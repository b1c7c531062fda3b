// The state store on a real SQLite file: migrations and their version check, a corrupt file
// and an unusable directory, the modify index, round trips of the model, node lookup by id
// prefix or name, per-node usage, and the state lock (contention, holder details, stale
// takeover, force-unlock).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "runtime/state/local_node.hpp"
#include "runtime/state/lock.hpp"
#include "runtime/state/migrations.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using hjob::test::TempDir;
namespace rs = hjob::runtime::state;
using hjob::runtime::Allocation;
using hjob::runtime::Node;

namespace {

int user_version(rs::Store& s) {
    auto st = s.db().prepare("PRAGMA user_version");
    st.step();
    return st.int32(0);
}

Node node(const std::string& id, const std::string& name) {
    Node n;
    n.id = id;
    n.name = name;
    n.cpu_mhz = 4000;
    n.memory_mb = 8192;
    n.attributes = {{"kernel.name", "linux"}};
    return n;
}

}  // namespace

TEST_CASE("a new state is migrated to the latest schema in WAL mode with an identity") {
    TempDir dir;
    auto store = rs::Store::open(dir.path + "/s");
    CHECK(user_version(store) == rs::schema_version());
    CHECK(rs::schema_version() == static_cast<int>(rs::migrations().size()));
    CHECK(rs::migrations().front().name == "0001_initial.sql");
    auto mode = store.db().prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
    auto fk = store.db().prepare("PRAGMA foreign_keys");
    REQUIRE(fk.step());
    CHECK(fk.int32(0) == 1);
    CHECK(store.state_id().size() == 36);
    const std::string id = store.state_id();
    auto again = rs::Store::open(dir.path + "/s");  // reopening keeps the identity, migrates nothing
    CHECK(again.state_id() == id);
    CHECK(user_version(again) == rs::schema_version());
}

TEST_CASE("a state written by a newer hjob is refused with a clear message") {
    TempDir dir;
    {
        auto store = rs::Store::open(dir.path);
        store.db().exec("PRAGMA user_version = 999");
    }
    try {
        rs::Store::open(dir.path);
        FAIL("opened a newer schema");
    } catch (const rs::StateError& e) {
        CHECK(std::string(e.what()).find("schema version 999, newer than this hjob knows") != std::string::npos);
        CHECK(std::string(e.what()).find("upgrade hjob") != std::string::npos);
    }
}

TEST_CASE("a corrupt database file or an unusable directory gives a StateError") {
    TempDir dir;
    std::ofstream(dir.path + "/state.db") << "this is not a database, but it is long enough to have a header......";
    CHECK_THROWS_WITH(rs::Store::open(dir.path), Catch::Contains("is corrupt or not an hjob state"));
    const auto file = dir.write("file", "x");
    CHECK_THROWS_WITH(rs::Store::open(file + "/sub"), Catch::Contains("cannot create the data directory"));
}

TEST_CASE("write transactions bump the modify index and a rolled back one leaves no trace") {
    TempDir dir;
    auto store = rs::Store::open(dir.path);
    CHECK(store.modify_index() == 0);
    {
        auto tx = store.write();
        CHECK(store.next_index() == 1);
        store.put_node(node("11111111-0000-4000-8000-000000000000", "a"));
        tx.commit();
    }
    {
        auto tx = store.write();
        store.next_index();
        store.put_node(node("22222222-0000-4000-8000-000000000000", "b"));
    }  // no commit: rolled back
    CHECK(store.modify_index() == 1);
    CHECK(store.nodes().size() == 1);
}

TEST_CASE("nodes are found by id or unique id prefix or name") {
    TempDir dir;
    auto store = rs::Store::open(dir.path);
    {
        auto tx = store.write();
        store.put_node(node("abc11111-0000-4000-8000-000000000000", "alpha"));
        store.put_node(node("abc22222-0000-4000-8000-000000000000", "beta"));
        tx.commit();
    }
    CHECK(store.find_node("alpha").id.rfind("abc1", 0) == 0);
    CHECK(store.find_node("abc2").name == "beta");
    CHECK_THROWS_WITH(store.find_node("abc"), Catch::Contains("matches 2 nodes"));
    CHECK_THROWS_WITH(store.find_node("zzz"), Catch::Contains("no node matches"));
    const auto n = store.node("abc11111-0000-4000-8000-000000000000");
    REQUIRE(n);
    CHECK(n->attributes.at("kernel.name") == "linux");
    CHECK(store.next_node_address() == "127.0.0.2");
}

TEST_CASE("the local node registers once with this machine's capacity and attributes") {
    TempDir dir;
    auto store = rs::Store::open(dir.path);
    const auto id = rs::ensure_local_node(store);
    CHECK(rs::ensure_local_node(store) == id);
    const auto n = store.node(id);
    REQUIRE(n);
    CHECK(n->cpu_mhz > 0);
    CHECK(n->memory_mb > 0);
    CHECK(n->address == "127.0.0.1");
    CHECK(n->datacenter == "dc1");
    for (const char* attr : {"kernel.name", "os.name", "cpu.arch", "unique.hostname", "unique.network.ip-address",
                             "driver.exec", "driver.raw_exec"})
        CHECK(n->attributes.count(attr) == 1);
}

TEST_CASE("allocations round trip and the node usage follows the live ones") {
    TempDir dir;
    auto store = rs::Store::open(dir.path);
    auto tx = store.write();
    const auto index = store.next_index();
    store.put_node(node("n1", "n1"));
    hjob::runtime::JobRecord job;
    job.id = "web";
    store.put_job(job);
    Allocation a;
    a.id = "a1";
    a.job_id = "web";
    a.group = "g";
    a.name = "web.g[0]";
    a.node_id = "n1";
    a.resources.cpu = 250;
    a.resources.memory_mb = 128;
    a.resources.ports = {{"http", 21000}};
    a.healthy = true;
    a.task_states["t"].events.push_back({5, "Received", "Task received by client"});
    a.create_index = a.modify_index = index;
    store.put_allocation(a);
    Allocation b = a;
    b.id = "a2";
    b.desired_status = "stop";
    store.put_allocation(b);
    store.refresh_usage({"n1"});
    tx.commit();
    const auto got = store.allocations("web");
    REQUIRE(got.size() == 2);
    CHECK(got[0].resources.ports.at("http") == 21000);
    CHECK(got[0].healthy == std::optional<bool>(true));
    CHECK(got[0].task_states.at("t").events.at(0).type == "Received");
    CHECK(store.allocations("web", true).size() == 1);
    const auto usage = store.node_usage().at("n1");
    CHECK(usage.cpu == 250);
    CHECK(usage.memory_mb == 128);
    CHECK(usage.allocations == 1);
    CHECK(usage.ports == std::vector<int>{21000});
    auto del = store.write();
    store.delete_job("web");  // cascades to the allocations and frees the node
    del.commit();
    CHECK(store.allocations("web").empty());
    CHECK(store.node_usage().at("n1").allocations == 0);
}

TEST_CASE("the state lock makes a second writer fail naming the holder until it is released") {
    TempDir dir;
    auto first = rs::StateLock::acquire(dir.path, "apply", 0);
    try {
        rs::StateLock::acquire(dir.path, "stop", 50'000'000);
        FAIL("took a held lock");
    } catch (const rs::LockError& e) {
        REQUIRE(e.holder);
        CHECK(e.holder->id == first.info().id);
        CHECK(e.holder->pid == ::getpid());
        CHECK(std::string(e.what()).find("Operation: apply") != std::string::npos);
        CHECK(std::string(e.what()).find("waited") != std::string::npos);
    }
    { auto released = std::move(first); }
    auto second = rs::StateLock::acquire(dir.path, "stop", 0);
    CHECK(second.info().operation == "stop");
    CHECK(!second.stale());
}

TEST_CASE("a lock whose holder died is taken over and reported as stale") {
    TempDir dir;
    const pid_t child = ::fork();
    if (child == 0) {
        auto lock = rs::StateLock::acquire(dir.path, "apply", 0);
        ::_exit(0);  // dies holding it: no destructor runs, the info file stays
    }
    int st = 0;
    ::waitpid(child, &st, 0);
    REQUIRE(rs::read_lock_info(dir.path));
    CHECK(!rs::process_alive(rs::read_lock_info(dir.path)->pid));
    auto lock = rs::StateLock::acquire(dir.path, "apply", 0);
    REQUIRE(lock.stale());
    CHECK(lock.stale()->pid == child);
}

TEST_CASE("force-unlock removes only the lock whose id it is given") {
    TempDir dir;
    auto held = rs::StateLock::acquire(dir.path, "apply", 0);
    CHECK_THROWS_WITH(rs::force_unlock(dir.path, "nope"), Catch::Contains("does not match"));
    const auto removed = rs::force_unlock(dir.path, held.info().id);
    CHECK(removed.id == held.info().id);
    CHECK(!rs::read_lock_info(dir.path));
    auto next = rs::StateLock::acquire(dir.path, "apply", 0);  // a new lock file: not blocked by the old holder
    CHECK(next.info().id != held.info().id);
}
