// The poll loop (see loop.hpp). Single-threaded: every message is handled, and every check
// runs, on this thread, so no state is shared.
#include "loop.hpp"

#include <poll.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>

#include "framing.hpp"

namespace hjob::lsp {

namespace {

// Input that never pauses must not delay diagnostics for ever: past this, a due document is
// published even while more input waits.
constexpr auto max_delay = std::chrono::milliseconds(250);

// poll()'s timeout until the next due publication: -1 none, 0 already due.
int timeout_ms(const Server& server) {
    const auto due = server.next_due();
    if (!due) return -1;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*due - Clock::now()).count();
    return wait <= 0 ? 0 : static_cast<int>(std::min<long long>(wait, 60'000));
}

}  // namespace

int serve(int in_fd, int out_fd, const ServerOptions& options) {
    std::signal(SIGPIPE, SIG_IGN);  // a client that goes away is seen as a failed write
    FdOutput out(out_fd);
    Server server(out, options);
    Framer framer;
    std::array<char, 1 << 16> buffer{};
    while (!server.exit_status() && !out.closed()) {
        pollfd p{in_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, timeout_ms(server));
        if (ready < 0 && errno != EINTR) break;
        if (ready == 0) server.publish_due(Clock::now());
        if (ready <= 0) continue;
        const ssize_t n = ::read(in_fd, buffer.data(), buffer.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) break;  // end of input, also in the middle of a message
        framer.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        std::vector<Frame> frames;
        while (auto f = framer.next()) frames.push_back(std::move(*f));
        server.handle(frames);
        server.publish_due(Clock::now() - max_delay);
    }
    if (const auto status = server.exit_status()) return *status;
    return server.status_at_eof();
}

}  // namespace hjob::lsp
