// What apply and the state commands refuse, end to end: stale saved plans, a wrong
// --check-index, plan files that are truncated, tampered with or made for another state, a
// data directory that cannot be written, a corrupt database. Each exits 1 with a message.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "runtime/state/ids.hpp"

#include "state_fixture.hpp"

using hjob::test::run_hjob;
using hjob::test::read_file;
using hjob::test::small_job;
using hjob::test::TempDir;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a saved plan applies once and a stale one is refused") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    const auto other = dir.write("other.hcl", small_job("other", 1, "v1"));
    const std::string saved = dir.path + "/web.plan";
    auto plan = run_hjob({"plan", "--data-dir", data, "--out", saved, v1});
    INFO(plan.out << plan.err);
    REQUIRE(plan.status == 0);
    CHECK(has(plan.out, "hjob apply --data-dir " + data + " " + saved));
    const std::string stale = dir.path + "/stale.plan";
    REQUIRE(run_hjob({"plan", "--data-dir", data, "--out", stale, other}).status == 0);

    auto apply = run_hjob({"apply", "--data-dir", data, saved});  // no prompt and no --auto-approve for a saved plan
    INFO(apply.out << apply.err);
    REQUIRE(apply.status == 0);
    auto refused = run_hjob({"apply", "--data-dir", data, stale});
    CHECK(refused.status == 1);
    CHECK(has(refused.err, "stale plan: the state changed since the plan was made (index"));
    CHECK(has(refused.err, "run hjob plan again"));
    CHECK(run_hjob({"status", "--data-dir", data, "other"}).status == 1);
    CHECK(has(run_hjob({"apply", "--data-dir", data, "--var", "x=1", saved}).err, "not accepted with a saved plan"));
}

TEST_CASE("a wrong --check-index is refused and names the current index") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    const auto v2 = dir.write("web2.hcl", small_job("web", 2, "v2"));
    REQUIRE(run_hjob({"apply", "--data-dir", data, "--auto-approve", v1}).status == 0);
    auto exists = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--check-index", "0", v2});
    CHECK(exists.status == 1);
    CHECK(has(exists.err, "already exists"));
    auto wrong = run_hjob({"apply", "--data-dir", data, "--auto-approve", "--check-index", "99", v2});
    CHECK(wrong.status == 1);
    CHECK(has(wrong.err, "--check-index 99: the job modify index of \"web\" is 2"));
    CHECK(has(run_hjob({"history", "--data-dir", data, "web"}).out, "Version     = 0 (current)"));
}

TEST_CASE("plan files that are truncated or tampered with or from another state are refused") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    const auto v1 = dir.write("web.hcl", small_job("web", 2, "v1"));
    const std::string saved = dir.path + "/web.plan";
    REQUIRE(run_hjob({"plan", "--data-dir", data, "--out", saved, v1}).status == 0);
    const std::string text = read_file(saved);

    const auto cut = dir.write("cut.plan", text.substr(0, text.size() / 2));
    auto r = run_hjob({"apply", "--data-dir", data, cut});
    CHECK(r.status == 1);
    CHECK(has(r.err, "tampered or truncated"));

    std::string edited = text;
    const auto at = edited.find("\"count\": 2");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 10, "\"count\": 9");
    r = run_hjob({"apply", "--data-dir", data, dir.write("edited.plan", edited)});
    CHECK(r.status == 1);
    CHECK(has(r.err, "tampered or truncated (checksum mismatch)"));

    // A well-formed file (valid checksum) of a format this hjob does not know.
    auto doc = nlohmann::json::parse(text);
    doc.erase("checksum");
    doc["hjob_plan"] = 99;
    doc["checksum"] = "sha256:" + hjob::runtime::state::sha256_hex(doc.dump());
    r = run_hjob({"apply", "--data-dir", data, dir.write("future.plan", doc.dump())});
    CHECK(r.status == 1);
    CHECK(has(r.err, "has format 99"));

    r = run_hjob({"apply", "--data-dir", dir.path + "/another", saved});
    CHECK(r.status == 1);
    CHECK(has(r.err, "plan was made for another state"));
    CHECK(run_hjob({"status", "--data-dir", data, "web"}).status == 1);  // none of them applied
}

TEST_CASE("a data directory that cannot be written gives a clear error") {
    TempDir dir;
    const auto v1 = dir.write("web.hcl", small_job("web", 1, "v1"));
    const auto file = dir.write("plain-file", "x");
    auto r = run_hjob({"plan", "--data-dir", file + "/state", v1});
    CHECK(r.status == 1);
    CHECK(has(r.err, "cannot create the data directory " + file + "/state"));
    if (::geteuid() != 0) {  // root writes through permission bits
        const std::string ro = dir.path + "/ro";
        ::mkdir(ro.c_str(), 0555);
        r = run_hjob({"plan", "--data-dir", ro, v1});
        CHECK(r.status == 1);
        CHECK(has(r.err, "not writable"));
    }
}

TEST_CASE("a corrupt state database gives a clear error and never a crash") {
    TempDir dir;
    const auto v1 = dir.write("web.hcl", small_job("web", 1, "v1"));
    const std::string data = dir.path + "/state";
    ::mkdir(data.c_str(), 0755);
    std::ofstream(data + "/state.db") << std::string(8192, 'x');
    for (const std::vector<std::string>& args : {std::vector<std::string>{"plan", "--data-dir", data, v1},
                                                 {"status", "--data-dir", data},
                                                 {"apply", "--data-dir", data, "--auto-approve", v1},
                                                 {"node", "list", "--data-dir", data}}) {
        auto r = run_hjob(args);
        INFO(args[0] << ": " << r.err);
        CHECK(r.status == 1);
        CHECK(has(r.err, "is corrupt or not an hjob state"));
    }
}
