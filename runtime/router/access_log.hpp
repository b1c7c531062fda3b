// The access log: one line per request in the combined log format (as nginx and Apache write
// it) plus the upstream and its latency, buffered and flushed at least every half second, so a
// busy router writes in large blocks rather than once per request.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace hjob::runtime::router {

struct LogEntry {
    std::string_view client, method, target, referer, user_agent, upstream;
    unsigned version = 11, status = 0;
    std::size_t bytes = 0;
    std::chrono::nanoseconds upstream_time{0};
};

class AccessLog {
public:
    /// `path`: "-" for standard error, "" for no log, else a file opened for appending.
    /// Throws std::runtime_error when the file cannot be opened.
    explicit AccessLog(const std::string& path);
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    bool enabled() const { return out_ != nullptr; }
    void write(const LogEntry& e);
    /// Writes what is buffered; the server calls it on a timer and at exit.
    void flush();

private:
    std::FILE* out_ = nullptr;
    bool owned_ = false;
    std::mutex mu_;
    std::string buffer_;
    std::time_t stamp_second_ = 0;
    std::string stamp_;  ///< "[29/Nov/2026:17:00:00 +0000]" of stamp_second_
};

}  // namespace hjob::runtime::router
