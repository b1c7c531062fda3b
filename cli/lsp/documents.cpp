// The document store and text synchronisation (see documents.hpp).
#include "documents.hpp"

#include "uri.hpp"

namespace hjob::lsp {

void Document::set_text(std::string t) {
    text = std::move(t);
    lines = LineIndex(text);
    ++generation;
    outline.reset();
    dirty = true;
}

Document& DocumentStore::open(const std::string& uri, std::int64_t version, std::string text) {
    auto& slot = docs_[uri];
    slot = std::make_unique<Document>();
    slot->uri = uri;
    slot->path = uri_to_path(uri);
    slot->version = version;
    slot->set_text(std::move(text));
    return *slot;
}

Document* DocumentStore::find(const std::string& uri) {
    const auto it = docs_.find(uri);
    return it == docs_.end() ? nullptr : it->second.get();
}

void DocumentStore::close(const std::string& uri) { docs_.erase(uri); }

std::vector<Document*> DocumentStore::all() const {
    std::vector<Document*> out;
    for (auto& [uri, doc] : docs_) out.push_back(doc.get());
    return out;
}

void apply_changes(Document& doc, const Json& changes, Encoding encoding) {
    if (!changes.is_array()) throw RpcError(error_code::invalid_params, "contentChanges must be an array");
    for (const auto& change : changes) {
        if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
            throw RpcError(error_code::invalid_params, "a content change needs a text");
        std::string text = change["text"].get<std::string>();
        if (!change.contains("range")) {
            doc.set_text(std::move(text));
            continue;
        }
        const Json& range = change["range"];
        auto begin = doc.lines.offset(parse_position(range.at("start")), encoding);
        auto end = doc.lines.offset(parse_position(range.at("end")), encoding);
        if (end < begin) std::swap(begin, end);
        std::string next = doc.text;
        next.replace(begin, end - begin, text);
        doc.set_text(std::move(next));
    }
}

}  // namespace hjob::lsp
