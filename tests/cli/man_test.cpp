// The man pages: every man/*.1 and man/*.5 renders without a single groff warning, has the
// sections a reader expects, and names every subcommand and option that `--help` shows.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path man_dir = fs::path(HJOB_SOURCE_DIR) / "man";

/// `text` in single quotes for the shell. Appends rather than `"'" + text` (GCC 12 gives a false
/// -Wrestrict on that at -O2).
std::string quote(const std::string& text) {
    std::string out(1, '\'');
    out += text;
    out += '\'';
    return out;
}

/// Runs `cmd` through the shell and returns what it printed on standard output.
std::string capture(const std::string& cmd) {
    std::string out;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
        pclose(pipe);
    }
    return out;
}

bool have(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> man_pages() {
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(man_dir))
        if (e.path().extension() == ".1" || e.path().extension() == ".5") pages.push_back(e.path());
    return pages;
}

/// The warnings (stderr) of rendering `page`; empty when clean.
std::string render_warnings(const fs::path& page) {
    if (have("groff")) return capture("groff -man -Tutf8 -ww -z " + quote(page.string()) + " 2>&1");
    return capture("MANWIDTH=80 man --warnings -l " + quote(page.string()) + " 2>&1 >/dev/null");
}

/// The `--long` options a help text lists.
std::set<std::string> long_options(const std::string& help) {
    std::set<std::string> opts;
    static const std::regex re("(^|[\\s,\\[])(--[a-z][a-z0-9-]*)");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), re); it != std::sregex_iterator(); ++it)
        opts.insert((*it)[2]);
    return opts;
}

/// The names under CLI11's "Subcommands:" heading of a help text.
std::vector<std::string> subcommands(const std::string& help) {
    std::vector<std::string> names;
    std::istringstream in(help);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) inside = true;
        else if (inside && line.rfind("  ", 0) == 0) {
            // a description continued on further lines is indented deeper than the names
            if (line.size() > 2 && line[2] != ' ') names.push_back(line.substr(2, line.find(' ', 2) - 2));
        }
        else if (inside) inside = false;
    }
    return names;
}

/// How roff writes `--json`: every '-' escaped as "\-".
std::string roff(const std::string& text) { return std::regex_replace(text, std::regex("-"), "\\-"); }

const std::string hjob = std::string(HJOB_BINARY_DIR) + "/hjob";

}  // namespace

TEST_CASE("man pages render without warnings") {
    if (!have("groff") && !have("man")) {
        WARN("neither groff nor man is installed: man page rendering not checked");
        return;
    }
    const auto pages = man_pages();
    REQUIRE(pages.size() >= 2);
    for (const auto& page : pages) {
        INFO(page.filename().string());
        CHECK(render_warnings(page) == "");  // the expansion shows the warnings
    }
}

TEST_CASE("man pages have the standard sections") {
    for (const auto& page : man_pages()) {
        INFO(page.filename().string());
        const std::string text = read(page);
        // Section 5 pages describe a file format: no options, no exit status.
        const bool command = page.extension() == ".1";
        for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES", "SEE ALSO"}) {
            const std::string s = section;
            if (!command && (s == "OPTIONS" || s == "EXIT STATUS")) continue;
            CHECK(text.find("\n.SH " + s + "\n") != std::string::npos);
        }
    }
}

TEST_CASE("every subcommand has a man page that lists its options") {
    const std::string help = capture(quote(hjob) + " --help 2>&1");
    const auto names = subcommands(help);
    INFO(help);
    REQUIRE(!names.empty());
    const std::string overview = read(man_dir / "hjob.1");
    for (const auto& opt : long_options(help)) CHECK(overview.find(roff(opt)) != std::string::npos);
    for (const auto& name : names) {
        INFO("subcommand " << name);
        const fs::path page = man_dir / ("hjob-" + name + ".1");
        REQUIRE(fs::exists(page));
        CHECK(overview.find(roff("hjob-" + name)) != std::string::npos);
        const std::string text = read(page);
        for (const auto& opt : long_options(capture(quote(hjob) + " " + name + " --help 2>&1"))) {
            INFO("option " << opt);
            CHECK(text.find(roff(opt)) != std::string::npos);
        }
    }
}
