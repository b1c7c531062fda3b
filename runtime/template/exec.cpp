// The template executor (exec.hpp), after Go's text/template exec.go.
#include "exec.hpp"

namespace hjob::runtime::tmpl {

namespace {
// {{break}} and {{continue}} unwind to the innermost range loop.
struct LoopControl {
    bool is_break;
};
}  // namespace

void Exec::run(const std::vector<Node>& nodes) { walk(nodes, Value()); }

void Exec::step(std::size_t offset) {
    if (++steps_ > kMaxSteps) throw ExecError{"the template takes more than " + std::to_string(kMaxSteps) + " steps", offset};
}

void Exec::write(const std::string& s, std::size_t offset) {
    if (out_.text.size() + s.size() > kMaxOutput)
        throw ExecError{"the output is larger than " + std::to_string(kMaxOutput >> 20) + " MiB", offset};
    out_.text += s;
}

void Exec::walk(const std::vector<Node>& nodes, const Value& dot) {
    for (const Node& n : nodes) {
        step(n.offset);
        switch (n.kind) {
        case Node::Kind::text: write(n.text, n.offset); break;
        case Node::Kind::action: {
            Value v = pipe(n.pipe, dot);
            if (n.pipe.decl.empty()) write(print(v, "<no value>"), n.offset);
            break;
        }
        case Node::Kind::range: range(n, dot); break;
        case Node::Kind::break_: throw LoopControl{true};
        case Node::Kind::continue_: throw LoopControl{false};
        default: control(n, dot); break;
        }
    }
}

// if and with: variables declared in the pipeline or the body end with the block.
void Exec::control(const Node& n, const Value& dot) {
    std::size_t mark = vars_.size();
    Value v = pipe(n.pipe, dot);
    if (truth(v))
        walk(n.list, n.kind == Node::Kind::with ? v : dot);
    else
        walk(n.else_list, dot);
    vars_.resize(mark);
}

void Exec::range(const Node& n, const Value& dot) {
    std::size_t mark = vars_.size();
    Pipe head = n.pipe;
    std::vector<std::string> decl = std::move(head.decl);
    Value v = pipe(head, dot);
    if (!v.is_null() && !v.is_array() && !v.is_object()) throw ExecError{"range can't iterate over " + print(v), n.offset};
    if (v.empty()) {
        walk(n.else_list, dot);
        return;
    }
    std::size_t index = 0;
    for (auto it = v.begin(); it != v.end(); ++it, ++index) {
        step(n.offset);
        vars_.resize(mark);
        Value key = v.is_object() ? Value(it.key()) : Value(std::int64_t(index));
        if (decl.size() == 1) vars_.emplace_back(decl[0], *it);
        if (decl.size() == 2) {
            vars_.emplace_back(decl[0], key);
            vars_.emplace_back(decl[1], *it);
        }
        try {
            walk(n.list, *it);
        } catch (const LoopControl& c) {
            if (c.is_break) break;
        }
    }
    vars_.resize(mark);
}

Value Exec::pipe(const Pipe& p, const Value& dot) {
    Value v;
    for (std::size_t i = 0; i < p.cmds.size(); ++i) v = command(p.cmds[i], dot, i == 0 ? nullptr : &v);
    for (const std::string& name : p.decl) {
        if (p.assign)
            var(name, p.offset) = v;
        else
            vars_.emplace_back(name, v);
    }
    return v;
}

Value Exec::command(const Command& c, const Value& dot, const Value* piped) {
    step(c.offset);
    const Arg& first = c.args[0];
    if (first.kind == Arg::Kind::ident) return call(c, dot, piped);
    if (c.args.size() > 1 || piped) throw ExecError{"can't give argument to non-function " + print(arg(first, dot)), c.offset};
    return arg(first, dot);
}

Value Exec::call(const Command& c, const Value& dot, const Value* piped) {
    const std::string& name = c.args[0].name;
    std::size_t n = c.args.size() - 1 + (piped ? 1 : 0);
    if (name == "and" || name == "or") {  // lazy, as Go 1.18: the first deciding operand
        if (n == 0) throw ExecError{"wrong number of args for " + name + ": want at least 1 got 0", c.offset};
        Value v;
        for (std::size_t i = 1; i <= n; ++i) {
            v = i < c.args.size() ? arg(c.args[i], dot) : *piped;
            if (truth(v) == (name == "or")) return v;
        }
        return v;
    }
    Args args;
    for (std::size_t i = 1; i < c.args.size(); ++i) args.push_back(arg(c.args[i], dot));
    if (piped) args.push_back(*piped);
    try {
        return find_func(name)(env_, args);
    } catch (const FuncError& e) {
        throw ExecError{"error calling " + name + ": " + e.what(), c.args[0].offset};
    }
}

Value Exec::arg(const Arg& a, const Value& dot) {
    Value v;
    switch (a.kind) {
    case Arg::Kind::literal: v = a.literal; break;
    case Arg::Kind::dot: v = dot; break;
    case Arg::Kind::variable: v = var(a.name, a.offset); break;
    case Arg::Kind::field: v = dot; break;
    case Arg::Kind::pipe: v = pipe(*a.sub, dot); break;
    case Arg::Kind::ident: {
        Command c{{a}, a.offset};
        v = call(c, dot, nullptr);
        break;
    }
    }
    for (const std::string& name : a.chain) v = field(v, name, a.offset);
    return v;
}

Value Exec::field(const Value& v, const std::string& name, std::size_t offset) const {
    if (v.is_object()) {
        auto it = v.find(name);
        if (it != v.end()) return *it;
        if (options_.error_on_missing_key) throw ExecError{"map has no entry for key \"" + name + "\"", offset};
        return Value();
    }
    if (v.is_null()) throw ExecError{"nil data; no entry for key \"" + name + "\"", offset};
    throw ExecError{"can't evaluate field " + name + " in type " + type_name(v), offset};
}

Value& Exec::var(const std::string& name, std::size_t offset) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
        if (it->first == name) return it->second;
    throw ExecError{"undefined variable \"" + name + "\"", offset};
}

}  // namespace hjob::runtime::tmpl
