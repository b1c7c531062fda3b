// Documentation text from the schema tables (see schema_docs.hpp).
#include "schema_docs.hpp"

namespace hjob::lsp {

namespace {

std::string code(std::string_view s) { return "`" + std::string(s) + "`"; }

std::string allowed_list(const schema::Attribute& a) {
    std::string out;
    for (auto v : schema::allowed_values(a)) {
        if (!out.empty()) out += ", ";
        out += v.empty() ? std::string("`\"\"`") : code(v);
    }
    return out;
}

}  // namespace

std::string block_detail(const schema::Block& b) {
    std::string out = "block";
    if (!b.label.empty()) out += " \"" + std::string(b.label) + "\"";
    if (b.repeatable) out += ", repeatable";
    if (b.deprecated) out += ", deprecated";
    return out;
}

std::string attribute_detail(const schema::Attribute& a) {
    std::string out(schema::type_name(a.type));
    if (a.required) out += ", required";
    if (!a.default_value.empty()) out += ", default " + std::string(a.default_value);
    if (a.deprecated) out += ", deprecated";
    return out;
}

std::string block_markdown(const schema::Block& b) {
    std::string out = "**" + std::string(b.name) + "** " + block_detail(b) + "\n\n" + std::string(b.doc);
    if (b.kind == schema::BodyKind::string_map)
        out += "\n\nArguments: any names, values of type " + code(schema::type_name(b.map_values)) + ".";
    if (b.deprecated) out += "\n\n*Deprecated.*";
    return out;
}

std::string attribute_markdown(const schema::Attribute& a) {
    std::string out = "**" + std::string(a.name) + "** " + code(schema::type_name(a.type));
    if (a.required) out += ", required";
    out += "\n\n" + std::string(a.doc);
    if (!a.default_value.empty()) out += "\n\nDefault: " + code(a.default_value);
    if (!a.allowed.empty()) out += "\n\nAllowed values: " + allowed_list(a);
    if (a.deprecated) out += "\n\n*Deprecated.*";
    return out;
}

std::string value_markdown(const schema::Attribute& a, std::string_view value) {
    bool allowed = false;
    for (auto v : schema::allowed_values(a)) allowed = allowed || v == value;
    std::string out = code(value) + (allowed ? " is an allowed value of " : " is not an allowed value of ") +
                      "**" + std::string(a.name) + "**";
    return out + "\n\n" + attribute_markdown(a);
}

}  // namespace hjob::lsp
