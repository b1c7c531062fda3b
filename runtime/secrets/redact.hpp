// Masking: every value read from the store (and every variable declared sensitive) is
// registered here, and text bound for a plan, a log or --json output passes through apply().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kv.hpp"

namespace hjob::secrets {

class Redactor {
public:
    /// What replaces a value.
    static constexpr std::string_view mask = "(sensitive value)";
    /// Values shorter than this are not masked: replacing every "1" or "on" in a log would
    /// destroy the log and tell an attacker the value anyway. 4 bytes, as CI systems do.
    static constexpr std::size_t min_length = 4;

    void add(std::string_view value);
    void add(const SecretData& data);
    /// `text` with every registered value replaced by `mask`, longest values first (so a value
    /// that contains another is masked whole).
    std::string apply(std::string_view text) const;

private:
    std::vector<std::string> values_;  ///< sorted longest first, unique
};

}  // namespace hjob::secrets
