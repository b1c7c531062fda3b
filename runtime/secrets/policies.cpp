// Policies: validation on write, built-ins on read.
#include "policies.hpp"

#include <algorithm>

#include "acl.hpp"
#include "compiler/eval/evaluator.hpp"

namespace hjob::secrets {

namespace {

constexpr std::string_view root_text = "# Built in: allows every operation on every path. It cannot be changed.\n";

Diagnostic plain_error(std::string code, std::string summary, std::string detail) {
    return Diagnostic{Severity::error, "policy/" + std::move(code), std::move(summary), std::move(detail), {}, {}, {}, {}};
}

}  // namespace

Diagnostics Policies::write(std::string_view name, const SourceFile& file) {
    Diagnostics diags;
    if (const auto problem = policy_name_problem(name); !problem.empty()) {
        diags.push_back(plain_error("bad-name", "Invalid policy name", problem + "."));
        return diags;
    }
    parse_policy(std::string(name), file, diags);
    if (has_errors(diags)) return diags;
    if (auto s = store_.put_policy(name, file.text()); !s)
        diags.push_back(plain_error("store", "Cannot store the policy", s.error));
    return diags;
}

std::optional<std::string> Policies::read(std::string_view name) const {
    if (auto t = store_.policy_text(name)) return t;
    if (name == "default") return std::string(default_policy_text());
    if (name == "root") return std::string(root_text);
    return std::nullopt;
}

std::vector<std::string> Policies::list() const {
    auto names = store_.policy_names();
    for (const char* b : {"default", "root"})
        if (std::find(names.begin(), names.end(), b) == names.end()) names.emplace_back(b);
    std::sort(names.begin(), names.end());
    return names;
}

Status Policies::remove(std::string_view name) {
    if (name == "root" || name == "default")
        return Status::fail("\"" + std::string(name) + "\" is a built-in policy and cannot be deleted");
    if (store_.delete_policy(name)) return success();
    return Status::fail("no policy named " + eval::quoted(name) + "." + eval::did_you_mean(name, list()));
}

std::optional<Policy> Policies::load(std::string_view name) const {
    const auto text = store_.policy_text(name);
    if (!text) return name == "default" ? std::optional(default_policy()) : std::nullopt;
    const SourceFile file("policy " + std::string(name), *text);
    Diagnostics diags;  // checked when written; a policy stored by an older hjob keeps its valid rules
    return parse_policy(std::string(name), file, diags);
}

std::string Policies::missing(const std::vector<std::string>& names) const {
    const auto known = list();
    for (const auto& n : names)
        if (std::find(known.begin(), known.end(), n) == known.end())
            return "no policy named " + eval::quoted(n) + "; write it first with `hjob policy write " + n + " FILE`." +
                   eval::did_you_mean(n, known);
    return "";
}

}  // namespace hjob::secrets
