// The plan as text: the diff, then Nomad's "Scheduler dry-run" section (formatDryRun and
// formatAllocMetrics), then job warnings. Beyond Nomad: ignored allocations that wait (for
// max_parallel, canary promotion or migration) are said to wait, and why (hashicorp/nomad#20582).
#include "runtime/plan/plan.hpp"
#include "runtime/plan/render_common.hpp"

namespace hjob::runtime {

using namespace render;

namespace {

std::string metric_lines(const AllocMetric& m, const std::string& prefix) {
    std::string out;
    if (m.nodes_evaluated == 0) out += prefix + "* No nodes were eligible for evaluation\n";
    for (const auto& [dc, n] : m.nodes_available)
        if (n == 0) out += prefix + "* No nodes are available in datacenter " + go_quote(dc) + "\n";
    for (const auto& [c, n] : m.class_filtered)
        out += prefix + "* Class " + go_quote(c) + ": " + std::to_string(n) + " nodes excluded by filter\n";
    for (const auto& [c, n] : m.constraint_filtered)
        out += prefix + "* Constraint " + go_quote(c) + ": " + std::to_string(n) + " nodes excluded by filter\n";
    if (m.nodes_exhausted > 0) out += prefix + "* Resources exhausted on " + std::to_string(m.nodes_exhausted) + " nodes\n";
    for (const auto& [c, n] : m.class_exhausted)
        out += prefix + "* Class " + go_quote(c) + " exhausted on " + std::to_string(n) + " nodes\n";
    for (const auto& [d, n] : m.dimension_exhausted)
        out += prefix + "* Dimension " + go_quote(d) + " exhausted on " + std::to_string(n) + " nodes\n";
    if (!out.empty()) out.pop_back();
    return out;
}

std::string dry_run(const Plan& plan, const Paint& p) {
    std::string out;
    if (!plan.errors.empty()) {
        for (const auto& e : plan.errors) out += p("bold") + p("red") + "- ERROR: " + e + p("reset") + "\n";
    } else if (plan.failures.empty()) {
        out = p("bold") + p("green") + "- All tasks successfully allocated." + p("reset") + "\n";
    } else {
        out = p("bold") + p("yellow") +
              (plan.job_type == "system" || plan.job_type == "sysbatch" ? "- WARNING: Failed to place allocations on all nodes."
                                                                          : "- WARNING: Failed to place all allocations.") +
              p("reset") + "\n";
        for (const auto& f : plan.failures) {
            out += "  " + p("yellow") + "Task Group " + go_quote(f.group) + " (failed to place " + std::to_string(f.failed) +
                   (f.failed > 1 ? " allocations" : " allocation") + "):\n" + p("reset");
            out += p("yellow") + metric_lines(f.metric, "    ") + p("reset") + "\n\n";
        }
        out.pop_back();
    }
    for (const auto& g : plan.groups) {
        const int waiting = g.ignore - g.up_to_date;
        if (waiting > 0 && !g.ignore_reason.empty())
            out += p("green") + "- Task Group " + go_quote(g.name) + ": " + std::to_string(waiting) +
                   (waiting > 1 ? " allocations" : " allocation") + " ignored for now, " + g.ignore_reason + "." +
                   p("reset") + "\n";
    }
    for (const auto& n : plan.notes) out += p("green") + "- " + n + p("reset") + "\n";
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace

std::string render_plan_text(const Plan& plan, const RenderOptions& options) {
    const Paint p{options.color};
    std::string out;
    if (options.diff) out += render_diff_text(plan.diff, options) + "\n";
    out += p("bold") + "Scheduler dry-run:" + p("reset") + "\n";
    out += dry_run(plan, p) + "\n\n";
    if (!plan.warnings.empty()) {
        out += p("bold") + p("yellow") + "Job Warnings:\n";
        for (const auto& w : plan.warnings) out += w + "\n";
        out += p("reset") + "\n";
    }
    return out;
}

}  // namespace hjob::runtime
