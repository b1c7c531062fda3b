// The template parser: tokens (lex.hpp) to the tree (ast.hpp). Function names are checked here,
// as Go does, so a misspelt or refused function is reported even in a branch never taken.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "lex.hpp"

namespace hjob::runtime::tmpl {

struct Parsed {
    std::vector<Node> nodes;
    std::string error;
    std::size_t error_offset = 0;
};

/// `known(name)` returns "" for a function that exists, else the message for its use.
Parsed parse(const std::vector<Token>& tokens, const std::function<std::string(const std::string&)>& known);

}  // namespace hjob::runtime::tmpl
