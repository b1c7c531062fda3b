// `locals` blocks: names unique across all blocks, values evaluated in dependency order
// (Nomad retries in a loop; a topological order gives the same values and lets a cycle be
// named instead of surfacing as "Unsupported attribute").
#include <algorithm>
#include <map>
#include <set>

#include "compiler/bind/runtime_refs.hpp"
#include "evaluator.hpp"
#include "references.hpp"
#include "variables_impl.hpp"

namespace hjob::eval::vars {

using namespace syntax;

std::vector<Local> collect_locals(const Body& body, const SourceFile& f, Diagnostics& diags) {
    std::vector<Local> out;
    std::map<std::string_view, const Attribute*> seen;
    for (const Block& b : body.blocks) {
        if (b.type != "locals") continue;
        for (const Block& nested : b.body->blocks)
            error(diags, "locals/unexpected-block", "Unexpected " + quoted(nested.type) + " block", "Blocks are not allowed here.",
                  SourceRange{&f, nested.type_range});
        for (const Attribute& a : b.body->attributes) {
            if (const auto it = seen.find(a.name); it != seen.end()) {
                Diagnostic d;
                d.code = "locals/duplicate";
                d.summary = "Duplicate value in locals";
                d.detail = "Duplicate " + std::string(a.name) + " definition found.";
                d.subject = SourceRange{&f, a.name_range};
                d.context = SourceRange{&f, b.type_range};
                d.notes.push_back(DiagnosticNote{SourceRange{&f, it->second->name_range}, "first defined here"});
                diags.push_back(std::move(d));
                continue;
            }
            seen.emplace(a.name, &a);
            out.push_back(Local{std::string(a.name), &a});
        }
    }
    return out;
}

namespace {

/// The names of the locals `expr` refers to as `local.<name>`, with the reference.
std::vector<std::pair<std::string, Range>> local_refs(const Expr& expr) {
    std::vector<std::pair<std::string, Range>> refs;
    for (const ScopeTraversalExpr* t : free_traversals(expr))
        if (t->root == "local" && !t->steps.empty() && t->steps[0].kind == StepKind::attr)
            refs.emplace_back(std::string(t->steps[0].name), Range{t->range.begin, t->steps[0].range.end});
    return refs;
}

class LocalsEvaluator {
public:
    LocalsEvaluator(const std::vector<Local>& locals, const SourceFile& f, RootScope& scope, Diagnostics& diags)
        : locals_(locals), f_(f), scope_(scope), diags_(diags) {
        for (std::size_t i = 0; i < locals.size(); ++i) index_[locals[i].name] = i;
        state_.assign(locals.size(), State::pending);
    }

    void run() {
        for (std::size_t i = 0; i < locals_.size(); ++i) visit(i);
        scope_.context.set_variable("local", object());
    }

private:
    enum class State { pending, active, done };

    cty::Value object() const {
        cty::Attributes attrs(scope_.locals.begin(), scope_.locals.end());
        return cty::Value::object(std::move(attrs));
    }

    // Depth-first: dependencies first; reaching an active local closes a cycle.
    void visit(std::size_t i) {
        if (state_[i] == State::done) return;
        state_[i] = State::active;
        path_.push_back(i);
        for (const auto& [name, where] : local_refs(*locals_[i].attr->expr)) {
            const auto it = index_.find(name);
            if (it == index_.end()) continue;  // undeclared: the evaluation reports it
            if (state_[it->second] == State::active) cycle(it->second, where);
            else visit(it->second);
        }
        path_.pop_back();
        evaluate(i);
        state_[i] = State::done;
    }

    void cycle(std::size_t to, Range where) {
        const auto start = std::find(path_.begin(), path_.end(), to);
        std::string chain;
        for (auto it = start; it != path_.end(); ++it) chain += "local." + locals_[*it].name + " -> ";
        chain += "local." + locals_[to].name;
        for (auto it = start; it != path_.end(); ++it) broken_.insert(*it);
        error(diags_, "locals/cycle", "Circular reference in locals",
              "These locals refer to each other in a loop, so none of them can be evaluated: " + chain + ".", SourceRange{&f_, where});
    }

    void evaluate(std::size_t i) {
        const Local& l = locals_[i];
        if (broken_.count(i)) {
            scope_.locals[l.name] = cty::Value();
            return;
        }
        EvalContext ctx(&scope_.context);  // var and the functions come from the root
        ctx.set_variable("local", object());
        // jobspec2 evaluates locals with the same UnknownVariable hook as the job: a runtime
        // reference (${NOMAD_ALLOC_ID}, ${attr.kernel.name}) stays text, not an error.
        bind::detail::add_runtime_references(*l.attr->expr, f_, ctx, &diags_);
        scope_.locals[l.name] = eval::evaluate(*l.attr->expr, f_, &ctx, diags_);
    }

    const std::vector<Local>& locals_;
    const SourceFile& f_;
    RootScope& scope_;
    Diagnostics& diags_;
    std::map<std::string, std::size_t> index_;
    std::vector<State> state_;
    std::vector<std::size_t> path_;
    std::set<std::size_t> broken_;
};

}  // namespace

void evaluate_locals(const std::vector<Local>& locals, const SourceFile& f, RootScope& scope, Diagnostics& diags) {
    LocalsEvaluator(locals, f, scope, diags).run();
}

}  // namespace hjob::eval::vars
