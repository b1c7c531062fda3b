// Template values (value.hpp).
#include "value.hpp"

#include <charconv>

namespace hjob::runtime::tmpl {

namespace {

std::string print_float(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}

}  // namespace

std::string print(const Value& v, const char* nil_text) {
    switch (v.type()) {
    case Value::value_t::null: return nil_text;
    case Value::value_t::string: return v.get_ref<const std::string&>();
    case Value::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case Value::value_t::number_integer: return std::to_string(v.get<std::int64_t>());
    case Value::value_t::number_unsigned: return std::to_string(v.get<std::uint64_t>());
    case Value::value_t::number_float: return print_float(v.get<double>());
    case Value::value_t::array: {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i) out += (i ? " " : "") + print(v[i]);
        return out + "]";
    }
    case Value::value_t::object: {
        std::string out = "map[";
        bool first = true;
        for (const auto& [k, e] : v.items()) {
            out += (first ? "" : " ") + k + ":" + print(e);
            first = false;
        }
        return out + "]";
    }
    default: return "<?>";
    }
}

bool truth(const Value& v) {
    switch (v.type()) {
    case Value::value_t::null: return false;
    case Value::value_t::boolean: return v.get<bool>();
    case Value::value_t::number_integer:
    case Value::value_t::number_unsigned: return v.get<std::int64_t>() != 0;
    case Value::value_t::number_float: return v.get<double>() != 0;
    case Value::value_t::string: return !v.get_ref<const std::string&>().empty();  // json's empty() is false for strings
    case Value::value_t::array:
    case Value::value_t::object: return !v.empty();
    default: return false;
    }
}

std::string type_name(const Value& v) {
    switch (v.type()) {
    case Value::value_t::null: return "nil";
    case Value::value_t::string: return "string";
    case Value::value_t::boolean: return "bool";
    case Value::value_t::number_float: return "float64";
    case Value::value_t::array: return "[]interface {}";
    case Value::value_t::object: return "map[string]interface {}";
    default: return "int";
    }
}

int compare(const Value& a, const Value& b, bool ordered) {
    if (a.is_number() && b.is_number()) {
        if (a.is_number_float() || b.is_number_float()) {
            double x = a.get<double>(), y = b.get<double>();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        std::int64_t x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.is_string() && b.is_string()) {
        int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (!ordered && ((a.is_boolean() && b.is_boolean()) || (a.is_null() && b.is_null()))) return a == b ? 0 : 1;
    if (!ordered && (a.is_null() || b.is_null()) && !a.is_structured() && !b.is_structured()) return 1;
    if (a.is_structured() || b.is_structured()) throw FuncError("non-comparable type " + type_name(a.is_structured() ? a : b));
    throw FuncError("incompatible types for comparison: " + type_name(a) + " and " + type_name(b));
}

std::string as_string(const Value& v, const char* fn) {
    if (!v.is_string()) throw FuncError(std::string(fn) + ": expected a string, got " + type_name(v));
    return v.get<std::string>();
}

std::int64_t as_int(const Value& v, const char* fn) {
    if (v.is_number_integer() || v.is_number_unsigned()) return v.get<std::int64_t>();
    if (v.is_number_float() && v.get<double>() == double(std::int64_t(v.get<double>()))) return std::int64_t(v.get<double>());
    throw FuncError(std::string(fn) + ": expected an integer, got " + type_name(v));
}

}  // namespace hjob::runtime::tmpl
