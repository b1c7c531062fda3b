// The LSP methods and the publication schedule (see server.hpp).
#include "server.hpp"

#include <filesystem>

#include "code_actions.hpp"
#include "completion.hpp"
#include "diagnostics.hpp"
#include "formatting.hpp"
#include "hover.hpp"
#include "outline.hpp"
#include "symbols.hpp"
#include "var_files.hpp"

namespace hjob::lsp {

Server::Server(Output& out, ServerOptions options) : out_(out), options_(options), dispatcher_(out) {
    register_lifecycle();
    register_sync();
    register_features();
}

void Server::register_lifecycle() {
    dispatcher_.on_request("initialize", [this](const Json& params) {
        client_ = read_client_features(params.is_object() ? params : Json::object());
        return initialize_result(client_);
    });
    dispatcher_.on_notification("initialized", [](const Json&) {});
}

void Server::register_sync() {
    dispatcher_.on_notification("textDocument/didOpen", [this](const Json& p) {
        const Json& td = p.at("textDocument");
        schedule(documents_.open(td.at("uri").get<std::string>(), td.value("version", 0), td.at("text").get<std::string>()));
    });
    dispatcher_.on_notification("textDocument/didChange", [this](const Json& p) {
        Document& doc = document(p);
        apply_changes(doc, p.at("contentChanges"), client_.encoding);
        doc.version = p.at("textDocument").value("version", doc.version);
        schedule(doc);
    });
    dispatcher_.on_notification("textDocument/didClose", [this](const Json& p) {
        const std::string uri = p.at("textDocument").at("uri").get<std::string>();
        documents_.close(uri);
        out_.send(notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}}));
    });
    // Saving a var file changes the values every job beside it sees; saving a job may change
    // what its file() calls read.
    dispatcher_.on_notification("textDocument/didSave", [this](const Json& p) {
        Document& saved = document(p);
        const auto dir = std::filesystem::path(saved.path).parent_path();
        for (Document* d : documents_.all())
            if (d == &saved || (is_var_file(saved.path) && std::filesystem::path(d->path).parent_path() == dir)) {
                d->checked.reset();
                schedule(*d);
            }
    });
}

void Server::register_features() {
    dispatcher_.on_request("textDocument/formatting", [this](const Json& p) {
        return format_document(document(p), client_.encoding);
    });
    dispatcher_.on_request("textDocument/hover", [this](const Json& p) {
        Document& doc = document(p);
        return hover(doc, outline(doc), offset(doc, p), client_.encoding);
    });
    dispatcher_.on_request("textDocument/completion", [this](const Json& p) {
        Document& doc = document(p);
        return completion(doc, outline(doc), offset(doc, p), client_.snippets);
    });
    dispatcher_.on_request("textDocument/documentSymbol", [this](const Json& p) {
        Document& doc = document(p);
        return document_symbols(doc, outline(doc), client_.encoding);
    });
    dispatcher_.on_request("textDocument/codeAction", [this](const Json& p) {
        Document& doc = document(p);
        if (doc.dirty) publish(doc);  // the actions must match the diagnostics the client shows
        return code_actions(doc, *doc.checked, p, client_.encoding);
    });
}

Document& Server::document(const Json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    Document* doc = documents_.find(uri);
    if (doc == nullptr) throw RpcError(error_code::invalid_params, "document not open: " + uri);
    return *doc;
}

std::uint32_t Server::offset(Document& doc, const Json& params) const {
    return doc.lines.offset(parse_position(params.at("position")), client_.encoding);
}

const Outline& Server::outline(Document& doc) {
    if (!doc.outline) doc.outline = build_outline(doc);
    return *doc.outline;
}

void Server::schedule(Document& doc) {
    const auto earliest = std::max(Clock::now(), last_check_ + options_.debounce);
    if (doc.due == Clock::time_point{}) doc.due = earliest;  // a pending due time stays: bursts collapse
    doc.dirty = true;
}

void Server::ensure_checked(Document& doc) {
    if (doc.checked && doc.checked_generation == doc.generation) return;
    last_check_ = Clock::now();
    doc.checked = check_document(doc, client_.encoding);
    doc.checked_generation = doc.generation;
}

void Server::publish(Document& doc) {
    ensure_checked(doc);
    out_.send(notification("textDocument/publishDiagnostics", publish_params(doc, *doc.checked)));
    doc.dirty = false;
    doc.due = {};
}

void Server::publish_due(Clock::time_point deadline) {
    for (Document* doc : documents_.all())
        if (doc->dirty && doc->due <= deadline) publish(*doc);
}

std::optional<Clock::time_point> Server::next_due() const {
    std::optional<Clock::time_point> next;
    for (Document* doc : documents_.all())
        if (doc->dirty && (!next || doc->due < *next)) next = doc->due;
    return next;
}

}  // namespace hjob::lsp
