// JSON-RPC 2.0 as LSP uses it: error codes, the shapes of responses and notifications, and
// the output side of the transport (one framed message per write).
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace hjob::lsp {

using Json = nlohmann::json;

/// Error codes of JSON-RPC 2.0 and of LSP.
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
inline constexpr int request_cancelled = -32800;
}  // namespace error_code

/// Thrown by a handler to answer its request with an error.
struct RpcError : std::runtime_error {
    RpcError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
    int code;
};

Json response(const Json& id, Json result);
Json error_response(const Json& id, int code, const std::string& message);
Json notification(const std::string& method, Json params);

/// Where the server's messages go. An interface so that the loop does not know the fd.
class Output {
public:
    virtual ~Output() = default;
    virtual void send(const Json& message) = 0;
};

/// Writes framed messages to a file descriptor (standard output). A write that fails (the
/// client went away) marks the output closed; later sends do nothing.
class FdOutput : public Output {
public:
    explicit FdOutput(int fd) : fd_(fd) {}
    void send(const Json& message) override;
    bool closed() const { return closed_; }

private:
    int fd_;
    bool closed_ = false;
};

}  // namespace hjob::lsp
