// The per-node port table: static takes, dynamic hand-out order, exhaustion and release.
#include <catch2/catch.hpp>

#include "runtime/scheduler/ports.hpp"

using hjob::runtime::sched::PortTable;

TEST_CASE("dynamic ports are handed out in order, skipping taken ones, until the range is full", "[scheduler]") {
    PortTable t;
    const auto n = t.add_node(20000, 20003);
    t.take(n, 20001);
    t.take(n, 8080);  // outside the range
    CHECK(t.used(n, 8080));
    CHECK(t.take_dynamic(n) == 20000);
    CHECK(t.take_dynamic(n) == 20002);
    CHECK(t.dynamic_free(n, 1));
    CHECK_FALSE(t.dynamic_free(n, 2));
    CHECK(t.take_dynamic(n) == 20003);
    CHECK(t.take_dynamic(n) == -1);
    t.release(n, 20001);
    CHECK(t.take_dynamic(n) == 20001);
    t.release(n, 8080);
    CHECK_FALSE(t.used(n, 8080));
}

TEST_CASE("nodes keep separate port tables", "[scheduler]") {
    PortTable t;
    const auto a = t.add_node(30000, 30010), b = t.add_node(30000, 30010);
    t.take(a, 30000);
    CHECK(t.used(a, 30000));
    CHECK_FALSE(t.used(b, 30000));
    CHECK(t.take_dynamic(b) == 30000);
}

TEST_CASE("a node's port range is clamped to 16 bits and an empty range hands out nothing", "[scheduler]") {
    PortTable t;
    const auto huge = t.add_node(-100, 2'000'000'000);
    t.take(huge, 65535);
    CHECK(t.used(huge, 65535));
    CHECK(t.take_dynamic(huge) == 0);
    const auto empty = t.add_node(30000, 20000);
    CHECK_FALSE(t.dynamic_free(empty, 1));
    CHECK(t.take_dynamic(empty) == -1);
}
