// Vault's HCL policy language, read with hjob's own front end (grammar/parser.hpp):
//   path "secret/data/app/*" { capabilities = ["read", "list"] }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "capability.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"
#include "pattern.hpp"

namespace hjob::secrets {

struct PathRule {
    Pattern pattern;
    Capabilities capabilities = 0;
};

struct Policy {
    std::string name;
    std::vector<PathRule> rules;  ///< one per distinct pattern; repeated patterns are merged
};

/// Parses `file` as policy `name`. Every problem is a diagnostic with a position (syntax
/// errors from the parser; unknown capabilities with did-you-mean; bad paths; unsupported
/// arguments and blocks); rules with errors are left out. Never throws for bad input.
Policy parse_policy(std::string name, const SourceFile& file, Diagnostics& diags);

/// Why `name` cannot name a policy ("root" is built in and fixed; names are letters, digits,
/// `-`, `_` and `.`, at most 128), or "" when it can.
std::string policy_name_problem(std::string_view name);

/// `file:line:col: error: summary: detail`, one line per diagnostic (for Result messages and
/// tests; the CLI renders through compiler/render like every other diagnostic).
std::string to_text(const Diagnostics& diags);

}  // namespace hjob::secrets
