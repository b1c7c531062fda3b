// Placement rules (structs Constraint.Validate, Affinity.Validate, Spread.Validate) at job,
// group, task and device level, and the system scheduler's ban on affinity and spread.
// Regular expressions, version and semver constraints are not compiled here: Nomad uses Go's
// RE2 and go-version, whose syntax std::regex does not share, so a check would misfire.
#include <map>

#include "reporter.hpp"

namespace hjob::validate::detail {

namespace {

enum class Level { job, group, task, device };

void check_constraint(Reporter& r, const ir::Constraint& c, const std::string& cp, Level level) {
    const std::string& op = c.operand;
    auto at_operand = [&] { return r.pick({cp + "/operand", cp}); };  // only for an error: a lookup is a cache miss
    bool need_attribute = true;
    if (op == "distinct_hosts" || op == "distinct_property") {
        need_attribute = op == "distinct_property";
        if (level == Level::task || level == Level::device)
            r.error("constraint", at_operand(), "Task level constraint cannot use " + op,
                    op + " spreads allocations, so it belongs at job or group level.");
        if (op == "distinct_hosts" && !c.value.empty() && c.value != "true")
            r.error("constraint", r.pick({cp + "/value", cp}), "Distinct hosts constraint doesn't allow RTarget",
                    "Remove value; distinct_hosts takes no value.");
    } else if (op == "set_contains" || op == "set_contains_all" || op == "set_contains_any") {
        if (c.value.empty()) r.error("constraint", cp, "Set contains constraint requires an RTarget", "Add a value: a comma-separated list.");
    } else if (op == "is_set" || op == "is_not_set") {
        if (!c.value.empty())
            r.error("constraint", r.pick({cp + "/value", cp}), "Operator " + q(op) + " does not support an RTarget", "Remove value.");
    } else if (op == "=" || op == "==" || op == "is" || op == "!=" || op == "not" || op == "<" || op == "<=" || op == ">" ||
               op == ">=") {
        if (c.value.empty()) r.error("constraint", cp, "Operator " + q(op) + " requires an RTarget", "Add a value to compare with.");
    } else if (op != "regexp" && op != "version" && op != "semver") {
        r.error("constraint", at_operand(), "Unknown constraint type " + q(op),
                "operator must be one of =, !=, <, <=, >, >=, regexp, version, semver, set_contains, set_contains_all, "
                "set_contains_any, is_set, is_not_set, distinct_hosts or distinct_property.");
    }
    if (need_attribute && c.attribute.empty())
        r.error("constraint", cp, "No LTarget provided but is required by constraint", "Add attribute, e.g. \"${attr.kernel.name}\".");
}

void check_affinity(Reporter& r, const ir::Affinity& a, const std::string& ap) {
    if (a.attribute.empty()) r.error("affinity", ap, "Missing affinity attribute", "Add attribute.");
    if (a.weight == 0) r.error("affinity", r.pick({ap + "/weight", ap}), "Affinity weight cannot be zero", "Use a weight in [-100, 100] other than 0.");
    else if (a.weight < -100 || a.weight > 100)
        r.error("affinity", ap + "/weight", "Affinity weight must be within the range [-100,100]",
                "The weight is " + std::to_string(a.weight) + ".");
}

void check_spread(Reporter& r, const ir::Spread& s, const std::string& sp) {
    if (s.attribute.empty()) r.error("spread", sp, "Missing spread attribute", "Add attribute, e.g. \"${node.datacenter}\".");
    if (s.weight <= 0 || s.weight > 100)
        r.error("spread", r.pick({sp + "/weight", sp}), "Spread block must have a positive weight from 0 to 100",
                "The weight is " + std::to_string(s.weight) + ".");
    std::map<std::string, bool> seen;
    int sum = 0;
    for (std::size_t i = 0; i < s.targets.size(); ++i) {
        const auto& t = s.targets[i];
        const std::string tp = sp + "/targets/" + std::to_string(i);
        if (!seen.emplace(t.value, true).second)
            r.error("spread", tp, "Spread target value " + q(t.value) + " already defined", "Each target value may appear once.");
        if (t.percent < 0 || t.percent > 100)
            r.error("spread", r.pick({tp + "/percent", tp}), "Spread target percentage for value " + q(t.value) + " must be between 0 and 100", "");
        sum += t.percent;
    }
    if (sum > 100)
        r.error("spread", sp, "Sum of spread target percentages must not be greater than 100%; got " + std::to_string(sum) + "%", "");
}

/// Every constraint, affinity and spread under `path`, with the system job ban.
void check_level(Reporter& r, const ir::Job& job, const std::string& path, Level level, const std::vector<ir::Constraint>& cs,
                 const std::vector<ir::Affinity>& as, const std::vector<ir::Spread>* ss) {
    for (std::size_t i = 0; i < cs.size(); ++i) check_constraint(r, cs[i], path + "/constraints/" + std::to_string(i), level);
    for (std::size_t i = 0; i < as.size(); ++i) {
        const std::string ap = path + "/affinities/" + std::to_string(i);
        if (job.type == "system" && level != Level::device)  // device affinities pick among a node's devices
            r.error("system-affinity", ap, "System jobs may not have an affinity block",
                    "The system scheduler places one allocation on every eligible node; affinities have no effect.");
        else check_affinity(r, as[i], ap);
    }
    if (ss == nullptr) return;
    for (std::size_t i = 0; i < ss->size(); ++i) {
        const std::string sp = path + "/spreads/" + std::to_string(i);
        if (job.type == "system")
            r.error("system-spread", sp, "System jobs may not have a spread block",
                    "The system scheduler places one allocation on every eligible node; spread has no effect.");
        else check_spread(r, (*ss)[i], sp);
    }
}

}  // namespace

void check_placement(Reporter& r, const ir::Job& job) {
    check_level(r, job, "", Level::job, job.constraints, job.affinities, &job.spreads);
    for (std::size_t gi = 0; gi < job.groups.size(); ++gi) {
        const ir::Group& g = job.groups[gi];
        const std::string gp = "/groups/" + std::to_string(gi);
        check_level(r, job, gp, Level::group, g.constraints, g.affinities, &g.spreads);
        for (std::size_t ti = 0; ti < g.tasks.size(); ++ti) {
            const ir::Task& t = g.tasks[ti];
            const std::string tp = gp + "/tasks/" + std::to_string(ti);
            check_level(r, job, tp, Level::task, t.constraints, t.affinities, nullptr);
            for (std::size_t di = 0; di < t.resources.devices.size(); ++di) {
                const auto& d = t.resources.devices[di];
                check_level(r, job, tp + "/resources/devices/" + std::to_string(di), Level::device, d.constraints, d.affinities, nullptr);
            }
        }
    }
}

}  // namespace hjob::validate::detail
