// sensitive_stored.hpp: compile the stored source twice over the recorded variables (once to
// learn which are sensitive, once with markers for them) and match the marked IR against the
// stored IR leaf by leaf.
#include "sensitive_stored.hpp"

#include <regex>

#include <nlohmann/json.hpp>

#include "compiler/bind/bind.hpp"
#include "compiler/eval/calls.hpp"
#include "compiler/eval/variables.hpp"
#include "compiler/validate/validate.hpp"
#include "grammar/parser.hpp"
#include "sensitive.hpp"
#include "stdlib/functions.hpp"

namespace hjob::cli {

namespace {

using nlohmann::json;

// Letters and digits only, so that it passes through string templates unchanged.
std::string marker(std::size_t i) { return "hjobSensitiveMarker" + std::to_string(i) + "q"; }

std::string regex_escape(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\/])");
    return std::regex_replace(s, special, R"(\$&)");
}

// A pattern for a marked string: its literal parts, and a capture where each marker stood.
std::optional<std::regex> pattern_of(const std::string& marked, const std::regex& any_marker) {
    std::string pattern;
    std::size_t last = 0, found = 0;
    for (std::sregex_iterator it(marked.begin(), marked.end(), any_marker), end; it != end; ++it, ++found) {
        pattern += regex_escape(marked.substr(last, static_cast<std::size_t>(it->position()) - last)) + R"(([\s\S]*?))";
        last = static_cast<std::size_t>(it->position() + it->length());
    }
    if (found == 0) return std::nullopt;
    return std::regex(pattern + regex_escape(marked.substr(last)));
}

void collect(const json& marked, const json& stored, const std::regex& any_marker, std::vector<std::string>& out) {
    if (marked.is_string() && stored.is_string()) {
        const auto p = pattern_of(marked.get<std::string>(), any_marker);
        const auto text = stored.get<std::string>();
        std::smatch m;
        if (p && std::regex_match(text, m, *p))
            for (std::size_t i = 1; i < m.size(); ++i)
                if (m[i].length() > 0) out.push_back(m[i].str());
    } else if (marked.is_object() && stored.is_object()) {
        for (const auto& [key, value] : marked.items())
            if (auto it = stored.find(key); it != stored.end()) collect(value, *it, any_marker, out);
    } else if (marked.is_array() && stored.is_array()) {
        for (std::size_t i = 0; i < marked.size() && i < stored.size(); ++i) collect(marked[i], stored[i], any_marker, out);
    }
}

eval::RootScope scope_with(const syntax::SyntaxTree& tree, const std::vector<std::string>& vars) {
    Diagnostics diags;  // a variable left unset is unknown; the marked compile shows what remains
    cty::FunctionOptions fo;  // no base directory: file() of a stored job fails, nothing is masked
    return eval::build_root_scope(tree, eval::VariableInputs{vars, {}, {}}, eval::functions_for(tree, fo), diags);
}

}  // namespace

std::vector<std::string> sensitive_values_of_version(const runtime::JobVersion& version) {
    if (version.source.find("sensitive") == std::string::npos) return {};  // the common case, no compile
    const SourceFile file("<stored job>", version.source);
    auto tree = syntax::parse_config(file);
    std::vector<std::string> vars;
    for (const auto& [name, value] : version.variables)
        if (value != sensitive_mask) vars.push_back(name + "=" + value);
    std::size_t markers = 0;
    for (const auto& v : scope_with(tree, vars).variables)
        if (v.sensitive && (!v.type || *v.type == cty::Type::string())) vars.push_back(v.name + "=" + marker(markers++));
    if (markers == 0) return {};
    const auto scope = scope_with(tree, vars);
    const auto marked = validate::compile_and_validate(tree, bind::CompileOptions{&scope.context}).job;
    if (!marked) return {};
    std::vector<std::string> out;
    collect(ir::to_json(*marked), ir::to_json(version.job), std::regex("hjobSensitiveMarker[0-9]+q"), out);
    return out;
}

std::vector<std::string> with_stored_values(std::vector<std::string> values,
                                            const std::optional<runtime::JobVersion>& current) {
    if (current)
        for (auto& v : sensitive_values_of_version(*current)) values.push_back(std::move(v));
    return values;
}

}  // namespace hjob::cli
