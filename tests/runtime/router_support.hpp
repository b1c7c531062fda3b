// Helpers of the router tests: hashiapp processes started and killed (process group) by the
// test, instances registered in a temporary state's catalog, and a small blocking HTTP
// client on POSIX sockets with a receive timeout, so that a broken router fails a test
// instead of hanging it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "runtime/catalog/catalog.hpp"
#include "runtime/router/server.hpp"
#include "state_fixture.hpp"

namespace hjob::test {

/// A process started in its own process group, stdout and stderr to `log`; killed with its
/// group (SIGKILL) and reaped on destruction.
class Process {
public:
    Process(const std::vector<std::string>& argv, const std::string& log);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;
    pid_t pid() const { return pid_; }
    void kill(int sig = 9);
    /// Waits up to `limit` for the process to exit; its exit status, or -1.
    int wait(std::chrono::milliseconds limit);
    std::string log() const;

private:
    pid_t pid_ = -1;
    std::string log_;
    bool reaped_ = false;
};

/// build/hashiapp --control --id ID on 127.0.0.1 and a free port.
struct Hashiapp {
    Hashiapp(const std::string& dir, const std::string& id);
    std::string id;
    int port = 0;
    Process proc;
};

/// A catalog instance of service `service` for `app` with `tags`, passing unless told.
runtime::catalog::Instance app_instance(const std::string& service, const std::string& id, int port,
                                        std::vector<std::string> tags, const std::string& status = "passing");

struct Reply {
    int status = 0;  ///< 0: no response (closed, reset or timed out)
    std::string body;
    std::map<std::string, std::string> headers;  ///< lower-case names
};

/// A client connection to 127.0.0.1:`port`, kept alive between requests.
class Client {
public:
    explicit Client(int port, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    /// Sends raw bytes; false when the connection is gone.
    bool send(const std::string& bytes);
    /// Reads one response; status 0 when the connection closed or timed out first.
    Reply read();
    Reply request(const std::string& method, const std::string& target, const std::string& body = "",
                  const std::string& extra_headers = "");
    /// True when the router closed the connection (read returns 0) within `limit`.
    bool closed_within(std::chrono::milliseconds limit);

private:
    int fd_ = -1;
    std::string pending_;
};

/// One request on a new connection.
Reply fetch(int port, const std::string& method, const std::string& target, const std::string& body = "");

/// "hashiapp v1 instance ID on ..." -> ID; "" for another body.
std::string instance_of(const std::string& body);

/// A port nothing listens on (bound, then closed).
int dead_port();

/// A temporary state whose catalog the test writes, and a router over it (port 0).
struct RouterFixture {
    explicit RouterFixture(runtime::router::Limits limits = {});
    ~RouterFixture();
    TempDir dir;
    runtime::state::Store store;
    runtime::catalog::Catalog catalog;
    std::unique_ptr<runtime::router::Router> router;
    int port() const { return router->port(); }
    /// Re-reads the catalog at once (a fresh table: round-robin starts at the first target).
    void refresh() { router->tables().refresh(); }
};

}  // namespace hjob::test
