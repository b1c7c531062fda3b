// The formatter: inputs beside the exact text hclwrite.Format prints for them (each case
// also formatted twice), the unified diff of `hjob fmt --diff`, and a differential run
// against `hclref fmt` over every corpus file HashiCorp's parser accepts.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/format/diff.hpp"
#include "compiler/format/format.hpp"

namespace fs = std::filesystem;
using hjob::format::format_text;

namespace {

struct Case {
    const char* name;
    const char* input;
    const char* expected;
};

// Expected outputs were produced by hclwrite.Format (HCL 2.14.1) and checked by hand.
const Case cases[] = {
    {"alignment of consecutive attributes", "a = 1\nlong_name = 2\n\nb=3\n",
     "a         = 1\nlong_name = 2\n\nb = 3\n"},
    {"a comment line breaks the alignment", "a = 1\n# c\nlong = 2\n", "a = 1\n# c\nlong = 2\n"},
    {"trailing comments align after the values", "a = 1 # one\nbbb = \"x\"   // two\n",
     "a   = 1   # one\nbbb = \"x\" // two\n"},
    {"nesting indents two spaces per level", "job \"x\" {\ngroup \"g\" {\n    count = 1\n      }\n}\n",
     "job \"x\" {\n  group \"g\" {\n    count = 1\n  }\n}\n"},
    {"multi-line values are not aligned", "a = [\n1,\n2,\n]\nbb = 1\n", "a = [\n  1,\n  2,\n]\nbb = 1\n"},
    {"one-line blocks and empty objects", "b {a=1}\nc {  }\nd = {}\n", "b { a = 1 }\nc {}\nd = {}\n"},
    {"operators, calls, indexes", "x = f( a,b... )+ -1*y[ 0 ].z\n", "x = f(a, b...) + -1 * y[0].z\n"},
    {"for expressions keep `in [`", "x = [for v in [1,2]: v if v>1]\n", "x = [for v in [1, 2] : v if v > 1]\n"},
    {"conditional and negation", "x = !a ? -1 : (b - 2)\n", "x = !a ? -1 : (b - 2)\n"},
    {"interpolations are respaced, text is not", "a = \"  ${ x }  %{ if y }z%{ endif }\"\n",
     "a = \"  ${x}  %{if y}z%{endif}\"\n"},
    {"heredoc bodies are untouched", "a = <<EOF\n   keep   ${ x }\n\tme\nEOF\n    b = 2\n",
     "a = <<EOF\n   keep   ${x}\n\tme\nEOF\nb = 2\n"},
    {"indented heredoc marker kept", "t {\n  d = <<-EOT\n    x\n    EOT\n}\n", "t {\n  d = <<-EOT\n    x\n    EOT\n}\n"},
    {"comments are kept verbatim", "/* head */\njob {\n    # inner\n  //x\n}\n",
     "/* head */\njob {\n  # inner\n  //x\n}\n"},
    {"CRLF line endings are kept", "a=1\r\nbb = 2\r\n", "a  = 1\r\nbb = 2\r\n"},
    {"tabs between tokens become spaces", "a\t=\t1\n\tb = 2\n", "a = 1\nb = 2\n"},
    {"blank lines lose their spaces", "a = 1\n   \n\nb = 2\n", "a = 1\n\n\nb = 2\n"},
    {"trailing blanks at end of file survive", "a = 1\n  ", "a = 1\n  "},
    {"a BOM is dropped", "\xEF\xBB\xBF" "a=1\n", "a = 1\n"},
    {"alignment counts characters", "\"\xC3\xA9t\xC3\xA9\" = 1\nab = 2\n", "\"\xC3\xA9t\xC3\xA9\" = 1\nab    = 2\n"},
    {"object items align", "o = {\na = 1\nlong = \"x\"\n}\n", "o = {\n  a    = 1\n  long = \"x\"\n}\n"},
    {"no final newline is added", "a = 1", "a = 1"},
    {"empty input", "", ""},
};

}  // namespace

TEST_CASE("format_text prints what hclwrite.Format prints", "[format]") {
    for (const auto& c : cases) {
        INFO(c.name);
        const std::string once = format_text(c.input);
        CHECK(once == c.expected);
        CHECK(format_text(once) == once);
    }
}

TEST_CASE("format_text survives input that does not parse", "[format]") {
    std::string deep(100000, '{');
    CHECK(format_text(deep).size() >= deep.size());
    CHECK(format_text("a = \"${\n}}}} = = \xFF").size() > 0);
    CHECK(format_text("x = <<EOF\nunterminated ${ {").size() > 0);
}

TEST_CASE("unified_diff shows the changed lines with context", "[format][diff]") {
    using hjob::format::unified_diff;
    CHECK(unified_diff("a\nb\n", "a\nb\n", "f.hcl").empty());
    CHECK(unified_diff("a\nb\nc\n", "a\nB\nc\n", "f.hcl") ==
          "--- f.hcl.orig\n+++ f.hcl\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    CHECK(unified_diff("x\n", "", "f") == "--- f.orig\n+++ f\n@@ -1 +0,0 @@\n-x\n");
    CHECK(unified_diff("x", "x\n", "f") == "--- f.orig\n+++ f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
    // two changes far apart make two hunks
    std::string before, after;
    for (int i = 0; i < 20; ++i) {
        before += std::to_string(i) + "\n";
        after += (i == 2 || i == 17 ? "X" : std::to_string(i)) + "\n";
    }
    const std::string d = unified_diff(before, after, "f");
    CHECK(d.find("@@ -1,6 +1,6 @@\n 0\n 1\n-2\n+X\n 3\n 4\n 5\n") != std::string::npos);
    CHECK(d.find("@@ -15,6 +15,6 @@\n 14\n 15\n 16\n-17\n+X\n 18\n 19\n") != std::string::npos);
}

TEST_CASE("unified_diff stays correct on inputs too different for the search", "[format][diff]") {
    std::string before, after;
    for (int i = 0; i < 3000; ++i) {
        before += "a" + std::to_string(i) + "\n";
        after += "b" + std::to_string(i) + "\n";
    }
    const std::string d = hjob::format::unified_diff(before, after, "f");
    CHECK(d.rfind("--- f.orig\n+++ f\n@@ -1,3000 +1,3000 @@\n-a0\n", 0) == 0);
    CHECK(d.size() == 17 + 22 + before.size() + after.size() + 6000);  // headers, hunk line, -/+ marks
}

// ---- differential test against hclref ----

namespace {

std::string find_hclref() {
    if (const char* env = std::getenv("HCLREF"); env && *env) return env;
    for (const char* p : {HJOB_BINARY_DIR "/peers/hclref", "/tmp/hclref/hclref"})
        if (::access(p, X_OK) == 0) return p;
    return {};
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `cmd`; its standard output, or nullopt-like `ok == false` when it exits non-zero.
std::string run(const std::string& cmd, bool& ok) {
    std::string out;
    ok = false;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[65536];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
        ok = ::pclose(p) == 0;
    }
    return out;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> corpus_files(const fs::path& corpus) {
    std::vector<fs::path> files;
    for (const char* dir : {"jobs", "templated", "hcl-spec/hashicorp__hcl/specsuite"}) {
        if (!fs::is_directory(corpus / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(corpus / dir)) {
            const bool spec = std::string(dir).starts_with("hcl-spec");
            if (e.is_regular_file() && (!spec || e.path().extension() == ".hcl")) files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("format_source equals hclref fmt on every accepted corpus file", "[format][differential]") {
    const std::string hclref = find_hclref();
    const fs::path corpus = fs::path(HJOB_SHARED_DIR) / "corpus";
    if (hclref.empty() || !fs::is_directory(corpus)) {
        WARN("skipped: hclref (HCLREF, " HJOB_BINARY_DIR "/peers/hclref, /tmp/hclref/hclref) or the corpus is absent");
        return;
    }
    int passed = 0, failed = 0, rejected = 0;
    double seconds = 0;
    for (const auto& path : corpus_files(corpus)) {
        bool accepted = false;
        const std::string expected = run(shell_quote(hclref) + " fmt " + shell_quote(path.string()) + " 2>/dev/null", accepted);
        if (!accepted) {
            ++rejected;  // hclref fmt refuses files with syntax errors, and so does hjob fmt
            continue;
        }
        const hjob::SourceFile file(path.string(), read_file(path));
        const auto t0 = std::chrono::steady_clock::now();
        const std::string once = hjob::format::format_source(file);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const bool ok = once == expected && format_text(once) == once;
        ok ? ++passed : ++failed;
        if (!ok) {
            INFO("file: " << path.string());
            CHECK(once == expected);
            CHECK(format_text(once) == once);
        }
    }
    std::cout << "fmt vs hclref: " << passed << " passed, " << failed << " failed (" << rejected
              << " files hclref rejects skipped); " << (passed + failed ? seconds * 1e6 / (passed + failed) : 0)
              << " us/file\n";
    CHECK(passed > 0);
}
