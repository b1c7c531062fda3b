// A test client for `hjob lsp`: starts the built binary with pipes on its standard streams
// and speaks the protocol to it. Every wait has a deadline, and the destructor kills a server
// still running, so a hung or crashed server fails the test instead of hanging the suite.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hjob::test {

using Json = nlohmann::json;
using namespace std::chrono_literals;

class LspClient {
public:
    /// Starts `hjob lsp` with `args` after the subcommand.
    explicit LspClient(const std::vector<std::string>& args = {});
    ~LspClient();
    LspClient(const LspClient&) = delete;
    LspClient& operator=(const LspClient&) = delete;

    /// Writes bytes to the server, reading its output meanwhile; false when the server
    /// stopped reading (exited) or `timeout` passed first.
    bool send_raw(std::string_view bytes, std::chrono::milliseconds timeout = 10s);
    bool send(const Json& message);
    void notify(const std::string& method, Json params);
    /// Sends a request and waits for its response (other messages are kept for later).
    Json request(const std::string& method, Json params, std::chrono::milliseconds timeout = 10s);
    /// The next response with this id, or null on timeout.
    Json response(const Json& id, std::chrono::milliseconds timeout = 10s);
    /// The next message of any kind, or nullopt on timeout.
    std::optional<Json> next(std::chrono::milliseconds timeout = 10s);
    /// The next notification `method` whose params satisfy `match`, or null on timeout.
    Json notification(const std::string& method, const std::function<bool(const Json&)>& match,
                      std::chrono::milliseconds timeout = 10s);
    /// The next publishDiagnostics for `uri` (at `version`, when given), or null.
    Json diagnostics(const std::string& uri, std::optional<std::int64_t> version = std::nullopt,
                     std::chrono::milliseconds timeout = 10s);

    /// initialize (with these client capabilities) then initialized; the InitializeResult.
    Json initialize(Json capabilities = Json::object());
    void open(const std::string& uri, const std::string& text, std::int64_t version = 1);

    void close_input();
    /// The exit status once the server exits; nullopt when it is still running at `timeout`
    /// or was killed by a signal (reported as -signal).
    std::optional<int> wait_exit(std::chrono::milliseconds timeout = 10s);
    const std::string& errors() const { return err_; }

private:
    using Deadline = std::chrono::steady_clock::time_point;
    // Reads what the server wrote (until `deadline` when `block`) and writes what fits of `out`.
    void pump(Deadline deadline, std::string_view* out);
    void parse_frames();

    pid_t pid_ = -1;
    int in_ = -1, out_ = -1, err_fd_ = -1;
    std::optional<int> status_;
    std::string buffer_, err_;
    std::deque<Json> inbox_;
    int next_id_ = 1;
};

/// The LSP position of byte `offset` in `text` (UTF-16 or UTF-8 characters), computed apart
/// from the server's own code so that tests compare two independent conversions.
Json lsp_position(std::string_view text, std::size_t offset, bool utf16 = true);

/// The byte offset of LSP position `pos` in `text` (the inverse of lsp_position).
std::size_t lsp_offset(std::string_view text, const Json& pos, bool utf16 = true);

/// Applies a TextEdit (range + newText) to `text` with the independent conversion.
void apply_edit(std::string& text, const Json& edit, bool utf16 = true);

/// A didChange params replacing `range` of `uri` by `text` (incremental sync).
Json range_change(const std::string& uri, std::int64_t version, const Json& range, const std::string& text);

/// A directory under /tmp removed with its files when the object goes.
struct TempDir {
    TempDir();
    ~TempDir();
    std::string write(const std::string& name, const std::string& text) const;
    std::string path;
};

/// What `hjob ARGS...` prints on standard output (arguments single-quoted for the shell).
std::string run_hjob(const std::vector<std::string>& args);

/// "file://" + path (test paths need no escaping).
inline std::string file_uri(const std::string& path) { return "file://" + path; }

}  // namespace hjob::test
