// `hjob alloc logs -f` against a real agent: it prints what a running task writes as it
// writes it and ends on SIGINT; for a task that ends for good (a batch task that succeeded)
// it prints the last output and ends by itself with status 0.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include "agent_support.hpp"
#include "runtime/state/store.hpp"
#include "state_fixture.hpp"

using namespace hjob::test;
namespace rs = hjob::runtime::state;
using std::chrono::seconds;

namespace {

std::string job(const std::string& id, const std::string& type, const std::string& script) {
    return "job \"" + id + "\" {\n  type = \"" + type + "\"\n  group \"g\" {\n    task \"t\" {\n"
           "      driver = \"raw_exec\"\n      config {\n        command = \"/bin/sh\"\n"
           "        args = [\"-c\", \"" + script + "\"]\n      }\n"
           "      resources {\n        cpu = 20\n        memory = 16\n      }\n    }\n  }\n}\n";
}

/// `hjob alloc logs -f` in its own session, standard output to a file; killed (its whole
/// process group) when it goes out of scope.
class Follower {
public:
    Follower(const std::string& data, const std::string& alloc, std::string out)
        : out_(std::move(out)), pid_(spawn_hjob({"alloc", "logs", "-f", "--data-dir", data, alloc}, out_, false)) {}
    ~Follower() {
        if (pid_ > 0) ::kill(-pid_, SIGKILL), ::waitpid(pid_, nullptr, 0);
    }
    Follower(const Follower&) = delete;
    Follower& operator=(const Follower&) = delete;
    std::string output() const { return read_file(out_); }
    void interrupt() const { ::kill(pid_, SIGINT); }
    /// The wait status once it ended within `limit`; nullopt while it runs.
    std::optional<int> ended_within(std::chrono::milliseconds limit) {
        int status = 0;
        const bool done = wait_for([&] { return ::waitpid(pid_, &status, WNOHANG) == pid_; }, limit);
        if (!done) return std::nullopt;
        pid_ = -1;
        return status;
    }

private:
    std::string out_;
    pid_t pid_ = -1;
};

std::string alloc_of(const std::string& data, const std::string& job_id) {
    auto store = rs::Store::open(data);
    for (const auto& a : store.allocations(job_id))
        if (a.task_states.count("t")) return a.id;
    return "";
}

long count_of(const std::string& text, const std::string& part) {
    long n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("alloc logs -f follows a running task until SIGINT, and a finished one until its end") {
    TempDir tmp;
    const std::string data = tmp.path + "/state";
    AgentProcess agent(data);
    INFO(agent.log());
    auto apply = [&](const std::string& name, const std::string& text) {
        auto r = run_hjob({"apply", "--auto-approve", "--no-agent", "--data-dir", data, tmp.write(name, text)});
        INFO(r.out << r.err);
        REQUIRE(r.status == 0);
    };
    apply("ticker.hcl", job("ticker", "service", "i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.3; done"));
    apply("once.hcl", job("once", "batch", "echo early-line; sleep 3; echo last-line"));
    std::string ticker, once;
    REQUIRE(wait_for([&] { return !(ticker = alloc_of(data, "ticker")).empty() && !(once = alloc_of(data, "once")).empty(); },
                     seconds(15)));

    // A task that ends for good: everything it wrote, then the command ends by itself.
    Follower follow_once(data, once, tmp.path + "/once.out");
    CHECK(wait_for([&] { return follow_once.output() == "early-line\n"; }, seconds(3)));
    CHECK_FALSE(follow_once.ended_within(std::chrono::milliseconds(200)));  // the task still runs
    const auto finished = follow_once.ended_within(seconds(10));
    INFO(follow_once.output());
    REQUIRE(finished);
    CHECK((WIFEXITED(*finished) && WEXITSTATUS(*finished) == 0));
    CHECK(follow_once.output() == "early-line\nlast-line\n");

    // A running task: new lines keep arriving; SIGINT ends the command at once.
    Follower follow_ticker(data, ticker, tmp.path + "/ticker.out");
    REQUIRE(wait_for([&] { return count_of(follow_ticker.output(), "tick-") >= 2; }, seconds(10)));
    const long seen = count_of(follow_ticker.output(), "tick-");
    CHECK(wait_for([&] { return count_of(follow_ticker.output(), "tick-") >= seen + 3; }, seconds(5)));
    CHECK_FALSE(follow_ticker.ended_within(std::chrono::milliseconds(300)));
    follow_ticker.interrupt();
    const auto interrupted = follow_ticker.ended_within(seconds(3));
    REQUIRE(interrupted);
    CHECK((WIFSIGNALED(*interrupted) && WTERMSIG(*interrupted) == SIGINT));
}
