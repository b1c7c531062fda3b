// One task stream's log files, rotated as Nomad's logmon does: <task>.stdout.0, .1, ... in
// alloc/logs/; a file is closed when it reaches the size limit and the next index opened; only
// the newest `max_files` are kept. After an agent restart writing continues in the newest file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hjob::runtime::drivers {

class LogRotator {
public:
    /// `base` is "<task>.stdout" or "<task>.stderr"; `max_bytes` > 0, `max_files` >= 1.
    LogRotator(std::filesystem::path dir, std::string base, int max_files, std::int64_t max_bytes);
    ~LogRotator();
    LogRotator(const LogRotator&) = delete;
    LogRotator& operator=(const LogRotator&) = delete;

    /// Appends `data`, splitting it across files at the size limit. Returns false on an I/O error
    /// (the bytes are then dropped: a full disk must not stop the task).
    bool write(std::string_view data);
    int index() const { return index_; }
    std::filesystem::path current() const;

private:
    bool open_current(bool truncate);
    void rotate();
    void purge();

    std::filesystem::path dir_;
    std::string base_;
    int max_files_;
    std::int64_t max_bytes_;
    int index_ = 0;
    std::int64_t size_ = 0;
    int fd_ = -1;
};

}  // namespace hjob::runtime::drivers
