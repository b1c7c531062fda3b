// The agent's instance lock (instance.hpp).
#include "instance.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hjob::runtime::agent {

namespace {

std::string lock_path(const std::string& dir) { return dir + "/agent.lock"; }
std::string pid_path(const std::string& dir) { return dir + "/agent.pid"; }

}  // namespace

std::optional<InstanceLock> InstanceLock::try_acquire(const std::string& data_dir) {
    std::filesystem::create_directories(data_dir);
    const int fd = ::open(lock_path(data_dir).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot open " + lock_path(data_dir) + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    const std::string tmp = pid_path(data_dir) + ".tmp";
    std::ofstream(tmp) << ::getpid() << '\n';
    std::filesystem::rename(tmp, pid_path(data_dir));
    return InstanceLock(fd, data_dir);
}

InstanceLock::~InstanceLock() {
    if (fd_ < 0) return;
    std::error_code ec;
    std::filesystem::remove(pid_path(dir_), ec);  // before the unlock: a new agent writes its own
    ::close(fd_);
}

std::optional<long> running_agent(const std::string& data_dir) {
    const int fd = ::open(lock_path(data_dir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    // A shared lock we can take means no agent holds the exclusive one.
    const bool free = ::flock(fd, LOCK_SH | LOCK_NB) == 0;
    ::close(fd);
    if (free) return std::nullopt;
    long pid = 0;
    std::ifstream(pid_path(data_dir)) >> pid;
    return pid > 0 ? std::optional<long>(pid) : std::optional<long>(0);
}

}  // namespace hjob::runtime::agent
