// lsp_bench FILE [N] [GAP_MS]: the time from a didChange to the publishDiagnostics of that
// version, for FILE open in `hjob lsp` (the binary beside this program's build directory, or
// $HJOB). N changes (default 200), one every GAP_MS milliseconds after the previous answer
// (default 60: typing speed, beyond the server's 50 ms throttle). Prints median, p99 and max.
// A program that prints figures, never a test: timing assertions would be flaky.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Server {
    pid_t pid = -1;
    int in = -1, out = -1;
    std::string buffer;

    explicit Server(const std::string& hjob) {
        int to[2], from[2];
        if (pipe(to) != 0 || pipe(from) != 0) std::exit(2);
        pid = fork();
        if (pid == 0) {
            dup2(to[0], 0);
            dup2(from[1], 1);
            for (int fd : {to[0], to[1], from[0], from[1]}) close(fd);
            execl(hjob.c_str(), hjob.c_str(), "lsp", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(to[0]);
        close(from[1]);
        in = to[1];
        out = from[0];
    }

    void send(const Json& m) {
        const std::string body = m.dump();
        const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        for (std::size_t done = 0; done < frame.size();) {
            const ssize_t n = write(in, frame.data() + done, frame.size() - done);
            if (n <= 0) fail("the server stopped reading");
            done += static_cast<std::size_t>(n);
        }
    }

    // The next message; gives up after ten seconds (a hung server fails the bench).
    Json next() {
        for (;;) {
            const auto end = buffer.find("\r\n\r\n");
            if (end != std::string::npos) {
                const std::size_t length = std::stoul(buffer.substr(buffer.find(':') + 1));
                if (buffer.size() >= end + 4 + length) {
                    Json m = Json::parse(buffer.substr(end + 4, length));
                    buffer.erase(0, end + 4 + length);
                    return m;
                }
            }
            pollfd p{out, POLLIN, 0};
            if (poll(&p, 1, 10'000) <= 0) fail("no answer within 10 s");
            char chunk[65536];
            const ssize_t n = read(out, chunk, sizeof chunk);
            if (n <= 0) fail("the server exited");
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    Json diagnostics_of(std::int64_t version) {
        for (;;) {
            Json m = next();
            if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"].value("version", -1) == version)
                return m["params"];
        }
    }

    [[noreturn]] void fail(const char* why) {
        std::cerr << "lsp_bench: " << why << '\n';
        kill(pid, SIGKILL);
        std::exit(1);
    }
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// Where the value of the first `count = <digit>` is: a change there is a real edit that
// keeps the file as valid as it was (the digit toggles between 1 and 2).
std::pair<int, int> count_position(const std::string& text) {
    auto at = text.find("count = ");
    while (at != std::string::npos && !(at + 8 < text.size() && text[at + 8] >= '0' && text[at + 8] <= '9'))
        at = text.find("count = ", at + 1);
    if (at == std::string::npos) return {0, 0};
    const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    const auto start = text.rfind('\n', at);
    return {line, static_cast<int>(at - (start == std::string::npos ? 0 : start + 1)) + 8};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: lsp_bench FILE [N] [GAP_MS]   (HJOB=/path/to/hjob)\n";
        return 2;
    }
    const std::string path = argv[1];
    const int n = argc > 2 ? std::atoi(argv[2]) : 200;
    const int gap = argc > 3 ? std::atoi(argv[3]) : 60;
    const char* env = std::getenv("HJOB");
    const std::string hjob = env != nullptr ? env : std::string(HJOB_BINARY_DIR) + "/hjob";
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string text = ss.str();
    signal(SIGPIPE, SIG_IGN);

    Server s(hjob);
    s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", Json::object()}}}});
    s.next();
    s.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}});
    const std::string uri = "file:///lsp-bench/job.nomad.hcl";
    s.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
            {"params", {{"textDocument", {{"uri", uri}, {"languageId", "hcl"}, {"version", 1}, {"text", text}}}}}});
    const std::size_t initial = s.diagnostics_of(1)["diagnostics"].size();

    const auto [line, character] = count_position(text);
    std::vector<double> ms;
    for (int v = 2; v < n + 2; ++v) {
        std::this_thread::sleep_for(std::chrono::milliseconds(gap));
        const Json range{{"start", {{"line", line}, {"character", character}}}, {"end", {{"line", line}, {"character", character + 1}}}};
        const Json change{{"textDocument", {{"uri", uri}, {"version", v}}},
                          {"contentChanges", Json::array({{{"range", range}, {"text", v % 2 == 0 ? "2" : "1"}}})}};
        const auto start = Clock::now();
        s.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", change}});
        s.diagnostics_of(v);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    s.send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
    s.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    waitpid(s.pid, nullptr, 0);

    std::printf("%s: %zu bytes, %zu diagnostics, %d changes, one per %d ms\n", path.c_str(), text.size(), initial, n, gap);
    std::printf("didChange -> publishDiagnostics: median %.1f ms, p99 %.1f ms, max %.1f ms\n", percentile(ms, 0.5),
                percentile(ms, 0.99), percentile(ms, 1.0));
    return 0;
}
