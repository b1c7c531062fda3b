// The template's tree, as the parser builds it and the executor walks it (Go's parse.Node,
// flattened: a node kind and the fields each kind uses).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hjob::runtime::tmpl {

struct Pipe;

/// One operand of a command.
struct Arg {
    enum class Kind { field, variable, dot, literal, ident, pipe };
    Kind kind = Kind::literal;
    std::string name;                ///< the variable ("$x", "$") or the function
    std::vector<std::string> chain;  ///< field names applied after the operand (.A.B)
    nlohmann::json literal;          ///< for literals: string, number, bool, null
    std::shared_ptr<Pipe> sub;       ///< for a parenthesised pipeline
    std::size_t offset = 0;
};

struct Command {
    std::vector<Arg> args;
    std::size_t offset = 0;
};

struct Pipe {
    std::vector<std::string> decl;  ///< variables declared ($x :=) or assigned ($x =)
    bool assign = false;            ///< `=` rather than `:=`
    std::vector<Command> cmds;
    std::size_t offset = 0;
};

struct Node {
    enum class Kind { text, action, if_, range, with, break_, continue_ };
    Kind kind = Kind::text;
    std::string text;
    Pipe pipe;
    std::vector<Node> list, else_list;
    std::size_t offset = 0;
};

}  // namespace hjob::runtime::tmpl
