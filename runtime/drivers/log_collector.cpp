// The log copier thread (log_collector.hpp).
#include "log_collector.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <future>
#include <map>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>

namespace hjob::runtime::drivers {

namespace asio = boost::asio;

struct LogCollector::Stream {
    asio::posix::stream_descriptor fd;
    std::unique_ptr<LogRotator> out;
    std::array<char, 16384> buf{};
    bool closed = false;
    Stream(asio::io_context& io, int native, std::unique_ptr<LogRotator> o) : fd(io, native), out(std::move(o)) {}
};

LogCollector::LogCollector() : work_(asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}

LogCollector::~LogCollector() {
    // Close every FIFO on the io thread; the aborted reads then complete and run() returns.
    asio::post(io_, [this] {
        for (auto& [key, s] : streams_) {
            s->closed = true;
            s->fd.close();
        }
        streams_.clear();
    });
    work_.reset();
    thread_.join();
}

std::string make_fifo(const std::filesystem::path& path) {
    if (::mkfifo(path.c_str(), 0600) == 0 || errno == EEXIST) return "";
    return "cannot create " + path.string() + ": " + std::strerror(errno);
}

bool LogCollector::add(const std::string& key, const std::filesystem::path& fifo, std::unique_ptr<LogRotator> out) {
    // Read-write, so the open neither blocks for a writer nor sees end-of-file between two writers.
    const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    ::fcntl(fd, F_SETPIPE_SZ, 1 << 20);  // best effort: slack while no agent reads
    std::promise<void> done;
    asio::post(io_, [&] {
        auto s = std::make_shared<Stream>(io_, fd, std::move(out));
        if (auto old = streams_.find(key); old != streams_.end()) {
            old->second->closed = true;  // a second reader of the same FIFO: the new one wins
            old->second->fd.cancel();
        }
        streams_[key] = s;
        read_more(s);
        done.set_value();
    });
    done.get_future().wait();
    return true;
}

void LogCollector::read_more(const std::shared_ptr<Stream>& s) {
    s->fd.async_read_some(asio::buffer(s->buf), [this, s](boost::system::error_code ec, std::size_t n) {
        if (n > 0) s->out->write(std::string_view(s->buf.data(), n));
        if (!ec && !s->closed) read_more(s);
    });
}

void LogCollector::finish(const std::string& key) {
    std::promise<void> done;
    asio::post(io_, [&] {
        if (auto it = streams_.find(key); it != streams_.end()) {
            auto s = it->second;
            s->closed = true;
            s->fd.cancel();
            // The fd is non-blocking: drain what the task wrote last, then let go of the FIFO.
            for (ssize_t n; (n = ::read(s->fd.native_handle(), s->buf.data(), s->buf.size())) > 0;)
                s->out->write(std::string_view(s->buf.data(), static_cast<std::size_t>(n)));
            streams_.erase(it);
        }
        done.set_value();
    });
    done.get_future().wait();
}

}  // namespace hjob::runtime::drivers
