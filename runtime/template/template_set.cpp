// A task's templates (template_set.hpp).
#include "template_set.hpp"

#include <fstream>
#include <sstream>

#include "runtime/artifact/confine.hpp"

namespace hjob::runtime::tmpl {

namespace {

constexpr std::uintmax_t kMaxSourceBytes = 4u << 20;  ///< a template file larger is a mistake

std::string read_source(const std::string& task_dir, const std::string& source, std::string& error) {
    auto c = artifact::confine(task_dir, source, "template source");
    if (!c.error.empty()) {
        error = c.error;
        return "";
    }
    std::error_code ec;
    auto size = std::filesystem::file_size(c.path, ec);
    if (ec) {
        error = "template source " + c.path.string() + ": " + ec.message();
        return "";
    }
    if (size > kMaxSourceBytes) {
        error = "template source " + c.path.string() + " is larger than 4 MiB";
        return "";
    }
    std::ifstream in(c.path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TemplateSet::TemplateSet(std::vector<ir::Template> templates, std::string task_dir, Sources sources)
    : task_dir_(std::move(task_dir)), sources_(std::move(sources)) {
    for (auto& t : templates) entries_.push_back(Entry{std::move(t), std::nullopt, false});
}

std::string TemplateSet::render_one(Entry& e, bool& changed) {
    changed = false;
    const ir::Template& t = e.spec;
    std::string error;
    std::string text = t.data.empty() && !t.source.empty() ? read_source(task_dir_, t.source, error) : t.data;
    std::string where = "template " + (t.destination.empty() ? std::string("(no destination)") : t.destination) + ": ";
    if (!error.empty()) return where + error;
    Rendered r = render(text, sources_, Options{t.left_delimiter, t.right_delimiter, t.error_on_missing_key});
    if (!r.ok) return where + r.error;
    if (t.env) {
        parse_env_file(r.text, error);
        if (!error.empty()) return where + error;
    }
    if (e.last && e.last->text == r.text) {
        e.last = std::move(r);  // the same text, but perhaps other dependencies
        return "";
    }
    if (auto err = write_destination(task_dir_, t.destination, r.text, t.perms); !err.empty()) return where + err;
    changed = e.last.has_value();
    e.last = std::move(r);
    return "";
}

std::string TemplateSet::render_all() {
    for (Entry& e : entries_) {
        bool changed = false;
        std::string err = render_one(e, changed);
        e.failed = !err.empty();
        if (e.failed) return err;
    }
    return "";
}

Refresh TemplateSet::refresh(bool services_changed, bool secrets_changed) {
    Refresh out;
    for (Entry& e : entries_) {
        if (e.spec.once && e.last) continue;
        bool due = e.failed || !e.last || (services_changed && !e.last->services.empty()) ||
                   (secrets_changed && !e.last->secrets.empty());
        if (!due) continue;
        bool changed = false;
        std::string err = render_one(e, changed);
        e.failed = !err.empty();
        if (e.failed && out.error.empty()) out.error = err;
        if (changed)
            out.changed.push_back(Change{e.spec.destination, e.spec.change_mode, e.spec.change_signal, e.spec.change_script, e.spec.env});
    }
    return out;
}

std::map<std::string, std::string> TemplateSet::env() const {
    std::map<std::string, std::string> out;
    for (const Entry& e : entries_) {
        if (!e.spec.env || !e.last) continue;
        std::string error;
        for (auto& [k, v] : parse_env_file(e.last->text, error)) out[k] = v;
    }
    return out;
}

bool TemplateSet::reads_services() const {
    for (const Entry& e : entries_)
        if (!e.last || !e.last->services.empty()) return true;
    return false;
}

bool TemplateSet::reads_secrets() const {
    for (const Entry& e : entries_)
        if (!e.last || !e.last->secrets.empty()) return true;
    return false;
}

}  // namespace hjob::runtime::tmpl
