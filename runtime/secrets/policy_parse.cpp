// Reads policy files: walks the syntax tree as compiler/bind does, evaluates constant
// expressions with compiler/eval, and reports with HCL's wording where it has one.
#include <algorithm>
#include <cctype>

#include "compiler/eval/evaluator.hpp"
#include "grammar/parser.hpp"
#include "policy.hpp"

namespace hjob::secrets {

namespace {

// Vault accepts these; hjob's requests carry no parameters to check, so they are not enforced.
const std::vector<std::string> ignored_arguments{"allowed_parameters", "denied_parameters", "required_parameters",
                                                 "min_wrapping_ttl", "max_wrapping_ttl"};

class Reader {
public:
    Reader(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    void report(Severity sev, std::string code, std::string summary, std::string detail, Range where) {
        diags_.push_back(Diagnostic{sev, "policy/" + std::move(code), std::move(summary), std::move(detail),
                                    SourceRange{&file_, where}, {}, {}, {}});
    }

    void read_body(const syntax::Body& body, Policy& out) {
        for (const auto& a : body.attributes)
            report(Severity::error, "unsupported-argument", "Unsupported argument",
                   "An argument named " + eval::quoted(a.name) + " is not expected here; a policy holds only path blocks.",
                   a.name_range);
        for (const auto& b : body.blocks) read_top_block(b, out);
    }

private:
    void read_top_block(const syntax::Block& b, Policy& out) {
        if (b.type != "path") {
            report(Severity::error, "unsupported-block", "Unsupported block type",
                   "Blocks of type " + eval::quoted(b.type) + " are not expected here." +
                       eval::did_you_mean(b.type, {"path"}),
                   b.type_range);
            return;
        }
        if (b.labels.size() != 1) {
            report(Severity::error, "missing-path", b.labels.empty() ? "Missing name for path" : "Extraneous label for path",
                   "A path block has exactly one label, the path it grants on: path \"secret/data/app\" { ... }.",
                   b.labels.empty() ? b.type_range : b.labels[1].range);
            return;
        }
        const std::string text(b.labels[0].value);
        if (const std::string problem = pattern_problem(text); !problem.empty()) {
            report(Severity::error, "bad-path", "Invalid policy path", problem + ".", b.labels[0].range);
            return;
        }
        const auto caps = read_rule(b);
        if (!caps) return;
        auto same = std::find_if(out.rules.begin(), out.rules.end(), [&](const PathRule& r) { return r.pattern.text() == text; });
        if (same != out.rules.end())
            same->capabilities = merge(same->capabilities, *caps);
        else
            out.rules.push_back(PathRule{Pattern(text), *caps});
    }

    std::optional<Capabilities> read_rule(const syntax::Block& b) {
        for (const auto& inner : b.body->blocks)
            report(Severity::error, "unsupported-block", "Unsupported block type",
                   "Blocks of type " + eval::quoted(inner.type) + " are not expected in a path block.", inner.type_range);
        std::optional<Capabilities> caps;
        bool ok = true;
        for (const auto& a : b.body->attributes) {
            if (a.name == "capabilities") {
                auto c = read_capabilities(a);
                ok = ok && c.has_value();
                caps = merge(caps.value_or(0), c.value_or(0));
            } else if (a.name == "policy") {
                auto c = read_legacy(a);
                ok = ok && c.has_value();
                caps = merge(caps.value_or(0), c.value_or(0));
            } else if (std::find(ignored_arguments.begin(), ignored_arguments.end(), a.name) != ignored_arguments.end()) {
                report(Severity::warning, "not-enforced", "Argument not enforced",
                       eval::quoted(a.name) + " is accepted for Vault compatibility but hjob does not enforce it.",
                       a.name_range);
            } else {
                std::vector<std::string> names{"capabilities", "policy"};
                names.insert(names.end(), ignored_arguments.begin(), ignored_arguments.end());
                report(Severity::error, "unsupported-argument", "Unsupported argument",
                       "An argument named " + eval::quoted(a.name) + " is not expected here." +
                           eval::did_you_mean(a.name, names),
                       a.name_range);
                ok = false;
            }
        }
        if (!caps && ok)
            report(Severity::error, "missing-capabilities", "Missing required argument",
                   "The argument \"capabilities\" is required, for example capabilities = [\"read\", \"list\"].",
                   Range{b.open_brace.begin, b.close_brace.end});
        return ok ? caps : std::nullopt;
    }

    std::optional<Capabilities> read_capabilities(const syntax::Attribute& a) {
        if (a.expr->kind != syntax::ExprKind::TupleCons) {
            report(Severity::error, "bad-capabilities", "Incorrect attribute value type",
                   "capabilities must be a list of strings, for example [\"read\", \"list\"].", a.expr->range);
            return std::nullopt;
        }
        Capabilities caps = 0;
        bool ok = true;
        for (const syntax::Expr* item : static_cast<const syntax::TupleConsExpr*>(a.expr)->items) {
            const auto c = read_capability(*item);
            ok = ok && c.has_value();
            caps = merge(caps, c.value_or(0));
        }
        return ok ? std::optional(caps) : std::nullopt;
    }

    std::optional<Capabilities> read_capability(const syntax::Expr& item) {
        const auto v = eval::constant_value(item, file_);
        if (!v || v->is_null() || v->type().kind() != cty::Kind::string) {
            report(Severity::error, "bad-capabilities", "Incorrect capability type",
                   "Each capability is a string such as \"read\".", item.range);
            return std::nullopt;
        }
        const std::string& name = v->as_string();
        if (const auto c = capability_named(name)) return *c;
        report(Severity::error, "unknown-capability", "Unknown capability",
               "The capability " + eval::quoted(name) + " does not exist; capabilities are create, read, update, patch, "
               "delete, list, sudo and deny." + eval::did_you_mean(name, capability_names()),
               item.range);
        return std::nullopt;
    }

    // Vault's pre-0.5 form, still accepted by Vault: policy = "read" | "write" | "deny" | "sudo".
    std::optional<Capabilities> read_legacy(const syntax::Attribute& a) {
        const auto v = eval::constant_value(*a.expr, file_);
        const std::string name = v && !v->is_null() && v->type().kind() == cty::Kind::string ? v->as_string() : "";
        const Capabilities read = cap_read | cap_list;
        const Capabilities write = read | cap_create | cap_update | cap_delete;
        if (name == "read") return read;
        if (name == "write") return write;
        if (name == "deny") return cap_deny;
        if (name == "sudo") return write | cap_sudo;
        report(Severity::error, "bad-policy", "Invalid legacy policy",
               "policy must be \"read\", \"write\", \"deny\" or \"sudo\"; prefer capabilities = [...]." +
                   eval::did_you_mean(name, {"read", "write", "deny", "sudo"}),
               a.expr->range);
        return std::nullopt;
    }

    const SourceFile& file_;
    Diagnostics& diags_;
};

}  // namespace

Policy parse_policy(std::string name, const SourceFile& file, Diagnostics& diags) {
    Policy out{std::move(name), {}};
    auto tree = syntax::parse_config(file);
    diags.insert(diags.end(), tree.diagnostics.begin(), tree.diagnostics.end());
    Reader(file, diags).read_body(*tree.body, out);
    return out;
}

std::string policy_name_problem(std::string_view name) {
    if (name.empty()) return "a policy name cannot be empty";
    if (name.size() > 128) return "a policy name has at most 128 characters";
    if (name == "root") return "\"root\" is a built-in policy and cannot be written or deleted";
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return "policy names use letters, digits, \"-\", \"_\" and \".\"";
    return "";
}

std::string to_text(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) {
        const SourceFile* f = d.subject.file;
        if (f != nullptr) {
            const Position p = f->position(d.subject.range.begin);
            out += f->name() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ";
        }
        out += d.severity == Severity::error ? "error: " : d.severity == Severity::warning ? "warning: " : "note: ";
        out += d.summary;
        if (!d.detail.empty()) out += ": " + d.detail;
        out += "\n";
    }
    return out;
}

}  // namespace hjob::secrets
