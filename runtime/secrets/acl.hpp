// A token's policies merged into one access list, as Vault's ACL merges them: identical
// patterns take the union of their capabilities (deny wins); among different patterns that
// match a path only the highest-priority one counts (pattern.hpp). `root` allows everything.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "capability.hpp"
#include "policy.hpp"

namespace hjob::secrets {

/// Vault's built-in `default` policy: lookup-self, renew-self, revoke-self, capabilities-self.
const Policy& default_policy();
/// Its text, as `hjob policy read default` shows it.
std::string_view default_policy_text();

/// Why an operation was allowed or refused; `reason` names the operation, the path, the
/// pattern and policies that decided, never a secret value or a token.
struct Decision {
    bool allowed = false;
    std::string reason;
};

class Acl {
public:
    /// `root_policy`: the token holds `root`, which allows every operation on every path.
    Acl(const std::vector<Policy>& policies, bool root_policy);

    struct Match {
        Capabilities capabilities = 0;
        std::string pattern;                ///< "" when no pattern matched (default deny)
        std::vector<std::string> policies;  ///< the policies that granted on `pattern`
    };
    /// The capabilities on `path`: those of the highest-priority matching pattern.
    Match match(std::string_view path) const;
    /// The highest-priority pattern matching any of `paths`.
    Match match_any(std::initializer_list<std::string_view> paths) const;

    /// Whether `op` is allowed on `path`. A list is checked on the path with a trailing `/`,
    /// as Vault's router does, and without it, so "secret/metadata/app/*" and
    /// "secret/metadata/app" both grant listing "secret/metadata/app".
    Decision check(Operation op, std::string_view path) const;

private:
    bool root_ = false;
    std::vector<Match> rules_;
    std::vector<Pattern> patterns_;  ///< parallel to rules_
};

}  // namespace hjob::secrets
