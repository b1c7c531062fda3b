// The per-check state machine (Consul's thresholds) and the worst-check rule, without processes.
#include <catch2/catch.hpp>

#include "runtime/health/status.hpp"

using namespace hjob::runtime::health;

TEST_CASE("health: a new check shows its initial status until a result says otherwise") {
    CheckState critical(Status::critical, 0, 0);
    CHECK(critical.status() == Status::critical);
    CHECK(critical.observe(Status::passing) == Status::passing);
    CheckState passing(parse_status("passing"), 0, 0);
    CHECK(passing.status() == Status::passing);
    CHECK(parse_status("") == Status::critical);  // Nomad's default initial_status
    CHECK(passing.observe(Status::warning) == Status::warning);
    CHECK(passing.observe(Status::critical) == Status::critical);
}

TEST_CASE("health: success_before_passing needs that many successes in a row") {
    CheckState s(Status::critical, 3, 0);
    CHECK(s.observe(Status::passing) == Status::critical);
    CHECK(s.observe(Status::passing) == Status::critical);
    CHECK(s.observe(Status::critical) == Status::critical);  // resets the run
    CHECK(s.observe(Status::passing) == Status::critical);
    CHECK(s.observe(Status::passing) == Status::critical);
    CHECK(s.observe(Status::passing) == Status::passing);
}

TEST_CASE("health: failures_before_critical needs that many failures in a row") {
    CheckState s(Status::passing, 0, 3);
    CHECK(s.observe(Status::critical) == Status::passing);
    CHECK(s.observe(Status::critical) == Status::passing);
    CHECK(s.observe(Status::passing) == Status::passing);  // resets the run
    CHECK(s.observe(Status::critical) == Status::passing);
    CHECK(s.observe(Status::critical) == Status::passing);
    CHECK(s.observe(Status::critical) == Status::critical);
}

TEST_CASE("health: failures_before_warning shows warning before critical") {
    CheckState s(Status::passing, 0, 3, 1);
    CHECK(s.observe(Status::critical) == Status::warning);
    CHECK(s.observe(Status::critical) == Status::warning);
    CHECK(s.observe(Status::critical) == Status::critical);
}

TEST_CASE("health: an instance is as healthy as its worst check") {
    CHECK(worst({}) == Status::passing);
    CHECK(worst({Status::passing, Status::passing}) == Status::passing);
    CHECK(worst({Status::passing, Status::warning}) == Status::warning);
    CHECK(worst({Status::warning, Status::critical, Status::passing}) == Status::critical);
    CHECK(std::string(to_string(Status::warning)) == "warning");
}
