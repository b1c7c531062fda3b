// posix_spawn with three pipes, drained with poll() so neither side can block the other.
#include "run_process.hpp"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>

extern char** environ;

namespace hjob::test {

namespace {

struct Pipe {
    int fd[2] = {-1, -1};
    Pipe() {
        if (pipe(fd) != 0) fd[0] = fd[1] = -1;
    }
    ~Pipe() {
        for (int f : fd)
            if (f >= 0) close(f);
    }
    void close_end(int i) {
        if (fd[i] >= 0) close(fd[i]);
        fd[i] = -1;
    }
};

// Writes what fits of the input, reads what is ready of stdout and stderr, until both
// output pipes reach end of file.
void pump(Pipe& in, Pipe& out, Pipe& err, const std::string& input, ProcessResult& r) {
    std::size_t written = 0;
    if (input.empty()) in.close_end(1);
    std::array<char, 65536> buf{};
    while (out.fd[0] >= 0 || err.fd[0] >= 0) {
        std::array<pollfd, 3> fds{{{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}}};
        if (poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) return;
        for (int i = 0; i < 2; ++i) {
            if (fds[static_cast<std::size_t>(i)].fd < 0 || fds[static_cast<std::size_t>(i)].revents == 0) continue;
            Pipe& p = i == 0 ? out : err;
            const ssize_t n = read(p.fd[0], buf.data(), buf.size());
            if (n <= 0) p.close_end(0);
            else (i == 0 ? r.out : r.err).append(buf.data(), static_cast<std::size_t>(n));
        }
        if (fds[2].fd >= 0 && fds[2].revents != 0) {
            const ssize_t n = write(in.fd[1], input.data() + written, input.size() - written);
            if (n <= 0 || (written += static_cast<std::size_t>(n)) == input.size()) in.close_end(1);
        }
    }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input) {
    ProcessResult r;
    std::signal(SIGPIPE, SIG_IGN);  // a child that exits early must not kill the test
    Pipe in, out, err;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in.fd[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out.fd[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err.fd[1], 2);
    for (Pipe* p : {&in, &out, &err}) {
        posix_spawn_file_actions_addclose(&fa, p->fd[0]);
        posix_spawn_file_actions_addclose(&fa, p->fd[1]);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return r;
    in.close_end(0);
    out.close_end(1);
    err.close_end(1);
    pump(in, out, err, input, r);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

bool is_executable(const std::string& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

}  // namespace hjob::test
