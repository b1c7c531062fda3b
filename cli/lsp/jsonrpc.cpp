// JSON-RPC messages and the framed writer (see jsonrpc.hpp).
#include "jsonrpc.hpp"

#include <unistd.h>

#include <cerrno>

namespace hjob::lsp {

Json response(const Json& id, Json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

Json error_response(const Json& id, int code, const std::string& message) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

Json notification(const std::string& method, Json params) {
    return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

void FdOutput::send(const Json& message) {
    if (closed_) return;
    // Invalid UTF-8 (from a file's bytes) becomes U+FFFD: the client must get valid JSON.
    const std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
    const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    for (std::size_t done = 0; done < frame.size();) {
        const ssize_t n = ::write(fd_, frame.data() + done, frame.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            closed_ = true;
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace hjob::lsp
