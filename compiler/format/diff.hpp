// Line diffs for `hjob fmt --diff`: a unified diff between a file and its formatted text,
// computed here (Myers' algorithm) so that no external diff tool is needed.
#pragma once

#include <string>
#include <string_view>

namespace hjob::format {

/// A unified diff ("--- NAME.orig", "+++ NAME", "@@ -l,n +l,n @@" hunks with `context`
/// lines around each change, as gofmt -d prints it and `patch -p0` applies it) turning
/// `before` into `after`; empty when they are equal. Line terminators are part of the compared lines, so
/// a CRLF/LF change shows. A last line without newline is marked "\ No newline at end of
/// file". Very different inputs get a correct but not minimal diff (see diff.cpp).
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         std::size_t context = 3);

}  // namespace hjob::format
