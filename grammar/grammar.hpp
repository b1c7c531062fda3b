// Internal: the complete grammar, for the parser's translation unit and for tests that run
// PEGTL's analyze<>() on it. Everything else uses parser.hpp.
#pragma once

#include "body.hpp"

namespace hjob::syntax {

/// The top rule of HCL's native syntax for a configuration file.
using grammar = rules::config;

}  // namespace hjob::syntax
