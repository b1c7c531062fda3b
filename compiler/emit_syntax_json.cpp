// The canonical syntax JSON. Built compact and then indented, which is how Go's
// json.Encoder produces hclref's output; numbers in values keep cty's exact decimal text,
// which is why this does not go through nlohmann::json (it would round them to doubles).
#include "emit_syntax_json.hpp"

#include <algorithm>
#include <vector>

#include "eval/evaluate.hpp"
#include "stdlib/value.hpp"

namespace hjob::emit {

using namespace syntax;

namespace {

std::string quote(std::string_view s) { return cty::go_json_quote(s, false); }

std::string range_text(const SourceFile& file, Range r) {
    const Position b = file.position(r.begin);
    const Position e = file.position(r.end);
    return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(e.line) + ":" + std::to_string(e.column);
}

class Writer {
public:
    Writer(const SourceFile& file, const SyntaxJsonOptions& options) : file_(file), options_(options) {}

    void body(const Body& b) {
        out_ += "{\"attributes\":[";
        std::vector<const Attribute*> attrs;
        for (const Attribute& a : b.attributes) attrs.push_back(&a);
        std::stable_sort(attrs.begin(), attrs.end(), [](const Attribute* x, const Attribute* y) { return x->range.begin < y->range.begin; });
        for (std::size_t i = 0; i < attrs.size(); ++i) {
            if (i > 0) out_ += ',';
            attribute(*attrs[i]);
        }
        out_ += "],\"blocks\":[";
        for (std::size_t i = 0; i < b.blocks.size(); ++i) {
            if (i > 0) out_ += ',';
            block(b.blocks[i]);
        }
        out_ += "]}";
    }

    std::string take() { return std::move(out_); }

private:
    void attribute(const Attribute& a) {
        out_ += "{\"name\":" + quote(a.name);
        out_ += ",\"kind\":" + quote(kind_name(a.expr->kind));
        out_ += ",\"src\":" + quote(file_.slice(a.expr->range));
        if (const auto v = eval::constant_value(*a.expr, file_))
            if (const auto json = cty::to_json(*v)) out_ += ",\"value\":" + *json;
        if (options_.ranges) out_ += ",\"range\":" + quote(range_text(file_, a.range));
        out_ += '}';
    }

    void block(const Block& b) {
        out_ += "{\"type\":" + quote(b.type) + ",\"labels\":[";
        for (std::size_t i = 0; i < b.labels.size(); ++i) {
            if (i > 0) out_ += ',';
            out_ += quote(b.labels[i].value);
        }
        out_ += "],\"body\":";
        body(*b.body);
        if (options_.ranges) out_ += ",\"range\":" + quote(range_text(file_, Range{b.type_range.begin, b.close_brace.end}));
        out_ += '}';
    }

    const SourceFile& file_;
    const SyntaxJsonOptions& options_;
    std::string out_;
};

}  // namespace

std::string go_indent(std::string_view src) {
    std::string out;
    int depth = 0;
    bool need_indent = false;  // after an opening bracket, until we know it is not empty
    const auto newline = [&](int d) {
        out += '\n';
        out.append(static_cast<std::size_t>(d) * 2, ' ');
    };
    for (std::size_t i = 0; i < src.size(); ++i) {
        const char c = src[i];
        if (need_indent && c != ']' && c != '}') {
            need_indent = false;
            newline(++depth);
        }
        if (c == '"') {  // copy the string through its closing quote
            const std::size_t start = i++;
            while (i < src.size() && src[i] != '"') i += src[i] == '\\' ? 2 : 1;
            out.append(src.substr(start, i - start + 1));
            continue;
        }
        if (c == '{' || c == '[') {
            out += c;
            need_indent = true;
        } else if (c == ',') {
            out += c;
            newline(depth);
        } else if (c == ':') {
            out += ": ";
        } else if (c == '}' || c == ']') {
            if (need_indent) need_indent = false;  // empty: stays "[]" / "{}"
            else newline(--depth);
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string syntax_json(const SyntaxTree& tree, const SyntaxJsonOptions& options) {
    Writer w(*tree.file, options);
    w.body(*tree.body);
    std::string compact = w.take();
    return (options.compact ? compact : go_indent(compact)) + "\n";
}

}  // namespace hjob::emit
