// The validation pass: walks the job, group by group and task by task, calling each rule
// family (reporter.hpp); and the compile-then-validate entry point of check and inspect.
#include "validate.hpp"

#include "compiler/bind/values.hpp"
#include "reporter.hpp"

namespace hjob::validate {

namespace detail {

std::string Reporter::pick(std::initializer_list<std::string> paths) const {
    for (const auto& p : paths)
        if (written(p)) return p;
    return paths.size() == 0 ? std::string() : *(paths.end() - 1);
}

void Reporter::add(Severity s, std::string_view prefix, std::string_view rule, std::string_view path,
                   std::string summary, std::string detail) {
    Diagnostic d;
    d.severity = s;
    d.code = std::string(prefix) + std::string(rule);
    d.summary = std::move(summary);
    d.detail = std::move(detail);
    d.subject = map_.at(path);
    out_.push_back(std::move(d));
}

void Reporter::fix(std::string replacement, std::string title) {
    if (out_.empty()) return;
    Diagnostic& d = out_.back();
    if (d.subject.file == nullptr || !d.subject.file->slice(d.subject.range).starts_with('"')) return;
    d.fixes.push_back(DiagnosticFix{d.subject, std::move(replacement), std::move(title)});
}

std::string dur(ir::Duration ns) { return bind::format_go_duration(ns); }
std::string q(std::string_view s) { return bind::go_quote(s); }

}  // namespace detail

Diagnostics check_job(const ir::Job& job, const ir::SourceMap& map) {
    Diagnostics out;
    detail::Reporter r(map, out);
    detail::check_job_rules(r, job);
    detail::check_placement(r, job);
    for (std::size_t gi = 0; gi < job.groups.size(); ++gi) {
        const ir::Group& g = job.groups[gi];
        const std::string gp = "/groups/" + std::to_string(gi);
        detail::check_group(r, job, g, gp);
        detail::check_policies(r, job, g, gp);
        detail::check_networks(r, g, gp);
        detail::check_services(r, g, gp);
        for (std::size_t ti = 0; ti < g.tasks.size(); ++ti) {
            const std::string tp = gp + "/tasks/" + std::to_string(ti);
            detail::check_task(r, job, g, g.tasks[ti], tp);
            detail::check_resources(r, g, g.tasks[ti], tp);
        }
    }
    detail::check_warnings(r, job);
    return out;
}

bind::CompileResult compile_and_validate(const syntax::SyntaxTree& tree, const bind::CompileOptions& options,
                                         const Diagnostics* earlier) {
    bind::CompileResult result = bind::compile_job(tree, options);
    if (!result.job || has_errors(result.diagnostics) || (earlier != nullptr && has_errors(*earlier))) return result;
    for (auto& d : check_job(*result.job, result.source_map)) result.diagnostics.push_back(std::move(d));
    return result;
}

}  // namespace hjob::validate
