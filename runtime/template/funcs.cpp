// The function registry and Go's builtins (funcs.hpp): comparisons, not, len, index, print,
// println, printf. Argument counts are checked here; types in each function.
#include "funcs.hpp"

namespace hjob::runtime::tmpl {

namespace {

void arity(const Args& a, std::size_t n, const char* fn) {
    if (a.size() != n)
        throw FuncError(std::string("wrong number of args for ") + fn + ": want " + std::to_string(n) + " got " +
                        std::to_string(a.size()));
}

void at_least(const Args& a, std::size_t n, const char* fn) {
    if (a.size() < n) throw FuncError(std::string("wrong number of args for ") + fn + ": want at least " + std::to_string(n));
}

Value eq(FuncEnv&, Args& a) {
    at_least(a, 2, "eq");
    for (std::size_t i = 1; i < a.size(); ++i)
        if (compare(a[0], a[i], false) == 0) return true;
    return false;
}
Value ne(FuncEnv&, Args& a) { arity(a, 2, "ne"); return compare(a[0], a[1], false) != 0; }
Value lt(FuncEnv&, Args& a) { arity(a, 2, "lt"); return compare(a[0], a[1], true) < 0; }
Value le(FuncEnv&, Args& a) { arity(a, 2, "le"); return compare(a[0], a[1], true) <= 0; }
Value gt(FuncEnv&, Args& a) { arity(a, 2, "gt"); return compare(a[0], a[1], true) > 0; }
Value ge(FuncEnv&, Args& a) { arity(a, 2, "ge"); return compare(a[0], a[1], true) >= 0; }
Value not_(FuncEnv&, Args& a) { arity(a, 1, "not"); return !truth(a[0]); }

Value len(FuncEnv&, Args& a) {
    arity(a, 1, "len");
    if (a[0].is_string()) return std::int64_t(a[0].get_ref<const std::string&>().size());
    if (a[0].is_array() || a[0].is_object()) return std::int64_t(a[0].size());
    throw FuncError("len of type " + type_name(a[0]));
}

Value index(FuncEnv&, Args& a) {
    at_least(a, 1, "index");
    Value v = a[0];
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (v.is_array()) {
            std::int64_t n = as_int(a[i], "index");
            if (n < 0 || std::size_t(n) >= v.size()) throw FuncError("index out of range: " + std::to_string(n));
            v = Value(v[std::size_t(n)]);
        } else if (v.is_object()) {
            auto it = v.find(as_string(a[i], "index"));
            v = it == v.end() ? Value() : Value(*it);
        } else if (v.is_null()) {
            throw FuncError("index of untyped nil");
        } else {
            throw FuncError("can't index item of type " + type_name(v));
        }
    }
    return v;
}

// fmt.Sprint: a space between operands when neither is a string.
Value print_(FuncEnv&, Args& a) {
    std::string out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i > 0 && !a[i].is_string() && !a[i - 1].is_string()) out += ' ';
        out += print(a[i]);
    }
    return out;
}

Value println(FuncEnv&, Args& a) {
    std::string out;
    for (std::size_t i = 0; i < a.size(); ++i) out += (i ? " " : "") + print(a[i]);
    return out + "\n";
}

Value printf_(FuncEnv&, Args& a) {
    at_least(a, 1, "printf");
    return sprintf_values(as_string(a[0], "printf"), a, 1);
}

const FuncTable& table() {
    static const FuncTable t = [] {
        FuncTable t{{"eq", eq},   {"ne", ne},       {"lt", lt},         {"le", le},          {"gt", gt},
                    {"ge", ge},   {"not", not_},    {"len", len},       {"index", index},    {"print", print_},
                    {"println", println}, {"printf", printf_}};
        add_string_funcs(t);
        add_data_funcs(t);
        return t;
    }();
    return t;
}

}  // namespace

Func find_func(const std::string& name) {
    auto it = table().find(name);
    return it == table().end() ? nullptr : it->second;
}

std::string func_problem(const std::string& name) {
    if (name == "and" || name == "or" || find_func(name)) return "";
    for (const char* kv : {"key", "keyOrDefault", "keyExists", "ls", "safeLs", "tree", "safeTree"})
        if (name == kv)
            return "function \"" + name + "\" reads Consul's KV store, which hjob does not have: put the value in the "
                   "job (env, meta) or in a secret (`secret \"secret/data/...\"`)";
    for (const char* consul : {"node", "nodes", "datacenters", "connect", "caLeaf", "caRoots", "pkiCert", "nomadVar",
                               "nomadVarList", "nomadVarExists", "executeTemplate"})
        if (name == consul) return "function \"" + name + "\" is not available in hjob templates";
    if (name.rfind("sprig_", 0) == 0) return "function \"" + name + "\": sprig functions are not available in hjob templates";
    return "function \"" + name + "\" not defined";
}

}  // namespace hjob::runtime::tmpl
