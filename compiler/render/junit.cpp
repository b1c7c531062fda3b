// The junit format: JUnit XML as CI systems show test results (GitLab, Jenkins, Azure, the
// test-reporter actions): one testcase per checked file, one <failure> per error in it;
// warnings and notes go to the testcase's <system-out>, since they do not fail the check.
#include "common.hpp"
#include "render.hpp"

namespace hjob::render {

namespace {

bool failed(const detail::FileGroup& g) {
    for (const auto* d : g.diagnostics)
        if (d->severity == Severity::error) return true;
    return false;
}

void write_testcase(std::ostream& out, const detail::FileGroup& g) {
    const std::string name = detail::xml_escape(g.file ? g.file->name() : "hjob");
    out << "    <testcase name=\"" << name << "\" classname=\"hjob.check\" file=\"" << name << '"';
    if (g.diagnostics.empty()) {
        out << "/>\n";
        return;
    }
    out << ">\n";
    std::string other;
    for (const auto* d : g.diagnostics) {
        if (d->severity != Severity::error) {
            other += detail::gnu_text(*d) + '\n';
            continue;
        }
        out << "      <failure message=\"" << detail::xml_escape(detail::one_line(d->summary)) << "\" type=\""
            << detail::xml_escape(d->code) << "\">" << detail::xml_escape(detail::gnu_text(*d)) << "</failure>\n";
    }
    if (!other.empty()) out << "      <system-out>" << detail::xml_escape(other) << "</system-out>\n";
    out << "    </testcase>\n";
}

}  // namespace

void render_junit(const Input& in, std::ostream& out, const Options&) {
    const auto groups = detail::group_by_file(in.diagnostics, in.files);
    std::size_t failures = 0;
    for (const auto& g : groups) failures += failed(g) ? 1 : 0;
    const std::string counts = "tests=\"" + std::to_string(groups.size()) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\"";
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"hjob check\" " << counts << ">\n";
    out << "  <testsuite name=\"hjob check\" " << counts << " skipped=\"0\">\n";
    for (const auto& g : groups) write_testcase(out, g);
    out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace hjob::render
