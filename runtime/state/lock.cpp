// The state lock (lock.hpp): flock on DIR/state.lock, holder details in DIR/state.lock.info.
#include "lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "ids.hpp"

namespace hjob::runtime::state {

using nlohmann::json;

namespace {

std::string lock_path(const std::string& dir) { return dir + "/state.lock"; }
std::string info_path(const std::string& dir) { return dir + "/state.lock.info"; }

void write_info(const std::string& dir, const LockInfo& i) {
    const json j{{"id", i.id}, {"pid", i.pid}, {"who", i.who}, {"operation", i.operation}, {"created", i.created}};
    const std::string tmp = info_path(dir) + ".tmp" + std::to_string(i.pid);
    std::ofstream(tmp) << j.dump() << '\n';
    std::rename(tmp.c_str(), info_path(dir).c_str());  // atomic: a reader sees all or nothing
}

// The lock file we hold must still be the one at the path: force-unlock may have removed it
// between our open() and flock(), and then a third process may lock a new file.
bool still_linked(int fd, const std::string& path) {
    struct stat a {}, b {};
    return fstat(fd, &a) == 0 && stat(path.c_str(), &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

std::string describe(const std::string& dir, const std::optional<LockInfo>& h, std::int64_t waited_ns) {
    std::ostringstream o;
    o << "the state in " << dir << " is locked by another hjob command";
    if (waited_ns >= 1'000'000) o << " (waited " << waited_ns / 1'000'000 << "ms)";
    o << "\n\nLock Info:\n";
    if (!h) {
        o << "  (the holder has not written its details yet)\n";
    } else {
        o << "  ID:        " << h->id << "\n  Path:      " << lock_path(dir) << "\n  Operation: " << h->operation
          << "\n  Who:       " << h->who << " (pid " << h->pid << (process_alive(h->pid) ? "" : ", no longer running")
          << ")\n  Created:   " << format_time(h->created) << "\n";
    }
    o << "\nAnother command is writing this state. Wait for it to finish, or retry with --lock-timeout "
         "DURATION; if its process is gone, run: hjob force-unlock "
      << (h ? h->id : std::string("ID"));
    return o.str();
}

// The holder writes its details just after it takes the lock, and a holder that died may have
// left an older file behind: give the live holder a moment to write its own.
std::optional<LockInfo> current_holder(const std::string& dir) {
    auto info = read_lock_info(dir);
    for (int i = 0; i < 50 && !(info && process_alive(info->pid)); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        info = read_lock_info(dir);
    }
    return info;
}

}  // namespace

bool process_alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

std::optional<LockInfo> read_lock_info(const std::string& dir) {
    std::ifstream in(info_path(dir));
    if (!in) return std::nullopt;
    const json j = json::parse(in, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    return LockInfo{j.value("id", ""), j.value("pid", 0L), j.value("who", ""), j.value("operation", ""),
                    j.value("created", UnixNanos{0})};
}

StateLock StateLock::acquire(const std::string& dir, const std::string& operation, std::int64_t timeout_ns) {
    const auto start = std::chrono::steady_clock::now();
    auto delay = std::chrono::milliseconds(10);
    for (;;) {
        const int fd = ::open(lock_path(dir).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) throw StateError("cannot create the lock file " + lock_path(dir) + ": " + std::strerror(errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (!still_linked(fd, lock_path(dir))) {
                ::close(fd);
                continue;
            }
            StateLock lock(dir, fd);
            if (auto old = read_lock_info(dir); old && old->pid != ::getpid()) lock.stale_ = old;
            lock.info_ = LockInfo{new_uuid(), static_cast<long>(::getpid()), user_at_host(), operation, now_nanos()};
            write_info(dir, lock.info_);
            return lock;
        }
        ::close(fd);
        const auto waited = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start);
        if (waited.count() >= timeout_ns) {
            auto holder = current_holder(dir);
            throw LockError(describe(dir, holder, waited.count()), holder);
        }
        std::this_thread::sleep_for(std::min<std::chrono::nanoseconds>(delay, std::chrono::nanoseconds(timeout_ns) - waited));
        delay = std::min(delay * 2, std::chrono::milliseconds(200));
    }
}

StateLock::StateLock(StateLock&& o) noexcept
    : dir_(std::move(o.dir_)), fd_(o.fd_), info_(std::move(o.info_)), stale_(std::move(o.stale_)) {
    o.fd_ = -1;
}

StateLock::~StateLock() {
    if (fd_ < 0) return;
    // Remove the details only if they are still ours (force-unlock may have handed the lock on).
    if (auto cur = read_lock_info(dir_); cur && cur->id == info_.id) std::remove(info_path(dir_).c_str());
    ::close(fd_);
}

LockInfo force_unlock(const std::string& dir, const std::string& id) {
    auto cur = read_lock_info(dir);
    if (!cur) throw StateError("the state in " + dir + " is not locked");
    if (cur->id != id)
        throw StateError("lock ID " + id + " does not match the lock on the state in " + dir + " (ID " + cur->id +
                         ", held by " + cur->who + " pid " + std::to_string(cur->pid) + " for " + cur->operation + ")");
    std::remove(lock_path(dir).c_str());
    std::remove(info_path(dir).c_str());
    return *cur;
}

}  // namespace hjob::runtime::state
