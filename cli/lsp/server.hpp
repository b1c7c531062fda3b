// The language server: the document store, the LSP methods hjob implements (registered on
// the dispatcher), and when diagnostics are published. Diagnostics follow a leading-edge
// throttle: a change after a quiet spell is checked at once; changes that come while the
// previous check is less than `debounce` old are collapsed into one check at its end.
#pragma once

#include <chrono>
#include <optional>

#include "capabilities.hpp"
#include "dispatch.hpp"
#include "documents.hpp"

namespace hjob::lsp {

using Clock = std::chrono::steady_clock;

struct ServerOptions {
    /// The shortest time between two checks of the open documents: bursts of changes within
    /// it cost one check, not one per keystroke.
    std::chrono::milliseconds debounce{50};
};

class Server {
public:
    Server(Output& out, ServerOptions options);

    void handle(const std::vector<Frame>& frames) { dispatcher_.handle(frames); }
    /// Publishes the diagnostics of every changed document due by `deadline`.
    void publish_due(Clock::time_point deadline);
    /// When the next publication is due; nullopt when every document is published.
    std::optional<Clock::time_point> next_due() const;

    std::optional<int> exit_status() const { return dispatcher_.exit_status(); }
    /// The exit status when the input ends without `exit`: 0 after `shutdown`, else 1.
    int status_at_eof() const { return dispatcher_.shut_down() ? 0 : 1; }

private:
    void register_lifecycle();
    void register_sync();
    void register_features();

    Document& document(const Json& params);
    void schedule(Document& doc);
    void publish(Document& doc);
    void ensure_checked(Document& doc);
    std::uint32_t offset(Document& doc, const Json& params) const;
    const Outline& outline(Document& doc);

    Output& out_;
    ServerOptions options_;
    Dispatcher dispatcher_;
    DocumentStore documents_;
    ClientFeatures client_;
    Clock::time_point last_check_{};
};

}  // namespace hjob::lsp
