// Template values: JSON values stand for Go's interface{} values (strings, int64, float64,
// bools, nil, slices, maps with sorted keys), printed and compared as text/template does.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace hjob::runtime::tmpl {

using Value = nlohmann::json;

/// An error inside a function or an operation; the executor adds the position.
struct FuncError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// fmt's %v: "[a b]" for lists, "map[k:v]" for maps, "<nil>" for nil (or `nil_text`).
std::string print(const Value& v, const char* nil_text = "<nil>");
/// text/template's truth: false, 0, "", nil, empty lists and maps are false.
bool truth(const Value& v);
/// -1, 0, 1; numbers with numbers, strings with strings, bools and nil only for equality.
/// Throws FuncError for values that cannot be compared.
int compare(const Value& a, const Value& b, bool ordered);
/// Go's name of a value's type, for messages ("string", "int", "[]interface {}").
std::string type_name(const Value& v);

std::string as_string(const Value& v, const char* fn);
std::int64_t as_int(const Value& v, const char* fn);

}  // namespace hjob::runtime::tmpl
