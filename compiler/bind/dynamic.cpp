// Dynamic block expansion (see dynamic.hpp). Bodies under an iterator are copied so that each
// copy can carry its own scope; the copies share the original attributes and expressions.
#include "dynamic.hpp"

#include "compiler/eval/type_expr.hpp"
#include "values.hpp"

namespace hjob::bind::detail {

namespace {

bool opaque(std::string_view type) { return type == "config" || type == "policy"; }

bool has_dynamic(const syntax::Body& body, int depth) {
    if (depth > 256) return false;
    for (const auto& blk : body.blocks) {
        if (blk.type == "dynamic") return true;
        if (blk.body != nullptr && !opaque(blk.type) && has_dynamic(*blk.body, depth + 1)) return true;
    }
    return false;
}

const syntax::Attribute* find(const syntax::Body& body, std::string_view name) {
    for (const auto& a : body.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

struct Expander {
    Binder& b;
    Binder::Expansion& x;
    std::size_t generated = 0;

    const syntax::Body& rebuild(const syntax::Body& body, const eval::EvalContext* scope, bool expand, int depth);
    void expand_one(const syntax::Block& dyn, const eval::EvalContext* scope, std::vector<syntax::Block>& out, int depth);
    bool check_dynamic(const syntax::Block& dyn, const syntax::Block*& content);
    void generate(const syntax::Block& dyn, const syntax::Block& content, const eval::EvalContext* scope,
                  const cty::Value& key, const cty::Value& value, std::vector<syntax::Block>& out, int depth);
};

const syntax::Body& Expander::rebuild(const syntax::Body& body, const eval::EvalContext* scope, bool expand, int depth) {
    const bool expanding = expand && depth <= 256 && has_dynamic(body, 0);
    if (scope == b.context() && !expanding) return body;
    std::vector<syntax::Block> blocks;
    for (const auto& blk : body.blocks) {
        if (expanding && blk.type == "dynamic") {
            expand_one(blk, scope, blocks, depth);
            continue;
        }
        syntax::Block copy = blk;
        if (blk.body != nullptr && depth <= 256)
            copy.body = const_cast<syntax::Body*>(&rebuild(*blk.body, scope, expand && !opaque(blk.type), depth + 1));
        blocks.push_back(copy);
    }
    auto& stored = x.blocks.emplace_back(std::move(blocks));
    syntax::Body& out = x.bodies.emplace_back(body);
    out.blocks = std::span<syntax::Block>(stored);
    x.scope_of[&out] = scope;
    return out;
}

bool Expander::check_dynamic(const syntax::Block& dyn, const syntax::Block*& content) {
    if (dyn.labels.size() != 1 || dyn.body == nullptr) {
        b.error("dynamic-label", "Invalid dynamic block", "A dynamic block needs one label: the type of the blocks "
                "it generates.", dyn.type_range);
        return false;
    }
    for (const auto& a : dyn.body->attributes)
        if (a.name != "for_each" && a.name != "iterator" && a.name != "labels")
            b.error("unsupported-argument", "Unsupported argument",
                    "An argument named " + go_quote(a.name) + " is not expected here.", a.name_range);
    for (const auto& blk : dyn.body->blocks) {
        if (blk.type != "content")
            b.error("unsupported-block", "Unsupported block type",
                    "Blocks of type " + go_quote(blk.type) + " are not expected here.", blk.type_range);
        else if (content == nullptr && blk.body != nullptr)
            content = &blk;
    }
    if (find(*dyn.body, "for_each") == nullptr)
        b.error("missing-argument", "Missing required argument",
                "The argument \"for_each\" is required, but no definition was found.", dyn.open_brace);
    if (content == nullptr)
        b.error("missing-content", "Missing content block",
                "A dynamic block must have a nested block of type \"content\" to describe the body of each "
                "generated block.", dyn.open_brace);
    return content != nullptr && find(*dyn.body, "for_each") != nullptr;
}

void Expander::expand_one(const syntax::Block& dyn, const eval::EvalContext* scope, std::vector<syntax::Block>& out,
                          int depth) {
    const syntax::Block* content = nullptr;
    if (!check_dynamic(dyn, content)) return;
    const syntax::Attribute* for_each = find(*dyn.body, "for_each");
    const cty::Value each = b.evaluate_in(*for_each->expr, scope);
    if (!each.is_known()) return;  // an unknown collection generates nothing to check
    const auto kind = each.type().kind();
    if (each.is_null() || !(each.type().is_collection() || each.type().is_tuple() || each.type().is_object())) {
        b.error("dynamic-for-each", "Invalid dynamic for_each value",
                each.is_null() ? "Cannot use a null value in for_each."
                               : "Cannot use a " + each.type().friendly_name() +
                                     " value in for_each. An iterable collection is required.",
                for_each->expr->range);
        return;
    }
    if (kind == cty::Kind::map || kind == cty::Kind::object) {
        for (const auto& [k, v] : each.attributes()) generate(dyn, *content, scope, cty::Value::string(k), v, out, depth);
        return;
    }
    std::int64_t i = 0;
    for (const auto& v : each.elements())
        generate(dyn, *content, scope, kind == cty::Kind::set ? v : cty::Value::number(i++), v, out, depth);
}

void Expander::generate(const syntax::Block& dyn, const syntax::Block& content, const eval::EvalContext* scope,
                        const cty::Value& key, const cty::Value& value, std::vector<syntax::Block>& out, int depth) {
    if (++generated > max_dynamic_blocks) {
        if (generated == max_dynamic_blocks + 1)
            b.error("dynamic-limit", "Too many dynamic blocks",
                    "Dynamic blocks may generate at most " + std::to_string(max_dynamic_blocks) + " blocks.",
                    dyn.type_range);
        return;
    }
    std::string iterator(dyn.labels[0].value);
    if (const auto* it = find(*dyn.body, "iterator"); it != nullptr && !eval::expr_keyword(*it->expr).empty())
        iterator = eval::expr_keyword(*it->expr);
    eval::EvalContext& child = x.scopes.emplace_back(scope);
    child.set_variable(iterator, cty::Value::object({{"key", key}, {"value", value}}));
    std::vector<syntax::BlockLabel> labels;
    if (const auto* l = find(*dyn.body, "labels")) {
        const cty::Value list = cty::convert(b.evaluate_in(*l->expr, &child), cty::Type::list(cty::Type::string())).value;
        if (list.is_known() && !list.is_null())
            for (const auto& e : list.elements())
                if (e.is_known() && !e.is_null())
                    labels.push_back({x.strings.emplace_back(e.as_string()), l->expr->range, true});
    }
    syntax::Block blk = content;
    blk.type = dyn.labels[0].value;
    blk.type_range = dyn.labels[0].range;
    blk.labels = std::span<syntax::BlockLabel>(x.labels.emplace_back(std::move(labels)));
    blk.body = const_cast<syntax::Body*>(&rebuild(*content.body, &child, !opaque(blk.type), depth + 1));
    out.push_back(blk);
}

}  // namespace

const syntax::Body& expand_dynamic(Binder& b, const syntax::Body& body) {
    Expander e{b, b.expansion()};
    return e.rebuild(body, b.context(), true, 0);
}

}  // namespace hjob::bind::detail
