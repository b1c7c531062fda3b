// The template functions: a registry from names to functions (funcs.cpp), filled by one file per
// family: strings and conversions (funcs_strings.cpp), data sources (funcs_data.cpp), printf
// (printf.cpp). `and` and `or` are evaluated lazily by the executor and are not here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "template.hpp"
#include "value.hpp"

namespace hjob::runtime::tmpl {

using Args = std::vector<Value>;

/// What a function may read, and where it records the data it depended on.
struct FuncEnv {
    const Sources& sources;
    Rendered& deps;
};

using Func = Value (*)(FuncEnv&, Args&);
using FuncTable = std::map<std::string, Func>;

/// The function, or nullptr.
Func find_func(const std::string& name);
/// "" when `name` can be called, else the message for its use (unknown, or refused and why).
std::string func_problem(const std::string& name);

void add_string_funcs(FuncTable& t);
void add_data_funcs(FuncTable& t);
/// Go's fmt.Sprintf over template values, for printf.
std::string sprintf_values(const std::string& format, const Args& args, std::size_t first);

}  // namespace hjob::runtime::tmpl
