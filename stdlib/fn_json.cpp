// jsonencode and jsondecode (go-cty json.go): values to ctyjson text, and JSON text to the
// implied cty value (objects, tuples, exact numbers). Error texts follow Go's encoding/json.
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

/// A recursive-descent reader of one JSON document into a cty value.
class JsonReader {
public:
    explicit JsonReader(std::string_view s) : s_(s) {}

    std::optional<Value> document(std::string& error) {
        auto v = value(0);
        if (v) {
            skip_space();
            if (i_ < s_.size()) fail_char("after top-level value");
        }
        error = error_;
        return error_.empty() ? v : std::nullopt;
    }

private:
    /// Go's encoding/json allows 10000 levels; recursion that deep risks the stack (more so
    /// under the sanitizers), and no JSON in a job file comes near 1000.
    static constexpr int max_depth = 1000;

    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    std::nullopt_t fail_char(const char* context) {
        if (!error_.empty()) return std::nullopt;
        if (i_ >= s_.size()) error_ = "unexpected end of JSON input";
        else error_ = std::string("invalid character ").append(quote_char(s_[i_])).append(" ").append(context);
        return std::nullopt;
    }
    static std::string quote_char(char c) {
        if (c == '\'') return "'\\''";
        if (c == '"') return "'\"'";
        if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            return std::string("'\\x") + hex[(c >> 4) & 15] + hex[c & 15] + "'";
        }
        return std::string("'").append(1, c).append("'");
    }
    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }

    std::optional<Value> value(int depth) {
        skip_space();
        if (depth > max_depth) {
            error_ = "exceeded max depth";
            return std::nullopt;
        }
        if (i_ >= s_.size()) return fail_char("");
        const char c = s_[i_];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') {
            auto str = string();
            if (!str) return std::nullopt;
            return Value::string(*str);
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (literal("true")) return Value::boolean(true);
        if (literal("false")) return Value::boolean(false);
        if (literal("null")) return Value::null(Type::dynamic());
        return fail_char("looking for beginning of value");
    }

    std::optional<Value> number() {
        const std::size_t b = i_;
        if (s_[i_] == '-') ++i_;
        auto digits = [&] {
            const std::size_t d = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            return i_ > d;
        };
        if (i_ < s_.size() && s_[i_] == '0') ++i_;
        else if (!digits()) return fail_char("in numeric literal");
        if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return fail_char("after decimal point in numeric literal");
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (!digits()) return fail_char("in exponent of numeric literal");
        }
        const auto n = Number::parse(s_.substr(b, i_ - b));
        if (!n) {
            error_ = "number " + std::string(s_.substr(b, i_ - b)) + " is out of range";
            return std::nullopt;
        }
        return Value::number(*n);
    }

    std::optional<std::string> string() {
        std::string out;
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
            const char c = s_[i_];
            if (static_cast<unsigned char>(c) < 0x20) return fail_char("in string literal");
            if (c != '\\') {
                out += c;
                ++i_;
                continue;
            }
            if (++i_ >= s_.size()) break;
            const char e = s_[i_++];
            switch (e) {
            case '"': case '\\': case '/': out += e; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                auto cp = hex4();
                if (!cp) return std::nullopt;
                if (*cp >= 0xD800 && *cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
                    const std::size_t save = i_;
                    i_ += 2;
                    const auto lo = hex4();
                    if (lo && *lo >= 0xDC00 && *lo < 0xE000) *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*lo - 0xDC00);
                    else i_ = save;
                }
                if (*cp >= 0xD800 && *cp < 0xE000) *cp = 0xFFFD;  // Go replaces lone surrogates
                utf8_append_cp(out, *cp);
                break;
            }
            default:
                --i_;
                return fail_char("in string escape code");
            }
        }
        if (i_ >= s_.size()) return fail_char("");
        ++i_;
        return out;
    }
    std::optional<std::uint32_t> hex4() {
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k, ++i_) {
            if (i_ >= s_.size()) return fail_char("");
            const char h = s_[i_];
            const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) return fail_char("in \\u hexadecimal character escape");
            v = v * 16 + static_cast<std::uint32_t>(d);
        }
        return v;
    }
    static void utf8_append_cp(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        else if (cp < 0x10000)
            out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        else
            out += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                    static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }

    std::optional<Value> object(int depth) {
        ++i_;
        Attributes attrs;
        skip_space();
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, Value::object({});
        for (;;) {
            skip_space();
            if (i_ >= s_.size() || s_[i_] != '"') return fail_char("looking for beginning of object key string");
            auto key = string();
            if (!key) return std::nullopt;
            for (const auto& [k, v] : attrs)
                if (k == *key) {
                    error_ = "duplicate " + go_quote(*key) + " property in JSON object";
                    return std::nullopt;
                }
            skip_space();
            if (i_ >= s_.size() || s_[i_] != ':') return fail_char("after object key");
            ++i_;
            auto v = value(depth + 1);
            if (!v) return std::nullopt;
            attrs.emplace_back(std::move(*key), std::move(*v));
            skip_space();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            if (i_ < s_.size() && s_[i_] == '}') { ++i_; return Value::object(std::move(attrs)); }
            return fail_char("after object key:value pair");
        }
    }

    std::optional<Value> array(int depth) {
        ++i_;
        std::vector<Value> items;
        skip_space();
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, Value::tuple({});
        for (;;) {
            auto v = value(depth + 1);
            if (!v) return std::nullopt;
            items.push_back(std::move(*v));
            skip_space();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            if (i_ < s_.size() && s_[i_] == ']') { ++i_; return Value::tuple(std::move(items)); }
            return fail_char("after array element");
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::string error_;
};

}  // namespace

std::optional<Value> json_decode(std::string_view text, std::string& error) {
    return JsonReader(text).document(error);
}

void add_json_functions(FunctionTable& t) {
    t["jsonencode"] = make({param("val", Type::dynamic(), dynamic | null)}, Type::string(), [](std::span<const Value> a, const Type& ret) {
        if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
        if (a[0].is_null()) return ok(Value::string("null"));
        const auto j = to_json(a[0]);
        if (!j) return fail("value cannot be represented as JSON (infinite number)");
        return ok(Value::string(*j));
    });
    Function decode = make({param("str", Type::string())}, Type::dynamic(), [](std::span<const Value> a, const Type&) {
        std::string error;
        auto v = json_decode(a[0].as_string(), error);
        return v ? ok(*v) : fail(error);
    });
    // The result type is the decoded value's: computed by decoding in the return-type step.
    decode.return_type = [](std::span<const Value> a) -> std::variant<Type, FunctionError> {
        if (!a[0].is_known()) return Type::dynamic();
        std::string error;
        auto v = json_decode(a[0].as_string(), error);
        if (!v) return type_error(error);
        return v->type();
    };
    t["jsondecode"] = std::move(decode);
}

}  // namespace hjob::cty::fn

namespace hjob::cty {

std::optional<Value> decode_json(std::string_view text, std::string& error) { return fn::json_decode(text, error); }

}  // namespace hjob::cty
