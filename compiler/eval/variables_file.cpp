// -var-file: an HCL file of `name = value` assignments, or a JSON object (".json"), each
// naming a declared variable. Values are evaluated with no variables or functions.
#include <fstream>
#include <sstream>

#include "evaluator.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"
#include "variables_impl.hpp"

namespace hjob::eval::vars {

using namespace syntax;

namespace {

const SourceFile& add_source(RootScope& scope, std::string name, std::string text) {
    scope.sources.push_back(std::make_unique<SourceFile>(std::move(name), std::move(text)));
    return *scope.sources.back();
}

void undefined(const std::string& name, SourceRange where, const Variables& vars, Diagnostics& diags) {
    std::vector<std::string> names;
    for (const auto& [n, v] : vars) names.push_back(n);
    error(diags, "variables/undeclared", "Undefined variable",
          "A " + quoted(name) + " variable was set but was not found in known variables. To declare variable " + quoted(name) +
              ", place this block in your job files." + did_you_mean(name, names),
          where);
}

void assign(Variable& v, cty::Value value, SourceRange where, Diagnostics& diags) {
    if (v.type) {
        const cty::Converted c = cty::convert(value, *v.type);
        if (!c.ok())
            error(diags, "variables/invalid-value", "Invalid value for variable",
                  "The value for " + v.name + " is not compatible with the variable's type constraint: " + c.error + ".", where);
        value = c.ok() ? c.value : cty::Value();
    }
    v.values.push_back(Assignment{"varfile", value, where});
}

void hcl_file(const SourceFile& f, Variables& vars, RootScope& scope, Diagnostics& diags) {
    SyntaxTree tree = parse_config(f);
    diags.insert(diags.end(), tree.diagnostics.begin(), tree.diagnostics.end());
    bool declarations = false;
    for (const Block& b : tree.body->blocks) {
        if (b.type != "variable") {
            error(diags, "variables/unexpected-block", "Unexpected " + quoted(b.type) + " block", "Blocks are not allowed here.",
                  SourceRange{&f, b.type_range});
            continue;
        }
        const std::string name = b.labels.empty() ? "name" : std::string(b.labels[0].value);
        error(diags, "variables/declaration-in-var-file", "Variable declaration in a .var file",
              "A .var file is used to assign values to variables that have already been declared in job files, not to declare new variables. To declare variable " +
                  quoted(name) + ", place this block in one of your job files\n\nTo set a value for this variable in " + f.name() +
                  ", use the definition syntax instead:\n    " + name + " = <value>",
              SourceRange{&f, b.type_range});
        declarations = true;
    }
    if (!declarations) {
        for (const Attribute& a : tree.body->attributes) {
            const auto it = vars.find(a.name);
            if (it == vars.end()) {
                undefined(std::string(a.name), SourceRange{&f, a.name_range}, vars, diags);
                continue;
            }
            Evaluated r = evaluate(*a.expr, f, nullptr);
            diags.insert(diags.end(), r.diagnostics.begin(), r.diagnostics.end());
            assign(it->second, r.value, SourceRange{&f, a.expr->range}, diags);
        }
    }
    scope.trees.push_back(std::move(tree));
}

// The range of `"name"` as a key in the JSON text: JSON values carry no positions.
Range json_key_range(const std::string& text, const std::string& name) {
    const std::string needle = "\"" + name + "\"";
    const auto at = text.find(needle);
    if (at == std::string::npos) return Range{0, 0};
    return Range{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

void json_file(const SourceFile& f, Variables& vars, Diagnostics& diags) {
    std::string why;
    const auto v = cty::decode_json(f.text(), why);
    const SourceRange whole{&f, Range{0, static_cast<std::uint32_t>(f.text().size())}};
    if (!v || !v->type().is_object()) {
        error(diags, "variables/invalid-var-file", "Invalid JSON variables file",
              v ? "The root of a JSON variables file must be an object whose properties name variables." : "The file is not valid JSON: " + why + ".",
              whole);
        return;
    }
    for (const auto& [name, value] : v->attributes()) {
        const SourceRange where{&f, json_key_range(f.text(), name)};
        const auto it = vars.find(name);
        if (it == vars.end()) undefined(name, where, vars, diags);
        else assign(it->second, value, where, diags);
    }
}

}  // namespace

void read_var_file(const std::string& path, Variables& vars, RootScope& scope, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const SourceFile& f = add_source(scope, path, "");
        error(diags, "variables/missing-var-file", "Failed to read variables file", "Given variables file " + path + " does not exist.",
              SourceRange{&f, Range{0, 0}});
        return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const SourceFile& f = add_source(scope, path, text.str());
    const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    if (json) json_file(f, vars, diags);
    else hcl_file(f, vars, scope, diags);
}

}  // namespace hjob::eval::vars
