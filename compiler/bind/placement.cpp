// constraint, affinity and spread, with jobspec2's custom decoders: operator-named shortcut
// arguments (`version = ">= 1.2"`, `distinct_hosts = true`) set the operator and the value,
// later shortcuts winning, and a missing operator is "=" (jobspec2/hcl_conversions.go).
#include "decode.hpp"

#include "values.hpp"

namespace hjob::bind::detail {

namespace {

/// Applies the string shortcuts named in `names`, in order: each sets operand and value.
template <class T>
void shortcuts(Body& body, T& rule, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        std::string v;
        if (body.get(name, v) && !v.empty()) {
            rule.operand = name;
            rule.value = v;
        }
    }
}

ir::Constraint constraint(Body& body) {
    ir::Constraint c;
    c.operand.clear();
    body.get("attribute", c.attribute);
    body.get("value", c.value);
    body.get("operator", c.operand, "operand");
    shortcuts(body, c, {"version", "semver", "regexp", "set_contains"});
    bool distinct_hosts = false;
    if (body.get("distinct_hosts", distinct_hosts) && distinct_hosts) c.operand = "distinct_hosts";
    std::string property;
    if (body.get("distinct_property", property) && !property.empty()) {
        c.operand = "distinct_property";
        c.attribute = property;
    }
    for (const char* ignored : {"set_contains_any", "set_contains_all", "is_set", "is_not_set"})
        if (const auto* a = body.find(ignored))
            body.b.report(Severity::warning, "ignored-shortcut", "Argument ignored by Nomad",
                          "Nomad's job parser accepts " + go_quote(ignored) +
                              " in a constraint but ignores it. Write operator = " + go_quote(ignored) +
                              " and the value in \"value\" instead.",
                          a->name_range);
    if (c.operand.empty()) c.operand = "=";
    return c;
}

}  // namespace

std::vector<ir::Constraint> decode_constraints(Body& body) {
    std::vector<ir::Constraint> out;
    for (const auto* blk : body.blocks("constraint")) {
        Body inner = block_body(body.b, *blk, body.path("constraints/" + std::to_string(out.size())));
        out.push_back(constraint(inner));
    }
    return out;
}

std::vector<ir::Affinity> decode_affinities(Body& body) {
    std::vector<ir::Affinity> out;
    for (const auto* blk : body.blocks("affinity")) {
        Body inner = block_body(body.b, *blk, body.path("affinities/" + std::to_string(out.size())));
        ir::Affinity a;
        a.operand.clear();
        inner.get("attribute", a.attribute);
        inner.get("value", a.value);
        inner.get("operator", a.operand, "operand");
        inner.get("weight", a.weight);
        shortcuts(inner, a, {"version", "semver", "regexp", "set_contains_any", "set_contains_all", "set_contains"});
        if (a.operand.empty()) a.operand = "=";
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<ir::Spread> decode_spreads(Body& body) {
    std::vector<ir::Spread> out;
    for (const auto* blk : body.blocks("spread")) {
        Body inner = block_body(body.b, *blk, body.path("spreads/" + std::to_string(out.size())));
        ir::Spread s;
        inner.get("attribute", s.attribute);
        inner.get("weight", s.weight);
        for (const auto* t : inner.blocks("target")) {
            if (t->labels.size() != 1) continue;
            Body target = block_body(body.b, *t, inner.path("targets/" + std::to_string(s.targets.size())));
            ir::SpreadTarget st;
            st.value = label(*t);
            target.get("percent", st.percent);
            s.targets.push_back(std::move(st));
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace hjob::bind::detail
