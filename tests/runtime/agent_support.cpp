// Agent test helpers (agent_support.hpp).
#include "agent_support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "state_fixture.hpp"

namespace hjob::test {

namespace fs = std::filesystem;

namespace {

std::string environ_of(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool has_var(const std::string& env, const std::string& var) {
    return env.find(std::string(1, '\0') + var) != std::string::npos || env.rfind(var, 0) == 0;
}

std::vector<int> all_pids() {
    std::vector<int> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc", ec)) {
        const auto name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") == std::string::npos) out.push_back(std::stoi(name));
    }
    return out;
}

bool zombie(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    const auto close = line.rfind(')');
    return close == std::string::npos || line.size() < close + 3 || line[close + 2] == 'Z';
}

}  // namespace

bool wait_for(const std::function<bool()>& cond, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!cond()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

int spawn_hjob(const std::vector<std::string>& args, const std::string& out_path, bool append) {
    const std::string exe = hjob_path();
    std::vector<char*> argv{const_cast<char*>(exe.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int pid = ::fork();
    if (pid == 0) {
        ::setsid();
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0644);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(out, 2);
        for (int fd = 3; fd < 1024; ++fd) ::close(fd);
        ::execv(exe.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

AgentProcess::AgentProcess(std::string data_dir) : dir_(std::move(data_dir)) { spawn(); }

void AgentProcess::spawn() {
    fs::create_directories(dir_);
    pid_ = spawn_hjob({"agent", "--data-dir", dir_}, dir_ + "/agent.test.log", true);
    // Ready once it holds its lock: agent.pid names it.
    wait_for([&] { return read_file(dir_ + "/agent.pid").find(std::to_string(pid_)) == 0; }, std::chrono::seconds(10));
}

void AgentProcess::kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

void AgentProcess::restart() {
    kill9();
    spawn();
}

std::string AgentProcess::log() const { return read_file(dir_ + "/agent.test.log"); }

AgentProcess::~AgentProcess() {
    if (std::uncaught_exceptions() > 0)  // a REQUIRE failed: what the agent said helps most
        std::fprintf(stderr, "--- agent log (%s) ---\n%s--- end of agent log ---\n", dir_.c_str(), log().c_str());
    kill9();
    for (int pid : processes_under(dir_)) ::kill(-pid, SIGKILL), ::kill(pid, SIGKILL);
}

AgentCleanup::~AgentCleanup() {
    long pid = 0;
    std::ifstream(data_dir + "/agent.pid") >> pid;
    if (pid > 0) ::kill(static_cast<pid_t>(pid), SIGKILL);
    for (int p : processes_under(data_dir)) ::kill(-p, SIGKILL), ::kill(p, SIGKILL);
}

std::vector<int> task_pids(const std::string& alloc_id) {
    std::vector<int> out;
    for (int pid : all_pids())
        if (::getsid(pid) == pid && !zombie(pid) && has_var(environ_of(pid), "NOMAD_ALLOC_ID=" + alloc_id)) out.push_back(pid);
    return out;
}

std::vector<int> processes_under(const std::string& data_dir) {
    std::vector<int> out;
    const std::string var = "NOMAD_ALLOC_DIR=" + fs::absolute(data_dir).lexically_normal().string() + "/allocs/";
    for (int pid : all_pids())
        if (!zombie(pid) && environ_of(pid).find(var) != std::string::npos) out.push_back(pid);
    return out;
}

std::string http_get(const std::string& address, int port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval tv{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, address.c_str(), &sa.sin_addr);
    std::string body;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0) {
        const std::string req = "GET " + path + " HTTP/1.1\r\nHost: " + address + "\r\nConnection: close\r\n\r\n";
        if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) > 0) {
            char buf[4096];
            for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) body.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    const auto at = body.find("\r\n\r\n");
    return at == std::string::npos ? "" : body.substr(at + 4);
}

}  // namespace hjob::test
