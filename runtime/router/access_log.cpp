// The access log (access_log.hpp).
#include "access_log.hpp"

#include <ctime>
#include <stdexcept>

namespace hjob::runtime::router {

namespace {

constexpr std::size_t flush_at = 64 * 1024;

// Quotes a header for the log: '"' and control bytes escaped, as nginx does (\xHH).
void append_quoted(std::string& out, std::string_view s) {
    out += '"';
    if (s.empty()) out += '-';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

}  // namespace

AccessLog::AccessLog(const std::string& path) {
    if (path.empty()) return;
    if (path == "-") {
        out_ = stderr;
        return;
    }
    out_ = std::fopen(path.c_str(), "a");
    if (!out_) throw std::runtime_error("cannot open the access log " + path);
    owned_ = true;
}

AccessLog::~AccessLog() {
    flush();
    if (owned_) std::fclose(out_);
}

void AccessLog::write(const LogEntry& e) {
    if (!out_) return;
    const std::time_t now = std::time(nullptr);
    std::lock_guard lock(mu_);
    if (now != stamp_second_) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[64];
        std::strftime(buf, sizeof buf, "[%d/%b/%Y:%H:%M:%S +0000]", &tm);
        stamp_ = buf;
        stamp_second_ = now;
    }
    auto& b = buffer_;
    b.append(e.client).append(" - - ").append(stamp_).append(" \"");
    b.append(e.method).append(" ").append(e.target).append(e.version == 10 ? " HTTP/1.0\" " : " HTTP/1.1\" ");
    b.append(std::to_string(e.status)).append(" ").append(std::to_string(e.bytes)).append(" ");
    append_quoted(b, e.referer);
    b += ' ';
    append_quoted(b, e.user_agent);
    char tail[96];
    std::snprintf(tail, sizeof tail, " upstream=%.*s upstream_ms=%.3f\n", int(e.upstream.empty() ? 1 : e.upstream.size()),
                  e.upstream.empty() ? "-" : e.upstream.data(), double(e.upstream_time.count()) / 1e6);
    b += tail;
    if (b.size() >= flush_at) {
        std::fwrite(b.data(), 1, b.size(), out_);
        std::fflush(out_);
        b.clear();
    }
}

void AccessLog::flush() {
    if (!out_) return;
    std::lock_guard lock(mu_);
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    std::fflush(out_);
    buffer_.clear();
}

}  // namespace hjob::runtime::router
