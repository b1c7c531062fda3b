// `hjob secret serve` as a process: it prints its address, answers a Vault client's read with
// the token's rights, refuses to listen beyond loopback, and exits 0 on SIGTERM.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>

#include <nlohmann/json.hpp>

#include "secrets_http.hpp"
#include "state_fixture.hpp"

using hjob::test::hjob_path;
using hjob::test::run_hjob;
using hjob::test::TempDir;

namespace {

// `hjob secret serve` under popen; the shell prints its pid first, then execs hjob. The
// destructor kills it in every path, so no server outlives the test.
struct Server {
    FILE* pipe = nullptr;
    int pid = -1;
    explicit Server(const std::string& args) {
        pipe = ::popen(("echo $$; exec " + hjob_path() + " secret serve " + args + " 2>&1").c_str(), "r");
        REQUIRE(pipe != nullptr);
        pid = std::stoi(line());
    }
    ~Server() {
        if (pid > 0) ::kill(pid, SIGKILL);
        if (pipe) ::pclose(pipe);
    }
    std::string line() {
        char buf[512] = {};
        return std::fgets(buf, sizeof buf, pipe) ? buf : "";
    }
    int stop() {  // SIGTERM, then the exit status
        ::kill(pid, SIGTERM);
        pid = -1;
        const int status = ::pclose(pipe);
        pipe = nullptr;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
};

}  // namespace

TEST_CASE("secret serve: serves reads on loopback with the token's rights and stops on SIGTERM") {
    TempDir dir;
    const std::string data = dir.path + "/state";
    REQUIRE(run_hjob({"secret", "put", "secret/app", "k=served-value", "--data-dir", data}).status == 0);
    const std::string policy = dir.write("p.hcl", "path \"secret/data/app\" { capabilities = [\"read\"] }\n");
    REQUIRE(run_hjob({"policy", "write", "app", policy, "--data-dir", data}).status == 0);
    const auto created = run_hjob({"token", "create", "--policy", "app", "--json", "--data-dir", data});
    REQUIRE(created.status == 0);
    const std::string token = nlohmann::json::parse(created.out)["id"];

    Server server("--listen 127.0.0.1:0 --data-dir " + data);
    const std::string first = server.line();
    std::smatch m;
    REQUIRE(std::regex_search(first, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)")));
    const auto port = static_cast<unsigned short>(std::stoi(m[1]));
    const auto ok = hjob::secrets::testing::http(port, "GET", "/v1/secret/data/app", token);
    CHECK(ok.status == 200);
    CHECK(nlohmann::json::parse(ok.body)["data"]["data"]["k"] == "served-value");
    CHECK(hjob::secrets::testing::http(port, "GET", "/v1/secret/data/other", token).status == 403);
    const std::string denial = server.line();  // the log line of the 403
    CHECK(denial.find("403 GET /v1/secret/data/other") != std::string::npos);
    CHECK(denial.find(token) == std::string::npos);
    CHECK(server.stop() == 0);
}

TEST_CASE("secret serve: refuses a non-loopback or malformed --listen with exit 1") {
    TempDir dir;
    for (const char* listen : {"0.0.0.0:8200", "192.168.0.1:8200", "127.0.0.1", "127.0.0.1:99999", "[::]:8200"}) {
        INFO(listen);
        const auto r = run_hjob({"secret", "serve", "--listen", listen, "--data-dir", dir.path + "/state"});
        CHECK(r.status == 1);
        CHECK(r.err.find("hjob secret serve: error:") != std::string::npos);
    }
}
