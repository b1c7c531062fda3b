// Open maps and data-kept blocks as JSON (see opaque.hpp). jobspec2 reference:
// jobspec2/hclutil/blockattrs.go (BlocksAsAttrs) and parse_map.go (interfaceFromCtyValue).
#include "opaque.hpp"

#include <map>

#include "literal.hpp"
#include "runtime_refs.hpp"
#include "stdlib/value_unicode.hpp"
#include "values.hpp"

namespace hjob::bind::detail {

namespace {

using nlohmann::json;

// What to_go_json of the evaluated value gives, for the literals most driver configs are made
// of (strings, whole numbers, flags, lists of strings): no evaluation (literal.hpp).
std::optional<json> literal_json(Binder& b, const syntax::Body& body, const syntax::Expr& e) {
    if (const auto text = literal_string(e)) return json(cty::nfc_normalize(*text));
    if (const auto n = literal_integer(e)) return json(*n);
    if (const auto flag = literal_bool(e)) return json(*flag);
    if (auto text = runtime_text(e, b.file(), b.scope_of(body))) return json(std::move(*text));
    if (auto items = runtime_texts(e, b.file(), b.scope_of(body))) return json(std::move(*items));
    return std::nullopt;
}

json attribute_json(Binder& b, const syntax::Body& body, const syntax::Attribute& a, const std::string& path) {
    b.record(path, a.name, a.expr->range);
    if (auto fast = literal_json(b, body, *a.expr)) return std::move(*fast);
    json v = to_go_json(b.evaluate(*a.expr, body));
    // BlocksAsAttrs's attrExpr: an object constructor is wrapped in a tuple, as if the
    // argument had been written as a block.
    if (a.expr->kind == syntax::ExprKind::ObjectCons) return json::array({std::move(v)});
    return v;
}

json block_json(Binder& b, const syntax::Block& blk, const std::string& path) {
    json v = blk.body != nullptr ? opaque_json(b, *blk.body, path) : json::object();
    for (auto it = blk.labels.rbegin(); it != blk.labels.rend(); ++it)
        v = json::object({{std::string(it->value), json::array({std::move(v)})}});
    return v;
}

json typed_attribute(Binder& b, const syntax::Body& body, const schema::Attribute& a, const std::string& path) {
    Body reader(b, body, path);
    json out;
    if (a.type == schema::ValueType::duration) {
        std::int64_t ns = 0;
        return reader.duration(a.name, ns) ? json(ns) : json(nullptr);
    }
    reader.get(a.name, out);
    return out;
}

}  // namespace

json opaque_json(Binder& b, const syntax::Body& body, const std::string& path) {
    json out = json::object();
    for (const auto& a : body.attributes) out[std::string(a.name)] = attribute_json(b, body, a, path);
    std::map<std::string, json> by_type;
    for (const auto& blk : body.blocks) {
        json& list = by_type[std::string(blk.type)];
        if (list.is_null()) list = json::array();
        list.push_back(block_json(b, blk, path + "/" + std::string(blk.type) + "/" + std::to_string(list.size())));
    }
    for (auto& [type, list] : by_type) out[type] = std::move(list);
    return out;
}

json written_json(Binder& b, const syntax::Body& body, const schema::Block& s, const std::string& path) {
    if (s.kind != schema::BodyKind::fixed) return opaque_json(b, body, path);
    json out = json::object();
    for (const auto& given : body.attributes) {
        const schema::Attribute* a = schema::find_attribute(s, given.name);
        if (a == nullptr) continue;
        json v = typed_attribute(b, body, *a, path);
        if (!v.is_null()) out[std::string(a->name)] = std::move(v);
    }
    for (const auto& blk : body.blocks) {
        const schema::Block* child = schema::find_block(s, blk.type);
        if (child == nullptr || blk.body == nullptr) continue;
        const std::string key(blk.type);
        json v = written_json(b, *blk.body, *child, path + "/" + key);
        if (!child->repeatable) out[key] = std::move(v);
        else if (!child->label.empty()) out[key][label(blk)] = std::move(v);
        else out[key].push_back(std::move(v));
    }
    return out;
}

}  // namespace hjob::bind::detail
