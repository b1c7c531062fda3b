// The schema pass (see check_schema.hpp). Messages follow hclsyntax's Body.Content and
// gohcl's decoder word for word where the condition is the same.
#include "check_schema.hpp"

#include "values.hpp"

namespace hjob::bind::detail {

namespace {

using schema::BodyKind;

std::vector<std::string_view> attribute_names(const schema::Block& s) {
    std::vector<std::string_view> out;
    for (const auto& a : s.attributes) out.push_back(a.name);
    return out;
}

std::vector<std::string_view> block_names(const schema::Block& s) {
    std::vector<std::string_view> out;
    for (const auto* c : s.blocks) out.push_back(c->name);
    return out;
}

std::vector<DiagnosticFix> rename_fix(Binder& b, Range where, std::string_view to) {
    return {DiagnosticFix{b.at(where), std::string(to), "Replace with " + go_quote(to)}};
}

void unsupported_argument(Binder& b, const syntax::Attribute& a, const schema::Block& s, Severity severity) {
    std::string detail = "An argument named " + go_quote(a.name) + " is not expected here.";
    const auto names = attribute_names(s);
    if (const auto hint = schema::suggest(a.name, names)) {
        b.report(severity, "unsupported-argument", "Unsupported argument", detail + " Did you mean " + go_quote(*hint) + "?",
                 a.name_range, rename_fix(b, a.name_range, *hint));
        return;
    }
    if (schema::find_block(s, a.name) != nullptr)
        detail += " Did you mean to define a block of type " + go_quote(a.name) + "?";
    b.report(severity, "unsupported-argument", "Unsupported argument", std::move(detail), a.name_range);
}

void unsupported_block(Binder& b, const syntax::Block& blk, const schema::Block& s, Severity severity) {
    std::string detail = "Blocks of type " + go_quote(blk.type) + " are not expected here.";
    if (schema::find_attribute(s, blk.type) != nullptr) {
        detail += " Did you mean to define argument " + go_quote(blk.type) +
                  "? If so, use the equals sign to assign it a value.";
        b.report(severity, "unsupported-block", "Unsupported block type", std::move(detail), blk.type_range);
        return;
    }
    const auto names = block_names(s);
    if (const auto hint = schema::suggest(blk.type, names)) {
        b.report(severity, "unsupported-block", "Unsupported block type", detail + " Did you mean " + go_quote(*hint) + "?",
                 blk.type_range, rename_fix(b, blk.type_range, *hint));
        return;
    }
    b.report(severity, "unsupported-block", "Unsupported block type", std::move(detail), blk.type_range);
}

bool check_labels(Binder& b, const syntax::Block& blk, const schema::Block& s) {
    const std::size_t want = s.label.empty() ? 0 : 1;
    const std::string name(blk.type);
    if (blk.labels.size() > want) {
        b.error("extraneous-label", "Extraneous label for " + name,
                want == 0 ? "No labels are expected for " + name + " blocks."
                          : "Only 1 labels (" + std::string(s.label) + ") are expected for " + name + " blocks.",
                blk.labels[want].range);
        return false;
    }
    if (blk.labels.size() < want) {
        b.error("missing-label", "Missing " + std::string(s.label) + " for " + name,
                "All " + name + " blocks must have 1 labels (" + std::string(s.label) + ").", blk.open_brace);
        return false;
    }
    return true;
}

void check_required(Binder& b, const syntax::Body& body, const schema::Block& s, Range open_brace) {
    for (const auto& a : s.attributes) {
        if (!a.parse_required) continue;  // the others are the validator's ("Missing task driver")
        bool found = false;
        for (const auto& given : body.attributes) found = found || given.name == a.name;
        if (!found)
            b.error("missing-argument", "Missing required argument",
                    "The argument " + go_quote(a.name) + " is required, but no definition was found.", open_brace);
    }
}

void check_map_body(Binder& b, const syntax::Body& body) {
    for (const auto& blk : body.blocks)
        b.error("unsupported-block", "Unsupported block type",
                "Blocks of type " + go_quote(blk.type) + " are not expected here.", blk.type_range);
}

void check_duplicates(Binder& b, const syntax::Body& body, const syntax::Block& blk, const schema::Block& s) {
    for (const auto& a : body.attributes)
        if (a.name == blk.type && s.map_argument) {
            b.error("duplicate-block", "Duplicate " + std::string(blk.type) + " block",
                    std::string(blk.type) + " may not be defined more than once. Another definition is defined at " +
                        b.range_string(a.range) + ".",
                    def_range(blk));
            return;
        }
    if (s.repeatable) return;
    for (const auto& other : body.blocks) {
        if (&other == &blk) return;
        if (other.type == blk.type) {
            b.error("duplicate-block", "Duplicate " + std::string(blk.type) + " block",
                    "Only one " + std::string(blk.type) + " block is allowed. Another was defined at " +
                        b.range_string(def_range(other)) + ".",
                    def_range(blk));
            return;
        }
    }
}

}  // namespace

void check_schema(Binder& b, const syntax::Body& body, const schema::Block& s, Range open_brace) {
    if (s.kind == BodyKind::opaque) return;
    if (s.kind == BodyKind::string_map) return check_map_body(b, body);
    for (const auto& a : body.attributes) {
        if (schema::find_attribute(s, a.name) != nullptr) continue;
        const schema::Block* as_block = schema::find_block(s, a.name);
        if (as_block == nullptr || !as_block->map_argument) unsupported_argument(b, a, s, Severity::error);
    }
    check_required(b, body, s, open_brace);
    for (const auto& blk : body.blocks) {
        const schema::Block* child = schema::find_block(s, blk.type);
        if (child == nullptr) {
            unsupported_block(b, blk, s, Severity::error);
            continue;
        }
        check_duplicates(b, body, blk, *child);
        if (check_labels(b, blk, *child) && blk.body != nullptr) check_schema(b, *blk.body, *child, blk.open_brace);
    }
}

bool check_file_schema(Binder& b, const syntax::Body& body) {
    const schema::Block& root = schema::file_root();
    bool ok = body.attributes.empty();
    for (const auto& a : body.attributes) unsupported_argument(b, a, root, Severity::error);
    for (const auto& blk : body.blocks) {
        const schema::Block* child = schema::find_block(root, blk.type);
        if (child == nullptr) {
            unsupported_block(b, blk, root, Severity::error);
            ok = false;
        } else if (child == &schema::job()) {
            check_labels(b, blk, *child);  // the job's body is checked once expanded
        }
    }
    return ok;
}

void check_driver_config(Binder& b, const syntax::Block& config, const schema::Block& s) {
    if (config.body == nullptr) return;
    const syntax::Body& body = *config.body;
    // In config, blocks and arguments are interchangeable (jobspec2 turns blocks into lists).
    auto known = [&](std::string_view name) {
        return schema::find_attribute(s, name) != nullptr || schema::find_block(s, name) != nullptr;
    };
    for (const auto& a : body.attributes)
        if (!known(a.name)) unsupported_argument(b, a, s, Severity::warning);
    for (const auto& blk : body.blocks) {
        if (!known(blk.type)) unsupported_block(b, blk, s, Severity::warning);
        else if (const auto* child = schema::find_block(s, blk.type); child != nullptr)
            check_driver_config(b, blk, *child);
    }
    for (const auto& a : s.attributes) {
        if (!a.required) continue;
        bool found = false;
        for (const auto& given : body.attributes) found = found || given.name == a.name;
        if (!found)
            b.report(Severity::warning, "driver-config-missing-argument", "Missing required argument",
                     "The argument " + go_quote(a.name) + " is required by the driver, but no definition was found.",
                     config.open_brace);
    }
}

}  // namespace hjob::bind::detail
