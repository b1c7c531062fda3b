// Helpers shared by the function families: construction, gocty conversions, Go quoting.
#include "fn_util.hpp"

#include <cmath>

namespace hjob::cty::fn {

Parameter param(std::string name, Type type, unsigned allow) {
    Parameter p;
    p.name = std::move(name);
    p.type = std::move(type);
    p.allow_null = (allow & null) != 0;
    p.allow_unknown = (allow & unknown) != 0;
    p.allow_dynamic = (allow & dynamic) != 0;
    return p;
}

Function make(std::vector<Parameter> params, Type static_ret, Function::ImplFn impl) {
    return make(std::move(params), Function::static_return(std::move(static_ret)), std::move(impl));
}

Function make(std::vector<Parameter> params, Function::ReturnTypeFn ret, Function::ImplFn impl) {
    Function f;
    f.params = std::move(params);
    f.return_type = std::move(ret);
    f.impl = std::move(impl);
    return f;
}

Function make_var(std::vector<Parameter> params, Parameter var, Type static_ret, Function::ImplFn impl) {
    return make_var(std::move(params), std::move(var), Function::static_return(std::move(static_ret)), std::move(impl));
}

Function make_var(std::vector<Parameter> params, Parameter var, Function::ReturnTypeFn ret, Function::ImplFn impl) {
    Function f = make(std::move(params), std::move(ret), std::move(impl));
    f.var_param = std::move(var);
    return f;
}

std::optional<std::int64_t> to_int(const Value& v, std::string* error) {
    std::optional<std::int64_t> i;
    if (v.type() == Type::number() && v.is_known() && !v.is_null()) i = v.as_number().to_int64();
    if (!i && error != nullptr)
        *error = "value must be a whole number, between -9223372036854775808 and 9223372036854775807";
    return i;
}

double to_double(const Value& v) { return v.as_number().to_double(); }

std::optional<Value> from_double(double d) {
    if (std::isnan(d)) return std::nullopt;
    if (std::isinf(d)) return Value::number(Number::infinity(d < 0));
    const auto n = Number::from_double(d);
    if (!n) return std::nullopt;
    return Value::number(*n);
}

std::string go_quote(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        switch (s[i]) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\a': out += "\\a"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        case '\v': out += "\\v"; continue;
        default: break;
        }
        if (u < 0x20 || u == 0x7f) out += {'\\', 'x', hex[u >> 4], hex[u & 15]};
        else out += s[i];
    }
    return out + "\"";
}

Value string_list(const std::vector<std::string>& items) {
    if (items.empty()) return Value::list_empty(Type::string());
    std::vector<Value> vals;
    vals.reserve(items.size());
    for (const auto& s : items) vals.push_back(Value::string(s));
    return Value::list(std::move(vals));
}

}  // namespace hjob::cty::fn
