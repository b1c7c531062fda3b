// Merging policies and deciding one request.
#include "acl.hpp"

#include <algorithm>

#include "path.hpp"

namespace hjob::secrets {

std::string_view default_policy_text() {
    return R"(# Built in: every token holds it unless created without the default policy.
path "auth/token/lookup-self" {
  capabilities = ["read"]
}
path "auth/token/renew-self" {
  capabilities = ["update"]
}
path "auth/token/revoke-self" {
  capabilities = ["update"]
}
path "sys/capabilities-self" {
  capabilities = ["update"]
}
)";
}

const Policy& default_policy() {
    static const Policy p = [] {
        const SourceFile file("<built-in default policy>", std::string(default_policy_text()));
        Diagnostics diags;
        return parse_policy("default", file, diags);
    }();
    return p;
}

Acl::Acl(const std::vector<Policy>& policies, bool root_policy) : root_(root_policy) {
    for (const auto& p : policies)
        for (const auto& r : p.rules) {
            auto same = std::find_if(rules_.begin(), rules_.end(), [&](const Match& m) { return m.pattern == r.pattern.text(); });
            if (same == rules_.end()) {
                rules_.push_back(Match{r.capabilities, r.pattern.text(), {p.name}});
                patterns_.push_back(r.pattern);
                continue;
            }
            same->capabilities = merge(same->capabilities, r.capabilities);
            if (std::find(same->policies.begin(), same->policies.end(), p.name) == same->policies.end())
                same->policies.push_back(p.name);
        }
}

Acl::Match Acl::match(std::string_view path) const { return match_any({path}); }

Acl::Match Acl::match_any(std::initializer_list<std::string_view> paths) const {
    const Pattern* best = nullptr;
    const Match* found = nullptr;
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
        const bool hit = std::any_of(paths.begin(), paths.end(), [&](std::string_view p) { return patterns_[i].matches(p); });
        if (hit && (best == nullptr || lower_priority(*best, patterns_[i]))) {
            best = &patterns_[i];
            found = &rules_[i];
        }
    }
    return found != nullptr ? *found : Match{};
}

Decision Acl::check(Operation op, std::string_view path) const {
    const std::string what = std::string(operation_name(op)) + " on \"" + printable(path) + "\"";
    if (root_) return Decision{true, what + " allowed by the root policy"};
    // Vault checks a list on the folder path with a trailing "/", and since 1.15 (PR #23874)
    // also without it, so "secret/metadata/app" and "secret/metadata/app/*" both grant it.
    std::string_view bare = path;
    if (bare.ends_with('/')) bare.remove_suffix(1);
    const std::string folder = std::string(bare) + "/";
    const Match m = op == Operation::list ? match_any({bare, folder}) : match(path);
    if (m.pattern.empty()) return Decision{false, "permission denied: " + what + ": no policy of the token grants on this path"};
    std::string by = "path \"" + m.pattern + "\" of policy ";
    for (std::size_t i = 0; i < m.policies.size(); ++i) by += (i > 0 ? ", " : "") + ("\"" + m.policies[i] + "\"");
    if ((m.capabilities & cap_deny) != 0) return Decision{false, "permission denied: " + what + ": denied by " + by};
    if ((m.capabilities & required_capability(op)) == 0)
        return Decision{false, "permission denied: " + what + " needs \"" + std::string(operation_name(op)) + "\"; " +
                                   by + " grants only " + describe(m.capabilities)};
    return Decision{true, what + " allowed by " + by};
}

}  // namespace hjob::secrets
