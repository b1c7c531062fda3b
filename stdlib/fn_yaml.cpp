// yamldecode and yamlencode (go-cty-yaml). Both run on libyaml, the C library that go-yaml
// (and so go-cty-yaml) is a line-by-line port of: the parser's events are resolved with
// go-cty-yaml's rules (YAML 1.1 booleans, anchors but no cycles, one document), and the
// emitter writes the same block style, quoting and line folding.
#include <map>
#include <set>
#include <yaml.h>

#include "fn_time.hpp"
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

const std::string tag_prefix = "tag:yaml.org,2002:";
constexpr int max_depth = 1000;  // nesting limit: YAML input must not overflow the stack

struct Event {
    yaml_event_t e{};
    bool valid = false;
    ~Event() {
        if (valid) yaml_event_delete(&e);
    }
};

std::string at(const yaml_mark_t& m, const std::string& what) {
    return "on line " + std::to_string(m.line + 1) + ", column " + std::to_string(m.column + 1) + ": " + what;
}

class YamlDecoder {
public:
    explicit YamlDecoder(const std::string& src) {
        yaml_parser_initialize(&p_);
        yaml_parser_set_input_string(&p_, reinterpret_cast<const unsigned char*>(src.data()), src.size());
    }
    ~YamlDecoder() { yaml_parser_delete(&p_); }
    YamlDecoder(const YamlDecoder&) = delete;
    YamlDecoder& operator=(const YamlDecoder&) = delete;

    std::optional<Value> document(std::string& error) {
        Event ev;
        if (!next(ev, error)) return std::nullopt;
        if (!next(ev, error)) return std::nullopt;  // after STREAM-START
        if (ev.e.type != YAML_DOCUMENT_START_EVENT) return fail(ev, "missing start of document", error);
        auto v = node(error, 0);
        if (!v || !next(ev, error)) return std::nullopt;
        if (ev.e.type == YAML_DOCUMENT_START_EVENT) return fail(ev, "only a single document is allowed", error);
        if (ev.e.type != YAML_DOCUMENT_END_EVENT) return fail(ev, "unexpected extra content after value", error);
        if (!next(ev, error)) return std::nullopt;
        if (ev.e.type != YAML_STREAM_END_EVENT) return fail(ev, "unexpected extra content after value", error);
        return v;
    }

private:
    bool next(Event& ev, std::string& error) {
        if (ev.valid) yaml_event_delete(&ev.e);
        ev.valid = yaml_parser_parse(&p_, &ev.e) != 0;
        if (!ev.valid) {
            const std::string context = p_.context ? std::string(p_.context) + " " : "";
            error = at(p_.problem_mark, context + (p_.problem ? p_.problem : "unknown YAML error"));
        }
        return ev.valid;
    }
    static std::nullopt_t fail(const Event& ev, const std::string& what, std::string& error) {
        error = at(ev.e.start_mark, what);
        return std::nullopt;
    }

    std::optional<Value> node(std::string& error, int depth) {
        Event ev;
        if (!next(ev, error)) return std::nullopt;
        return node_from(ev, error, depth);
    }

    std::optional<Value> node_from(const Event& ev, std::string& error, int depth) {
        if (depth > max_depth) return fail(ev, "nesting too deep", error);
        switch (ev.e.type) {
        case YAML_SCALAR_EVENT: return scalar(ev, error);
        case YAML_ALIAS_EVENT: return alias(ev, error);
        case YAML_MAPPING_START_EVENT: return mapping(ev, error, depth);
        case YAML_SEQUENCE_START_EVENT: return sequence(ev, error, depth);
        case YAML_DOCUMENT_START_EVENT: return fail(ev, "only a single document is allowed", error);
        case YAML_STREAM_END_EVENT: return fail(ev, "expecting value but found end of stream", error);
        default: return fail(ev, "unexpected parser event", error);
        }
    }

    static std::string tag_of(const unsigned char* t) { return t ? reinterpret_cast<const char*>(t) : ""; }
    static std::string anchor_of(const unsigned char* a) { return a ? reinterpret_cast<const char*>(a) : ""; }

    void begin(const std::string& anchor) {
        if (!anchor.empty()) pending_.insert(anchor);
    }
    void complete(const std::string& anchor, const Value& v) {
        if (anchor.empty()) return;
        pending_.erase(anchor);
        anchors_[anchor] = v;
    }

    std::optional<Value> scalar(const Event& ev, std::string& error) {
        const auto& s = ev.e.data.scalar;
        std::string tag = tag_of(s.tag);
        // A quoted scalar without a tag is a string (go-yaml's implicit !!str).
        if (tag.empty() && s.style != YAML_PLAIN_SCALAR_STYLE && s.style != YAML_ANY_SCALAR_STYLE) tag = tag_prefix + "str";
        const std::string anchor = anchor_of(s.anchor);
        begin(anchor);
        std::string why;
        auto v = resolve(tag, std::string(reinterpret_cast<const char*>(s.value), s.length), why);
        if (!v) return fail(ev, why, error);
        complete(anchor, *v);
        return v;
    }

    std::optional<Value> alias(const Event& ev, std::string& error) {
        const std::string name = anchor_of(ev.e.data.alias.anchor);
        if (pending_.count(name)) return fail(ev, "cannot refer to anchor " + go_quote(name) + " from inside its own definition", error);
        const auto it = anchors_.find(name);
        if (it == anchors_.end()) return fail(ev, "reference to undefined anchor " + go_quote(name), error);
        return it->second;
    }

    std::optional<Value> mapping(const Event& ev, std::string& error, int depth) {
        const std::string tag = tag_of(ev.e.data.mapping_start.tag);
        if (!tag.empty() && tag != tag_prefix + "map") return fail(ev, "can't interpret mapping as " + tag, error);
        const std::string anchor = anchor_of(ev.e.data.mapping_start.anchor);
        begin(anchor);
        std::map<std::string, Value> vals;
        for (;;) {
            Event k;
            if (!next(k, error)) return std::nullopt;
            if (k.e.type == YAML_MAPPING_END_EVENT) break;
            if (k.e.type != YAML_SCALAR_EVENT) return fail(k, "only strings are allowed as mapping keys", error);
            auto key = scalar(k, error);
            if (!key) return std::nullopt;
            if (key->is_null()) return fail(k, "mapping key cannot be null", error);
            const Converted ks = convert(*key, Type::string());
            if (!ks.ok()) return fail(k, "only strings are allowed as mapping keys", error);
            auto v = node(error, depth + 1);
            if (!v) return std::nullopt;
            vals[ks.value.as_string()] = *v;
        }
        Value v = Value::object(Attributes(vals.begin(), vals.end()));
        complete(anchor, v);
        return v;
    }

    std::optional<Value> sequence(const Event& ev, std::string& error, int depth) {
        const std::string tag = tag_of(ev.e.data.sequence_start.tag);
        if (!tag.empty() && tag != tag_prefix + "seq") return fail(ev, "can't interpret sequence as " + tag, error);
        const std::string anchor = anchor_of(ev.e.data.sequence_start.anchor);
        begin(anchor);
        std::vector<Value> vals;
        for (;;) {
            Event item;
            if (!next(item, error)) return std::nullopt;
            if (item.e.type == YAML_SEQUENCE_END_EVENT) break;
            auto v = node_from(item, error, depth + 1);
            if (!v) return std::nullopt;
            vals.push_back(*v);
        }
        Value v = Value::tuple(std::move(vals));
        complete(anchor, v);
        return v;
    }

    static std::optional<Value> resolve(const std::string& tag, const std::string& src, std::string& why);

    yaml_parser_t p_{};
    std::set<std::string> pending_;
    std::map<std::string, Value> anchors_;
};

std::optional<Value> integer_with_prefix(std::string plain) {
    bool neg = false;
    if (!plain.empty() && (plain[0] == '-' || plain[0] == '+')) {
        neg = plain[0] == '-';
        plain.erase(0, 1);
    }
    int base = 10;
    if (plain.rfind("0x", 0) == 0 || plain.rfind("0X", 0) == 0) base = 16, plain.erase(0, 2);
    else if (plain.rfind("0b", 0) == 0 || plain.rfind("0B", 0) == 0) base = 2, plain.erase(0, 2);
    else if (plain.rfind("0o", 0) == 0 || plain.rfind("0O", 0) == 0) base = 8, plain.erase(0, 2);
    else if (plain.size() > 1 && plain[0] == '0') base = 8, plain.erase(0, 1);
    if (plain.empty() || plain.size() > 64) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : plain) {
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
        if (d >= base || v > (~std::uint64_t{0} - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) return std::nullopt;
        v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    }
    if (neg) return v > (std::uint64_t{1} << 63) ? std::nullopt : std::optional<Value>(Value::number(Number::from_int(-static_cast<std::int64_t>(v - 1) - 1)));
    return Value::number(Number::from_uint(v));
}

std::string without_underscores(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != '_') out += c;
    return out;
}

// go-cty-yaml's resolveScalar.
std::optional<Value> YamlDecoder::resolve(const std::string& tag, const std::string& src, std::string& why) {
    static const std::string str = tag_prefix + "str", binary = tag_prefix + "binary", boolean = tag_prefix + "bool",
                             integer = tag_prefix + "int", floating = tag_prefix + "float", null_tag = tag_prefix + "null",
                             timestamp = tag_prefix + "timestamp";
    if (!(tag.empty() || tag == str || tag == binary || tag == boolean || tag == integer || tag == floating || tag == null_tag || tag == timestamp)) {
        why = "unsupported tag " + go_quote(tag);
        return std::nullopt;
    }
    static const std::map<std::string, Value> words = [] {
        std::map<std::string, Value> m;
        for (const char* s : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) m[s] = Value::boolean(true);
        for (const char* s : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) m[s] = Value::boolean(false);
        for (const char* s : {"", "~", "null", "Null", "NULL"}) m[s] = Value::null(Type::dynamic());
        for (const char* s : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) m[s] = Value::number(Number::infinity(false));
        for (const char* s : {"-.inf", "-.Inf", "-.INF"}) m[s] = Value::number(Number::infinity(true));
        return m;
    }();
    const char c0 = src.empty() ? 'N' : src[0];
    const bool hint = src.empty() || std::string_view("+-0123456789yYnNtTfFoO~.").find(c0) != std::string_view::npos;
    std::string effective = tag;
    if (hint && tag != str && tag != binary) {
        if (const auto it = words.find(src); it != words.end()) return it->second;
        if (src == ".nan" || src == ".NaN" || src == ".NAN") {
            why = "floating point NaN is not supported";
            return std::nullopt;
        }
        if (c0 == '.') {
            if (auto n = Number::parse(src)) return Value::number(*n);
        } else if (c0 == '+' || c0 == '-' || (c0 >= '0' && c0 <= '9')) {
            if (tag.empty() || tag == timestamp)
                if (auto t = parse_yaml_timestamp(src)) return Value::string(format_rfc3339(*t));
            const std::string plain = without_underscores(src);
            if (auto n = Number::parse(plain)) return Value::number(*n);
            if (plain.rfind("0b", 0) == 0 || plain.rfind("-0b", 0) == 0) effective = integer;
        }
    }
    if (effective == str || effective == binary) {
        if (effective == binary && !base64_decode(src)) {
            why = "cannot parse " + go_quote(src) + " as " + effective + ": not valid base64";
            return std::nullopt;
        }
        return Value::string(src);
    }
    if (effective == boolean) {
        const auto it = words.find(src);
        if (it != words.end() && it->second.type() == Type::boolean()) return it->second;
    } else if (effective == floating || effective == integer) {
        const std::string plain = without_underscores(src);
        if (auto n = Number::parse(plain)) return Value::number(*n);
        if (auto v = integer_with_prefix(plain)) return v;
    } else if (effective == timestamp) {
        if (auto t = parse_yaml_timestamp(src)) return Value::string(format_rfc3339(*t));
    } else if (effective == null_tag) {
        return Value::null(Type::dynamic());
    } else {
        return Value::string(src);
    }
    why = "cannot parse " + go_quote(src) + " as " + effective;
    return std::nullopt;
}

}  // namespace

std::optional<Value> yaml_decode(const std::string& src, std::string& error) {
    return YamlDecoder(src.empty() ? std::string("\n") : src).document(error);
}

}  // namespace hjob::cty::fn
