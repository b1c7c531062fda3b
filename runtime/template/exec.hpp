// The template executor: walks the tree (ast.hpp) with a dot value and a variable stack, writes
// the output, and counts steps and bytes against the limits in template.hpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "funcs.hpp"

namespace hjob::runtime::tmpl {

struct ExecError {
    std::string msg;
    std::size_t offset;
};

class Exec {
public:
    Exec(const Sources& sources, const Options& options, Rendered& out)
        : options_(options), out_(out), env_{sources, out} {}
    /// Writes the output of `nodes` to the Rendered's text; throws ExecError.
    void run(const std::vector<Node>& nodes);

private:
    const Options& options_;
    Rendered& out_;
    FuncEnv env_;
    std::vector<std::pair<std::string, Value>> vars_{{"$", Value()}};
    std::size_t steps_ = 0;

    void step(std::size_t offset);
    void write(const std::string& s, std::size_t offset);
    void walk(const std::vector<Node>& nodes, const Value& dot);
    void control(const Node& n, const Value& dot);
    void range(const Node& n, const Value& dot);
    Value pipe(const Pipe& p, const Value& dot);
    Value command(const Command& c, const Value& dot, const Value* piped);
    Value call(const Command& c, const Value& dot, const Value* piped);
    Value arg(const Arg& a, const Value& dot);
    Value field(const Value& v, const std::string& name, std::size_t offset) const;
    Value& var(const std::string& name, std::size_t offset);
};

}  // namespace hjob::runtime::tmpl
