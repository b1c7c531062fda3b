// `dynamic` blocks, as HCL's ext/dynblock expands them (jobspec2 runs dynblock.Expand on the
// job body): `dynamic "port" { for_each = ..., iterator = p, labels = [...], content {...} }`
// becomes one `port` block per element, whose expressions see `p.key` and `p.value`.
#pragma once

#include "binder.hpp"

namespace hjob::bind::detail {

/// Hard limit on the blocks all dynamic blocks of a file may generate, so that a for_each
/// over range(1e9) ends in a diagnostic, not in exhausted memory.
inline constexpr std::size_t max_dynamic_blocks = 10000;

/// The body to bind in place of `body`: `body` itself when nothing below it is dynamic, else
/// a copy owned by `b` with every dynamic block replaced by the blocks it generates. Open
/// maps (config, policy) are not expanded, as in Nomad.
const syntax::Body& expand_dynamic(Binder& b, const syntax::Body& body);

}  // namespace hjob::bind::detail
