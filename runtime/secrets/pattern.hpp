// Policy path patterns: a trailing `*` (prefix glob), `+` (exactly one segment), and Vault's
// priority rules for choosing among several patterns that match one request path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::secrets {

class Pattern {
public:
    /// `text` must already be checked by pattern_problem (policy parsing does it).
    explicit Pattern(std::string text);

    const std::string& text() const { return text_; }
    bool matches(std::string_view path) const;

    /// Vault's documented rule (policies.mdx, "Priority matching"): `a` loses to `b` when, in
    /// this order, its first `+` or `*` comes earlier; it ends in `*` and `b` does not; it has
    /// more `+` segments; it is shorter; it is lexicographically smaller.
    friend bool lower_priority(const Pattern& a, const Pattern& b);

private:
    std::string text_;
    std::vector<std::string> segments_;  ///< the last one without its `*` when prefix_
    bool prefix_ = false;
    std::size_t plus_count_ = 0;
    std::size_t first_wildcard_ = 0;  ///< text_.size() when there is none
};

/// Why `text` is not a valid policy path, or "" when it is: the path rules of path_problem
/// (a trailing `/` allowed), `*` anywhere but at the end, `+` sharing a segment with other text.
std::string pattern_problem(std::string_view text);

}  // namespace hjob::secrets
