// Values as text: ctyjson.Marshal's JSON (byte for byte, Go's string escaping included)
// and an HCL-like debug rendering that shows types.
#include "value.hpp"
#include "value_unicode.hpp"

namespace hjob::cty {

namespace {

void quote_into(std::string& out, std::string_view s, bool escape_html) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const auto cps = utf8_decode(s);
    for (std::uint32_t cp : cps) {
        if ((cp & invalid_byte_marker) != 0) {
            out += "\\ufffd";
        } else if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp < 0x20 || (escape_html && (cp == '<' || cp == '>' || cp == '&'))) {
            out += "\\u00";
            out += hex[cp >> 4];
            out += hex[cp & 0xF];
        } else if (cp == 0x2028 || cp == 0x2029) {
            out += cp == 0x2028 ? "\\u2028" : "\\u2029";
        } else {
            utf8_append(out, cp);
        }
    }
    out += '"';
}

bool marshal(const Value& v, std::string& out) {
    if (v.is_null()) {
        out += "null";
        return true;
    }
    if (!v.is_known()) return false;
    const Type& t = v.type();
    switch (t.kind()) {
    case Kind::string: quote_into(out, v.as_string(), true); return true;
    case Kind::number:
        if (v.as_number().is_inf()) return false;
        out += v.as_number().text();
        return true;
    case Kind::boolean: out += v.as_bool() ? "true" : "false"; return true;
    case Kind::map: case Kind::object: {
        out += '{';
        bool first = true;
        for (const auto& [k, e] : v.attributes()) {
            if (!first) out += ',';
            first = false;
            quote_into(out, k, true);
            out += ':';
            if (!marshal(e, out)) return false;
        }
        out += '}';
        return true;
    }
    case Kind::dynamic: return false;
    default: {
        out += '[';
        bool first = true;
        for (const auto& e : v.elements()) {
            if (!first) out += ',';
            first = false;
            if (!marshal(e, out)) return false;
        }
        out += ']';
        return true;
    }
    }
}

std::string join_elements(const Value& v) {
    std::string out;
    for (const auto& e : v.elements()) out += (out.empty() ? "" : ", ") + debug_string(e);
    return "[" + out + "]";
}

std::string join_attributes(const Value& v) {
    std::string out;
    for (const auto& [k, e] : v.attributes()) out += (out.empty() ? "" : ", ") + k + " = " + debug_string(e);
    return "{" + out + "}";
}

}  // namespace

std::string go_json_quote(std::string_view s, bool escape_html) {
    std::string out;
    quote_into(out, s, escape_html);
    return out;
}

std::optional<std::string> to_json(const Value& v) {
    std::string out;
    if (!marshal(v, out)) return std::nullopt;
    return out;
}

std::string debug_string(const Value& v) {
    const Type& t = v.type();
    if (v.is_null()) return t.is_dynamic() ? "null" : "null(" + t.type_string() + ")";
    if (!v.is_known()) return t.is_dynamic() ? "unknown" : "unknown(" + t.type_string() + ")";
    switch (t.kind()) {
    case Kind::string: return go_json_quote(v.as_string(), false);
    case Kind::number: return v.as_number().text();
    case Kind::boolean: return v.as_bool() ? "true" : "false";
    case Kind::tuple: return join_elements(v);
    case Kind::list: return "list(" + join_elements(v) + ")";
    case Kind::set: return "set(" + join_elements(v) + ")";
    case Kind::object: return join_attributes(v);
    case Kind::map: return "map(" + join_attributes(v) + ")";
    case Kind::dynamic: break;
    }
    return "unknown";
}

}  // namespace hjob::cty
