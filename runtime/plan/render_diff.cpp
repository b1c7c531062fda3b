// The diff as `nomad job plan` prints it (command/job_plan.go: formatJobDiff and friends):
// markers, names aligned per block, `"old" => "new"`, objects in braces. One departure:
// an edited multi-line value (a template body) is shown as a line diff, not one escaped line
// (hashicorp/nomad#23603).
#include <algorithm>
#include <sstream>
#include <vector>

#include "runtime/plan/plan.hpp"
#include "runtime/plan/render_common.hpp"

namespace hjob::runtime::render {

std::string Paint::operator()(std::string_view tag) const {
    if (!on) return {};
    if (tag == "reset") return "\x1b[0m";
    if (tag == "bold") return "\x1b[1m";
    if (tag == "green") return "\x1b[32m";
    if (tag == "red") return "\x1b[31m";
    if (tag == "yellow") return "\x1b[33m";
    if (tag == "light_yellow") return "\x1b[93m";
    if (tag == "blue") return "\x1b[34m";
    if (tag == "cyan") return "\x1b[36m";
    return {};
}

std::string go_quote(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
            else out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

int marker_width(DiffType t) {
    return t == DiffType::Added || t == DiffType::Deleted ? 2 : t == DiffType::Edited ? 4 : 0;
}

std::string marker(DiffType t, const Paint& p) {
    switch (t) {
    case DiffType::Added: return p("green") + "+" + p("reset") + " ";
    case DiffType::Deleted: return p("red") + "-" + p("reset") + " ";
    case DiffType::Edited: return p("light_yellow") + "+/-" + p("reset") + " ";
    case DiffType::None: return {};
    }
    return {};
}

}  // namespace hjob::runtime::render

namespace hjob::runtime {

using namespace render;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

/// A line diff by longest common subsequence (bounded: beyond 2,000 lines a side, every old
/// line is shown removed and every new one added).
std::string line_diff(const std::string& a, const std::string& b, int indent, const Paint& p) {
    const auto x = lines_of(a), y = lines_of(b);
    const std::size_t n = x.size(), m = y.size();
    std::vector<std::string> out;
    if (n <= 2000 && m <= 2000) {
        std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x[i] == y[j]) out.push_back("  " + x[i]), ++i, ++j;
            else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push_back(p("red") + "-" + p("reset") + " " + x[i++]);
            else out.push_back(p("green") + "+" + p("reset") + " " + y[j++]);
        }
    } else {
        for (const auto& l : x) out.push_back(p("red") + "-" + p("reset") + " " + l);
        for (const auto& l : y) out.push_back(p("green") + "+" + p("reset") + " " + l);
    }
    std::string s;
    for (const auto& l : out) s += "\n" + spaces(indent) + l;
    return s;
}

struct Renderer {
    Paint p;
    bool verbose = false;

    template <class F, class O>
    static std::pair<int, int> longest(const F& fields, const O& objects) {
        int lf = 0, lm = 0;
        for (const auto& f : fields) lf = std::max(lf, static_cast<int>(f.name.size())), lm = std::max(lm, marker_width(f.type));
        for (const auto& o : objects) lm = std::max(lm, marker_width(o.type));
        return {lf, lm};
    }

    std::string field(const FieldDiff& f, int start, int kpad, int vpad) const {
        std::string out = spaces(start) + marker(f.type, p) + spaces(kpad) + f.name + ": " + spaces(vpad);
        const bool multiline = f.old_value.find('\n') != std::string::npos || f.new_value.find('\n') != std::string::npos;
        switch (f.type) {
        case DiffType::Added: out += go_quote(f.new_value); break;
        case DiffType::Deleted: out += go_quote(f.old_value); break;
        case DiffType::Edited:
            if (multiline) out += "(line diff)" + line_diff(f.old_value, f.new_value, start + kpad + marker_width(f.type) + 2, p);
            else out += go_quote(f.old_value) + " => " + go_quote(f.new_value);
            break;
        case DiffType::None: out += go_quote(f.new_value); break;
        }
        if (!f.annotations.empty()) {
            std::string a;
            for (const auto& x : f.annotations) a += (a.empty() ? "" : ", ") + x;
            out += " (" + a + ")";
        }
        return out;
    }

    std::string aligned(const std::vector<FieldDiff>& fields, const std::vector<ObjectDiff>& objects, int start, int lf, int lm) const {
        std::string out;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out += field(fields[i], start, lm - marker_width(fields[i].type), lf - static_cast<int>(fields[i].name.size()));
            if (i + 1 != fields.size() || !objects.empty()) out += "\n";
        }
        for (std::size_t i = 0; i < objects.size(); ++i) {
            out += object(objects[i], start, lm - marker_width(objects[i].type));
            if (i + 1 != objects.size()) out += "\n";
        }
        return out;
    }

    std::string object(const ObjectDiff& o, int start, int kpad) const {
        std::string out = spaces(start) + marker(o.type, p) + spaces(kpad) + o.name + " {\n";
        const auto [lf, lm] = longest(o.fields, o.objects);
        out += aligned(o.fields, o.objects, start + kpad + 2, lf, lm);
        return out + "\n" + spaces(start + marker_width(o.type) + kpad) + "}";
    }

    std::string annotation_colour(const std::string& a) const {
        if (a == "forces create") return p("green");
        if (a == "forces destroy") return p("red");
        if (a == "forces in-place update") return p("cyan");
        if (a == "forces create/destroy update") return p("yellow");
        return {};
    }

    std::string task(const TaskDiff& t, int start, int tpad) const {
        std::string out = spaces(start) + marker(t.type, p) + spaces(tpad) + p("bold") + "Task: " + go_quote(t.name);
        if (!t.annotations.empty()) {
            std::string a;
            for (const auto& x : t.annotations) a += (a.empty() ? "" : ", ") + annotation_colour(x) + x + p("reset");
            if (!t.forced_by.empty()) a += ": " + t.forced_by;
            out += " " + p("reset") + "(" + a + ")";
        }
        if (t.type == DiffType::None || ((t.type == DiffType::Added || t.type == DiffType::Deleted) && !verbose)) return out;
        out += "\n";
        const auto [lf, lm] = longest(t.fields, t.objects);
        return out + aligned(t.fields, t.objects, start + 2, lf, lm);
    }

    std::string group(const GroupDiff& g, int gpad) const {
        std::string out = marker(g.type, p) + spaces(gpad) + p("bold") + "Task Group: " + go_quote(g.name) + p("reset");
        if (!g.updates.empty()) {
            std::string u;
            for (const auto& [kind, n] : g.updates) {
                const char* colour = kind == "create" ? "green" : kind == "destroy" ? "red" : kind == "migrate" ? "blue"
                                     : kind == "in-place update" ? "cyan" : kind == "create/destroy update" ? "yellow"
                                     : kind == "canary" ? "light_yellow" : "";
                u += (u.empty() ? "" : ", ") + p("reset") + p(colour) + std::to_string(n) + " " + kind;
            }
            out += " (" + u + p("reset") + ")\n";
        } else {
            out += p("reset") + "\n";
        }
        auto [lf, lm] = longest(g.fields, g.objects);
        for (const auto& t : g.tasks) lm = std::max(lm, marker_width(t.type));
        if (g.type == DiffType::Edited || verbose) {
            const std::string fo = aligned(g.fields, g.objects, gpad + 2, lf, lm);
            out += fo;
            if (!fo.empty()) out += "\n";
        }
        for (const auto& t : g.tasks) out += task(t, gpad + 2, lm - marker_width(t.type)) + "\n";
        return out;
    }

    std::string job(const JobDiff& j) const {
        std::string out = marker(j.type, p) + p("bold") + "Job: " + go_quote(j.id) + "\n";
        auto [lf, lm] = longest(j.fields, j.objects);
        for (const auto& g : j.groups) lm = std::max(lm, marker_width(g.type));
        if (j.type == DiffType::Edited || verbose) {
            const std::string fo = aligned(j.fields, j.objects, 0, lf, lm);
            out += fo;
            if (!fo.empty()) out += "\n";
        }
        for (const auto& g : j.groups) out += group(g, lm - marker_width(g.type)) + "\n";
        return out;
    }
};

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && (s[i] == '\n' || s[i] == ' ')) ++i;
    return s.substr(i);
}

}  // namespace

std::string render_diff_text(const JobDiff& diff, const RenderOptions& options) {
    Renderer r{Paint{options.color}, options.verbose};
    return trim(r.job(diff)) + "\n";
}

}  // namespace hjob::runtime
