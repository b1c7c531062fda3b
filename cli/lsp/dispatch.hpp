// JSON-RPC dispatch with LSP's lifecycle rules: parse and validate each framed message,
// route requests and notifications to their handlers by method, and answer what is wrong
// with the right error code (ParseError, InvalidRequest, MethodNotFound, InvalidParams,
// ServerNotInitialized, RequestCancelled) instead of dying.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "framing.hpp"
#include "jsonrpc.hpp"

namespace hjob::lsp {

class Dispatcher {
public:
    using RequestHandler = std::function<Json(const Json& params)>;
    using NotificationHandler = std::function<void(const Json& params)>;

    explicit Dispatcher(Output& out) : out_(out) {}

    /// `initialize` is a request like the others; the dispatcher lets it through once.
    void on_request(const std::string& method, RequestHandler handler);
    void on_notification(const std::string& method, NotificationHandler handler);

    /// Handles frames cut from one read, in order. A $/cancelRequest among them cancels the
    /// requests of the batch it names (answered with RequestCancelled); a request already
    /// answered cannot be cancelled, as LSP allows.
    void handle(const std::vector<Frame>& frames);

    /// Set by `exit`: 0 after `shutdown`, 1 otherwise (LSP's exit codes).
    std::optional<int> exit_status() const { return exit_; }
    bool shut_down() const { return shutdown_; }

private:
    void handle_frame(const Frame& frame, const Json& message, const std::set<std::string>& cancelled);
    void handle_message(const Json& m, const std::set<std::string>& cancelled);
    void request(const Json& id, const std::string& method, const Json& params);
    void notify(const std::string& method, const Json& params);

    Output& out_;
    bool initialized_ = false;
    bool shutdown_ = false;
    std::optional<int> exit_;
    std::map<std::string, RequestHandler> requests_;
    std::map<std::string, NotificationHandler> notifications_;
};

}  // namespace hjob::lsp
