// The open documents: what the client sent with didOpen, kept in step by didChange (full or
// incremental), dropped by didClose. The editor's text is the truth, never the file on disk.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "jsonrpc.hpp"
#include "positions.hpp"

namespace hjob::lsp {

struct Outline;       // outline.hpp: blocks and attributes found by the lexer, built on demand
struct CheckResult;   // diagnostics.hpp: the diagnostics of one version

struct Document {
    std::string uri;
    std::string path;  ///< "" unless a file: URI
    std::int64_t version = 0;
    std::string text;
    LineIndex lines;               ///< over `text`; rebuilt on every change
    std::uint64_t generation = 0;  ///< bumped on every change; caches record the one they saw

    std::shared_ptr<const Outline> outline;       ///< of `generation`, or null
    std::shared_ptr<const CheckResult> checked;   ///< of checked_generation, or null
    std::uint64_t checked_generation = 0;
    bool dirty = true;                                ///< diagnostics not yet published
    std::chrono::steady_clock::time_point due{};      ///< when to publish them

    Document() = default;
    Document(const Document&) = delete;  // `lines` views `text`
    Document& operator=(const Document&) = delete;

    void set_text(std::string t);
};

class DocumentStore {
public:
    Document& open(const std::string& uri, std::int64_t version, std::string text);
    Document* find(const std::string& uri);
    void close(const std::string& uri);
    std::vector<Document*> all() const;

private:
    std::map<std::string, std::unique_ptr<Document>> docs_;
};

/// Applies didChange's `contentChanges` in order: an entry with a `range` replaces that range
/// (incremental sync), one without replaces the whole text (full sync). Throws RpcError
/// (invalid params) for a malformed entry; the entries before it stay applied.
void apply_changes(Document& doc, const Json& changes, Encoding encoding);

}  // namespace hjob::lsp
