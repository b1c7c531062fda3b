// pidfd-based exit notification (exit_watcher.hpp).
#include "exit_watcher.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <future>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>

#include "proc.hpp"

namespace hjob::runtime::drivers {

namespace asio = boost::asio;

struct ExitWatcher::Watch {
    asio::posix::stream_descriptor fd;
    TaskHandle handle;
    bool cancelled = false;
    Watch(asio::io_context& io, int native, TaskHandle h) : fd(io, native), handle(std::move(h)) {}
};

ExitWatcher::ExitWatcher(OnExit on_exit)
    : on_exit_(std::move(on_exit)), work_(asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}

ExitWatcher::~ExitWatcher() {
    asio::post(io_, [this] {
        for (auto& [pid, w] : watches_) w->cancelled = true, w->fd.close();
        watches_.clear();
    });
    work_.reset();
    thread_.join();
}

bool ExitWatcher::watch(const TaskHandle& handle) {
    const int fd = static_cast<int>(::syscall(SYS_pidfd_open, handle.pid, 0));
    if (fd < 0 && errno != ESRCH) return false;
    // The pid must still be the task's: a pidfd taken on a recycled pid would watch a stranger.
    const auto stat = proc_stat(handle.pid);
    const bool ours = stat && stat->start_ticks == handle.start_ticks;
    asio::post(io_, [this, fd, ours, handle] {
        if (fd < 0 || !ours) {
            if (fd >= 0) ::close(fd);
            return on_exit_(handle);  // already gone
        }
        auto w = std::make_shared<Watch>(io_, fd, handle);
        if (auto old = watches_.find(handle.pid); old != watches_.end()) old->second->cancelled = true;
        watches_[handle.pid] = w;
        w->fd.async_wait(asio::posix::stream_descriptor::wait_read, [this, w](boost::system::error_code) {
            if (w->cancelled) return;
            if (auto it = watches_.find(w->handle.pid); it != watches_.end() && it->second == w) watches_.erase(it);
            on_exit_(w->handle);
        });
    });
    return true;
}

void ExitWatcher::forget(const TaskHandle& handle) {
    std::promise<void> done;
    asio::post(io_, [&] {
        if (auto it = watches_.find(handle.pid); it != watches_.end()) {
            it->second->cancelled = true;
            it->second->fd.cancel();
            watches_.erase(it);
        }
        done.set_value();
    });
    done.get_future().wait();
}

}  // namespace hjob::runtime::drivers
