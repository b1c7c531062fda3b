// Internals of validation: where rules report, and the rule families (one file each).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir.hpp"
#include "grammar/diagnostic.hpp"

namespace hjob::validate::detail {

/// Turns a rule's finding into a diagnostic at the source range of an IR path.
class Reporter {
public:
    Reporter(const ir::SourceMap& map, Diagnostics& out) : map_(map), out_(out) {}

    /// Whether the binder recorded `path` itself (the attribute or block was written there).
    bool written(std::string_view path) const { return map_.contains(path); }
    /// The first of `paths` that was written, else the last one (reported at its nearest
    /// recorded ancestor).
    std::string pick(std::initializer_list<std::string> paths) const;
    /// Where `path` (or its nearest recorded ancestor) is in the source.
    SourceRange at(std::string_view path) const { return map_.at(path); }

    void error(std::string_view rule, std::string_view path, std::string summary, std::string detail) {
        add(Severity::error, "validate/", rule, path, std::move(summary), std::move(detail));
    }
    void warning(std::string_view rule, std::string_view path, std::string summary, std::string detail) {
        add(Severity::warning, "warn/", rule, path, std::move(summary), std::move(detail));
    }
    /// Attaches to the last diagnostic a fix replacing its subject by `replacement`, when the
    /// subject is a string literal (an expression such as var.port is left to the author).
    void fix(std::string replacement, std::string title);

private:
    void add(Severity s, std::string_view prefix, std::string_view rule, std::string_view path, std::string summary,
             std::string detail);

    const ir::SourceMap& map_;
    Diagnostics& out_;
};

/// Go's time.Duration.String() for messages ("1m30s").
std::string dur(ir::Duration ns);
/// `s` in double quotes, as Go's %q prints a plain string.
std::string q(std::string_view s);

// The rule families; `path` is the IR path of the checked object.
void check_job_rules(Reporter& r, const ir::Job& job);
void check_group(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& path);
void check_networks(Reporter& r, const ir::Group& g, const std::string& path);
void check_services(Reporter& r, const ir::Group& g, const std::string& path);
void check_task(Reporter& r, const ir::Job& job, const ir::Group& g, const ir::Task& t, const std::string& path);
void check_resources(Reporter& r, const ir::Group& g, const ir::Task& t, const std::string& path);
void check_policies(Reporter& r, const ir::Job& job, const ir::Group& g, const std::string& path);
void check_placement(Reporter& r, const ir::Job& job);
void check_warnings(Reporter& r, const ir::Job& job);

/// Whether a network of `g` (group or task level) has a port labelled `label`.
bool has_port_label(const ir::Group& g, const std::string& label);
/// Every port label of `g`'s networks (group and task level), for did-you-mean.
std::vector<std::string> port_labels(const ir::Group& g);

}  // namespace hjob::validate::detail
