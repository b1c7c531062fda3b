// Version constraints for the `version` (hashicorp/go-version) and `semver` operators:
// "> 1.2, < 2.0", "~> 1.4", "= 3.0.0-beta". Pre-releases only satisfy a constraint that names
// a pre-release of the same version, as go-version does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::runtime::sched {

struct Version {
    std::vector<long long> segments;  ///< at least three, missing ones are 0
    int given = 0;                    ///< how many segments were written
    std::string prerelease;
};

/// Parses "v1.2.3-beta.1+meta"; nullopt when it is not a version. `strict` (semver) requires
/// exactly three segments.
std::optional<Version> parse_version(std::string_view text, bool strict);
/// <0, 0, >0 as go-version compares (pre-release parts dot by dot, numbers numerically).
int compare(const Version& a, const Version& b);

class VersionConstraint {
public:
    /// nullopt on a malformed constraint.
    static std::optional<VersionConstraint> parse(std::string_view text, bool strict);
    bool check(const Version& v) const;
    bool strict() const { return strict_; }

private:
    struct Term {
        std::string op;
        Version v;
    };
    std::vector<Term> terms_;
    bool strict_ = false;
};

}  // namespace hjob::runtime::sched
