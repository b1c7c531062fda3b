// Size-based log rotation (log_rotator.hpp).
#include "log_rotator.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace hjob::runtime::drivers {

namespace fs = std::filesystem;

LogRotator::LogRotator(fs::path dir, std::string base, int max_files, std::int64_t max_bytes)
    : dir_(std::move(dir)), base_(std::move(base)), max_files_(std::max(1, max_files)),
      max_bytes_(std::max<std::int64_t>(1, max_bytes)) {
    // Continue after the newest existing file, as logmon does after a restart.
    std::error_code ec;
    const std::string prefix = base_ + ".";
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string n = name.substr(prefix.size());
        if (!n.empty() && n.find_first_not_of("0123456789") == std::string::npos)
            index_ = std::max(index_, std::atoi(n.c_str()));
    }
    open_current(false);
    if (size_ >= max_bytes_) rotate();
}

LogRotator::~LogRotator() {
    if (fd_ >= 0) ::close(fd_);
}

fs::path LogRotator::current() const { return dir_ / (base_ + "." + std::to_string(index_)); }

bool LogRotator::open_current(bool truncate) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = ::open(current().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0644);
    size_ = fd_ >= 0 ? ::lseek(fd_, 0, SEEK_END) : 0;
    return fd_ >= 0;
}

void LogRotator::rotate() {
    ++index_;
    open_current(true);
    purge();
}

void LogRotator::purge() {
    std::error_code ec;
    for (int i = index_ - max_files_; i >= 0; --i) {
        if (!fs::remove(dir_ / (base_ + "." + std::to_string(i)), ec)) break;  // older ones went earlier
    }
}

bool LogRotator::write(std::string_view data) {
    while (!data.empty()) {
        if (fd_ < 0 && !open_current(false)) return false;
        const auto room = static_cast<std::size_t>(max_bytes_ - size_);
        const std::size_t n = std::min(room, data.size());
        const ssize_t w = ::write(fd_, data.data(), n);
        if (w <= 0) return false;
        size_ += w;
        data.remove_prefix(static_cast<std::size_t>(w));
        if (size_ >= max_bytes_) rotate();
    }
    return true;
}

}  // namespace hjob::runtime::drivers
