// Free-form string maps: meta and env as a block (`meta { a = "b" }`) or, as jobspec2 also
// accepts, as a map argument (`meta = { "a.b" = "c" }`); values are coerced to strings.
#include "decode.hpp"

#include "values.hpp"

namespace hjob::bind::detail {

std::map<std::string, std::string> string_map_body(Binder& b, const syntax::Body& body, const std::string& path) {
    std::map<std::string, std::string> out;
    Body reader(b, body, path);
    for (const auto& a : body.attributes) {
        std::string v;
        if (reader.get(a.name, v)) out[std::string(a.name)] = std::move(v);
    }
    return out;
}

ir::StringMap decode_string_map(Body& body, std::string_view name) {
    ir::StringMap out;
    if (body.find(name) != nullptr) {
        // The schema pass reported a block given as well ("Duplicate meta block").
        body.get(name, out);
        return out;
    }
    // A second block was reported as a duplicate by the schema pass.
    if (const auto* blk = body.first(name); blk != nullptr && blk->body != nullptr) {
        const std::string path = body.path(name);
        body.b.record(path, def_range(*blk));
        out = string_map_body(body.b, *blk->body, path);
    }
    return out;
}

}  // namespace hjob::bind::detail
