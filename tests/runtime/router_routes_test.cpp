// The route table as pure functions: tag parsing (a table, one line per case), building from
// instances (passing only, options, weights, reasons), matching and the text form.
#include <catch2/catch.hpp>

#include <map>

#include "runtime/router/routes.hpp"

namespace rr = hjob::runtime::router;
namespace rc = hjob::runtime::catalog;

namespace {

rc::Instance inst(const std::string& service, int port, std::vector<std::string> tags, const std::string& status = "passing") {
    rc::Instance i;
    i.service = service;
    i.id = service + "-" + std::to_string(port);
    i.address = "127.0.0.1";
    i.port = port;
    i.tags = std::move(tags);
    i.status = status;
    if (status != "passing") i.checks = {{"c", "alive", "http", status, "HTTP GET: 500 Internal Server Error"}};
    return i;
}

}  // namespace

TEST_CASE("router: urlprefix- tags parse as Fabio's grammar") {
    struct Case {
        const char* tag;
        bool ok;
        const char* host_or_error;  // the host when ok, a piece of the error otherwise
        const char* path;
    };
    const Case cases[] = {
        {"urlprefix-/web", true, "", "/web"},
        {"urlprefix-/", true, "", "/"},
        {"urlprefix-Example.COM/api strip=/api", true, "example.com", "/api"},
        {"urlprefix-/hashiapp   strip=/hashiapp  host=dst", true, "", "/hashiapp"},
        {"urlprefix-/old redirect=301,https://example.com$path", true, "", "/old"},
        {"urlprefix-/a weight=0.25", true, "", "/a"},
        {"urlprefix-/a proto=http", true, "", "/a"},
        {"urlprefix-", false, "no source", ""},
        {"urlprefix-web", false, "needs a path", ""},
        {"urlprefix-:3306 proto=tcp", false, "TCP routes", ""},
        {"urlprefix-/a proto=https", false, "proto=https is not supported", ""},
        {"urlprefix-/a strip", false, "not KEY=VALUE", ""},
        {"urlprefix-/a strip=api", false, "beginning with '/'", ""},
        {"urlprefix-/a weight=abc", false, "not a positive number", ""},
        {"urlprefix-/a weight=0", false, "not a positive number", ""},
        {"urlprefix-/a redirect=200,http://x", false, "3xx", ""},
        {"urlprefix-/a redirect=301", false, "3xx", ""},
    };
    for (const auto& c : cases) {
        INFO(c.tag);
        const auto p = rr::parse_tag(c.tag);
        CHECK(p.ok == c.ok);
        if (c.ok) {
            CHECK(p.host == c.host_or_error);
            CHECK(p.path == c.path);
        } else {
            CHECK(p.error.find(c.host_or_error) != std::string::npos);
        }
    }
    CHECK(rr::parse_tag("urlprefix-/x strip=/x host=dst").opts == std::map<std::string, std::string>{{"strip", "/x"}, {"host", "dst"}});
}

TEST_CASE("router: only passing instances become targets, a route without one stays and says why") {
    const auto t = rr::build_table({inst("web", 1, {"urlprefix-/web", "v1"}), inst("web", 2, {"urlprefix-/web"}, "critical"),
                                    inst("web", 3, {"urlprefix-/web"}, "warning"), inst("db", 4, {"urlprefix-/db"}, "critical"),
                                    inst("plain", 5, {"v1"})});
    REQUIRE(t.routes.size() == 2);
    const auto* web = t.match("", "/web/x");
    REQUIRE(web);
    REQUIRE(web->targets.size() == 1);
    CHECK(web->targets[0].port == 1);
    CHECK(web->targets[0].tags == std::vector<std::string>{"v1"});
    const auto* db = t.match("", "/db");
    REQUIRE(db);
    CHECK(db->targets.empty());
    CHECK(db->why_empty.find("no passing instance of db") != std::string::npos);
    CHECK(db->why_empty.find("1 critical") != std::string::npos);
    CHECK(db->why_empty.find("HTTP GET: 500") != std::string::npos);
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].service == "db");
    CHECK(t.match("", "/other") == nullptr);
}

TEST_CASE("router: longest prefix wins, host routes before host-less ones") {
    const auto t = rr::build_table({inst("a", 1, {"urlprefix-/"}), inst("b", 2, {"urlprefix-/api"}),
                                    inst("c", 3, {"urlprefix-/api/v2"}), inst("d", 4, {"urlprefix-example.com/api"})});
    const std::map<std::pair<std::string, std::string>, std::string> expect = {
        {{"", "/"}, "a"},           {{"", "/x"}, "a"},           {{"", "/api"}, "b"},
        {{"", "/api/v1"}, "b"},     {{"", "/api/v2/z"}, "c"},    {{"example.com", "/api/v2"}, "d"},
        {{"EXAMPLE.com:9999", "/api"}, "d"}, {{"example.com", "/"}, "a"}, {{"other.org", "/api/v2"}, "c"},
    };
    for (const auto& [req, service] : expect) {
        INFO(req.first << req.second);
        const auto* r = t.match(req.first, req.second);
        REQUIRE(r);
        REQUIRE(!r->targets.empty());
        CHECK(r->targets[0].service == service);
    }
}

TEST_CASE("router: options and weights of targets, the schedule follows the shares") {
    const auto t = rr::build_table({inst("w", 1, {"urlprefix-/w strip=/w host=dst weight=0.5"}), inst("w", 2, {"urlprefix-/w"}),
                                    inst("w", 3, {"urlprefix-/w"}), inst("r", 4, {"urlprefix-/old redirect=301,https://e.org$path"})});
    const auto* w = t.match("", "/w");
    REQUIRE(w);
    REQUIRE(w->targets.size() == 3);
    CHECK(w->targets[0].strip == "/w");
    CHECK(w->targets[0].host_header == "dst");
    CHECK(w->targets[0].share == Approx(0.5));
    CHECK(w->targets[1].share == Approx(0.25));
    std::map<int, int> picks;
    for (int n = 0; n < 400; ++n) ++picks[w->schedule[std::size_t(n) % w->schedule.size()]];
    CHECK(picks[0] == 200);
    CHECK(picks[1] == 100);
    CHECK(picks[2] == 100);
    // Consecutive picks are interleaved, not bunched.
    CHECK(w->schedule[0] != w->schedule[1]);
    const auto* r = t.match("", "/old/page");
    REQUIRE(r);
    CHECK(r->targets[0].redirect_code == 301);
    CHECK(r->targets[0].dst() == "https://e.org$path");
    // Fixed weights over 1 are normalized and leave nothing to the others.
    const auto n = rr::build_table({inst("w", 1, {"urlprefix-/w weight=2"}), inst("w", 2, {"urlprefix-/w weight=2"}), inst("w", 3, {"urlprefix-/w"})});
    CHECK(n.routes[0].targets[0].share == Approx(0.5));
    CHECK(n.routes[0].targets[2].share == 0);
    for (int i : n.routes[0].schedule) CHECK(i != 2);
}

TEST_CASE("router: malformed tags are reported per instance, good tags still route") {
    const auto t = rr::build_table({inst("m", 1, {"urlprefix-nopath", "urlprefix-/m"}), inst("m", 2, {"urlprefix-/m proto=grpc"})});
    REQUIRE(t.routes.size() == 1);
    CHECK(t.routes[0].targets.size() == 1);
    REQUIRE(t.problems.size() == 2);
    CHECK(t.problems[0].instance_id == "m-1");
    CHECK(t.problems[0].reason.find("malformed tag") != std::string::npos);
    CHECK(t.problems[1].reason.find("proto=grpc") != std::string::npos);
}

TEST_CASE("router: Fabio's text form and the JSON form") {
    const auto t = rr::build_table({inst("hashiapp", 24001, {"urlprefix-/hashiapp strip=/hashiapp", "version-v1"}),
                                    inst("db", 5, {"urlprefix-/db"}, "critical")});
    const auto text = rr::render_text(t);
    CHECK(text.find("route add hashiapp /hashiapp http://127.0.0.1:24001/ weight 1.0000 tags \"version-v1\" opts \"strip=/hashiapp\"\n") !=
          std::string::npos);
    CHECK(text.find("# db /db: no passing instance of db for /db: 1 registered, 1 critical") != std::string::npos);
    const auto j = rr::render_json(t);
    CHECK(j["routes"].size() == 2);
    CHECK(j["problems"][0]["service"] == "db");
}
