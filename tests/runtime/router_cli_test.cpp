// `hjob router` as a process: it serves the catalog of --data-dir, and SIGTERM drains and
// exits 0; a bad --listen exits 1 with a message.
#include <catch2/catch.hpp>

#include <csignal>
#include <regex>
#include <thread>

#include "router_support.hpp"

using namespace hjob::test;
using namespace std::chrono_literals;

TEST_CASE("hjob router: serves the catalog, SIGTERM drains and exits 0") {
    TempDir dir;
    Hashiapp app(dir.path, "cli-app");
    {
        auto store = hjob::runtime::state::Store::open(dir.path);
        hjob::runtime::catalog::Catalog(store).put(app_instance("hashiapp", "cli-app", app.port, {"urlprefix-/hashiapp strip=/hashiapp"}));
    }
    Process router({hjob_path(), "router", "--listen", "127.0.0.1:0", "--ui", "127.0.0.1:0", "--data-dir", dir.path},
                   dir.path + "/router.log");
    static const std::regex re("proxy on \\S+ \\(port ([0-9]+)\\), admin pages on \\S+ \\(port ([0-9]+)\\)");
    std::smatch m;
    std::string log;
    for (int n = 0; n < 500 && !std::regex_search(log = router.log(), m, re); ++n) std::this_thread::sleep_for(10ms);
    REQUIRE(m.size() == 3);
    const int port = std::stoi(m[1]), ui = std::stoi(m[2]);
    const auto r = fetch(port, "GET", "/hashiapp/");
    CHECK(r.status == 200);
    CHECK(instance_of(r.body) == "cli-app");
    CHECK(fetch(ui, "GET", "/health").body == "OK\n");
    CHECK(fetch(ui, "GET", "/hashiapp/").status == 404);  // the admin listener routes nothing
    router.kill(SIGTERM);
    CHECK(router.wait(5s) == 0);
    const auto out = router.log();
    CHECK(out.find("SIGTERM: draining") != std::string::npos);
    CHECK(out.find("\"GET /hashiapp/ HTTP/1.1\" 200") != std::string::npos);  // the access log, on stderr
}

TEST_CASE("hjob router: a bad --listen exits 1 with a message") {
    TempDir dir;
    const auto r = run_hjob({"router", "--listen", "nonsense", "--data-dir", dir.path});
    CHECK(r.status == 1);
    CHECK(r.err.find("is not ADDR:PORT") != std::string::npos);
    const auto bad_ip = run_hjob({"router", "--listen", "999.1.1.1:80", "--data-dir", dir.path});
    CHECK(bad_ip.status == 1);
    CHECK(bad_ip.err.find("not an IP address") != std::string::npos);
}
