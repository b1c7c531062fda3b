// Helpers for the artifact and template tests: a scratch task directory inside a scratch root
// (so "outside the task directory" can be checked), archives built by python3's tarfile and
// zipfile, and python3's http.server on a free loopback port, killed in every path.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace hjob::test {

namespace fs = std::filesystem;

/// root/ holds task/ (the task directory, with local/ and tmp/); root itself is "outside".
struct TaskScratch {
    fs::path root, task;
    TaskScratch() {
        char tmpl[] = "/tmp/hjob-taskfiles-XXXXXX";
        root = ::mkdtemp(tmpl);
        task = root / "alloc" / "web";
        fs::create_directories(task / "local");
        fs::create_directories(task / "tmp");
        fs::create_directories(task / "secrets");
    }
    ~TaskScratch() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    /// Every path under root that is not under the task directory (what must stay empty).
    std::vector<std::string> outside() const {
        std::vector<std::string> out;
        for (auto& e : fs::recursive_directory_iterator(root)) {
            std::string p = e.path().string();
            if (p != (root / "alloc").string() && p.rfind(task.string(), 0) != 0) out.push_back(p);
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};

inline void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs a python3 program; true when it exits 0.
inline bool python(const std::string& program) {
    fs::path script = fs::temp_directory_path() / ("hjob-py-" + std::to_string(::getpid()) + ".py");
    write_file(script, program);
    int rc = std::system(("python3 " + script.string() + " >/dev/null 2>&1").c_str());
    fs::remove(script);
    return rc == 0;
}

/// python3 -m http.server serving `dir` on a free loopback port; stopped by the destructor.
struct HttpServer {
    pid_t pid = -1;
    int port = 0;
    /// With `tls_dir` (holding cert.pem and key.pem), serves HTTPS.
    explicit HttpServer(const fs::path& dir, const fs::path& tls_dir = {}) {
        int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
        ::close(s);
        pid = ::fork();
        if (pid == 0) {
            ::setsid();
            int null = ::open("/dev/null", O_RDWR);
            ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
            std::string p = std::to_string(port);
            if (!tls_dir.empty()) {
                std::string py = "import functools, http.server, ssl\n"
                                 "h = functools.partial(http.server.SimpleHTTPRequestHandler, directory='" + dir.string() + "')\n"
                                 "s = http.server.HTTPServer(('127.0.0.1', " + p + "), h)\n"
                                 "c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
                                 "c.load_cert_chain('" + (tls_dir / "cert.pem").string() + "', '" + (tls_dir / "key.pem").string() + "')\n"
                                 "s.socket = c.wrap_socket(s.socket, server_side=True)\n"
                                 "s.serve_forever()\n";
                ::execlp("python3", "python3", "-c", py.c_str(), (char*)nullptr);
                ::_exit(127);
            }
            ::execlp("python3", "python3", "-m", "http.server", p.c_str(), "--bind", "127.0.0.1", "--directory",
                     dir.c_str(), (char*)nullptr);
            ::_exit(127);
        }
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline && !accepts())
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ~HttpServer() {
        if (pid > 0) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
    bool accepts() const {
        int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(uint16_t(port));
        bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(s);
        return ok;
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + "/" + path; }
};

}  // namespace hjob::test
