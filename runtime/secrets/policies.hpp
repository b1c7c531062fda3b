// Policy management over a PolicyStore (hjob policy write | read | list | delete), with the
// built-in `default` (replaceable, as in Vault) and `root` (fixed).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "policy.hpp"
#include "store.hpp"

namespace hjob::secrets {

class Policies {
public:
    explicit Policies(PolicyStore& store) : store_(store) {}

    /// Parses `file` and stores its text as `name` when it has no errors. Returns every
    /// diagnostic (warnings too); nothing is stored when one is an error. A bad name is
    /// reported as a diagnostic without a position.
    Diagnostics write(std::string_view name, const SourceFile& file);
    /// The text of `name`: the stored one, or the built-in text of `default` and `root`.
    std::optional<std::string> read(std::string_view name) const;
    /// Every policy name, the built-in ones included, sorted.
    std::vector<std::string> list() const;
    /// Refuses `root` and `default` and unknown names (with did-you-mean).
    Status remove(std::string_view name);
    /// The parsed policy `name`; nullopt when it does not exist (Vault ignores such names).
    std::optional<Policy> load(std::string_view name) const;
    /// "" when every name exists, else the message for the first that does not.
    std::string missing(const std::vector<std::string>& names) const;

private:
    PolicyStore& store_;
};

}  // namespace hjob::secrets
