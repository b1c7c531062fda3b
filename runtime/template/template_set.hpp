// A task's templates as one set: renders each into its destination (confined to the task
// directory, written atomically with its perms, only when the text changed), collects the
// variables of `env = true` templates, remembers what each read (services, secrets), and on
// refresh() re-renders those whose data may have changed and says which outputs changed, with
// their change_mode, so that the agent restarts, signals or runs a script.
// Not implemented, on purpose: `splay` (one machine, nothing to spread), `wait` (renders at
// once), `uid`/`gid` (the agent does not run as root).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "template.hpp"

namespace hjob::runtime::tmpl {

struct Change {
    std::string destination;
    std::string change_mode;    ///< restart, signal, noop, script
    std::string change_signal;  ///< for signal
    std::optional<ir::ChangeScript> change_script;
    bool env = false;           ///< an env template: only a restart brings the new values in
};

struct Refresh {
    std::vector<Change> changed;  ///< templates whose output changed, in stanza order
    std::string error;            ///< the first render or write that failed ("" if none)
};

class TemplateSet {
public:
    /// `templates` already interpolated (source, destination); `task_dir` holds local/, secrets/.
    TemplateSet(std::vector<ir::Template> templates, std::string task_dir, Sources sources);

    /// Renders and writes every template. "" on success, else "template DEST: line:col: why".
    std::string render_all();
    /// Re-renders the templates that read services (if `services_changed`) or secrets (if
    /// `secrets_changed`), and any whose last render failed; `once` templates never again.
    Refresh refresh(bool services_changed, bool secrets_changed);

    /// The variables of the `env = true` templates, from their last render.
    std::map<std::string, std::string> env() const;
    bool reads_services() const;
    bool reads_secrets() const;

private:
    struct Entry {
        ir::Template spec;
        std::optional<Rendered> last;  ///< the last successful render
        bool failed = false;
    };
    std::vector<Entry> entries_;
    std::string task_dir_;
    Sources sources_;

    /// Renders one entry; sets `changed` when its text differs from the last. "" or the error.
    std::string render_one(Entry& e, bool& changed);
};

/// The variables of an env file (KEY=value lines, `#` comments, optional `export`, quoted
/// values); throws nothing, an error names the bad line.
std::map<std::string, std::string> parse_env_file(const std::string& text, std::string& error);

/// Writes `text` to `task_dir`/`destination` with `perms` (octal), confined to the task directory
/// and atomically (a temporary file renamed over the old one, so a symlink there is replaced,
/// never followed). "" on success.
std::string write_destination(const std::string& task_dir, const std::string& destination, const std::string& text,
                              const std::string& perms);

}  // namespace hjob::runtime::tmpl
