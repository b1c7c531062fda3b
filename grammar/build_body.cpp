// Tree building for bodies: attributes (with HCL's "Attribute redefined" check), block
// labels and blocks, and the file's top-level body.
#include "build.hpp"

namespace hjob::syntax::detail {

namespace {

constexpr std::size_t small_body = 16;  // past this many attributes, names go in a hash map

}  // namespace

void ParseState::body_open(std::uint32_t begin) {
    bodies_.push_back({static_cast<std::uint32_t>(attrs_.size()), static_cast<std::uint32_t>(blocks_.size()), begin, {}});
}

void ParseState::attribute() {
    const NameFrame n = names_.back();
    names_.pop_back();
    Expr* expr = pop();
    attrs_.push_back({view(n.name), n.name, last_equals, expr, {n.name.begin, expr->range.end}});
}

// Run once the attribute's line has ended, so that its own errors come first, as in hclsyntax.
void ParseState::check_redefinition() {
    BodyFrame& body = bodies_.back();
    const Attribute& a = attrs_.back();
    const std::size_t count = attrs_.size() - body.attr_mark;
    const Attribute* first = nullptr;
    if (count <= small_body) {
        for (std::size_t i = body.attr_mark; i + 1 < attrs_.size() && first == nullptr; ++i)
            if (attrs_[i].name == a.name) first = &attrs_[i];
    } else {
        if (!body.names) {
            body.names = std::make_unique<std::unordered_map<std::string_view, std::uint32_t>>();
            for (std::size_t i = body.attr_mark; i + 1 < attrs_.size(); ++i)
                body.names->emplace(attrs_[i].name, static_cast<std::uint32_t>(i));
        }
        const auto [it, added] = body.names->emplace(a.name, static_cast<std::uint32_t>(attrs_.size() - 1));
        if (!added) first = &attrs_[it->second];
    }
    if (first == nullptr) return;
    message_arg[0] = go_quote(a.name);
    message_arg[1] = describe(first->name_range);
    Diagnostic& d = report(error_message<errors::attribute_redefined>, a.name_range);
    d.notes.push_back({{&file, first->name_range}, "The first definition is here."});
    attrs_.pop_back();  // hclsyntax keeps the first definition
}

void ParseState::label_begin() {
    label_value_.clear();
    label_decoded_ = false;
}

void ParseState::label_chunk(Range token) {
    const std::string_view v = decode_quoted(token);
    label_decoded_ = label_decoded_ || v.data() != base + token.begin || v.size() != token.end - token.begin;
    label_value_ += v;
}

void ParseState::quoted_label(Range r) {
    const std::string_view value = label_decoded_ ? copy(std::string_view(label_value_)) : view({r.begin + 1, r.end - 1});
    labels_.push_back({value, r, true});
}

Body* ParseState::make_body(const BodyFrame& f, Range r) {
    auto* body = node<Body>();
    body->attributes = copy(attrs_.data() + f.attr_mark, attrs_.size() - f.attr_mark);
    body->blocks = copy(blocks_.data() + f.block_mark, blocks_.size() - f.block_mark);
    body->range = r;
    attrs_.resize(f.attr_mark);
    blocks_.resize(f.block_mark);
    return body;
}

void ParseState::block(std::uint32_t close_begin, std::uint32_t close_end, bool single_line) {
    const std::uint32_t open = bodies_.back().begin;
    Range body_range{open, close_end};
    if (single_line && attrs_.size() > bodies_.back().attr_mark) body_range = attrs_.back().range;
    Body* body = make_body(bodies_.back(), body_range);
    bodies_.pop_back();
    const NameFrame n = names_.back();
    names_.pop_back();
    Block b{};
    b.type = view(n.name);
    b.type_range = n.name;
    b.labels = copy(labels_.data() + n.labels_mark, labels_.size() - n.labels_mark);
    labels_.resize(n.labels_mark);
    b.body = body;
    b.open_brace = {open, open + 1};
    b.close_brace = {close_begin, close_end};
    blocks_.push_back(b);
}

Body* ParseState::top_body() {
    if (bodies_.empty()) body_open(0);
    bodies_.resize(1);
    return make_body(bodies_.front(), {0, static_cast<std::uint32_t>(end - base)});
}

}  // namespace hjob::syntax::detail
