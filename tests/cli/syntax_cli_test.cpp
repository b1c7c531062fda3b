// End-to-end runs of `hjob syntax`: exit statuses 0/1/2, standard input, the gcc-style
// diagnostic line, and the JSON output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "run_process.hpp"

using hjob::test::run_process;

namespace {

const std::string hjob_bin = HJOB_BINARY_DIR "/hjob";

/// A scratch file that disappears with the test.
struct TempFile {
    std::string path;
    explicit TempFile(const std::string& text) {
        static int counter = 0;
        path = (std::filesystem::temp_directory_path() /
                ("hjob-syntax-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".hcl"))
                   .string();
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() { std::filesystem::remove(path); }
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("hjob syntax: a clean file exits 0 and prints nothing") {
    TempFile f("job \"web\" {\n  count = 2\n}\n");
    const auto r = run_process({hjob_bin, "syntax", f.path});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("hjob syntax: a syntax error exits 1 with a gcc-style line") {
    TempFile f("job \"x\" {\n  a = 1 b = 2\n}\n");
    const auto r = run_process({hjob_bin, "syntax", f.path});
    CHECK(r.status == 1);
    CHECK(first_line(r.err) == f.path + ":2:9: error: Missing newline after argument");
    CHECK(r.err.find("\n  An argument definition must end with a newline.") != std::string::npos);
}

TEST_CASE("hjob syntax: every file is checked; the worst status wins") {
    TempFile good("a = 1\n");
    TempFile bad("a = {\n");
    const auto r = run_process({hjob_bin, "syntax", good.path, bad.path, good.path});
    CHECK(r.status == 1);
    CHECK(first_line(r.err).rfind(bad.path + ":2:1: error: ", 0) == 0);
    const auto missing = run_process({hjob_bin, "syntax", bad.path, "/nonexistent/job.hcl"});
    CHECK(missing.status == 2);
}

TEST_CASE("hjob syntax: a missing file is a usage error (2) with a clear message") {
    const auto r = run_process({hjob_bin, "syntax", "/nonexistent/job.hcl"});
    CHECK(r.status == 2);
    CHECK(r.err.find("cannot read /nonexistent/job.hcl") != std::string::npos);
}

TEST_CASE("hjob syntax: - reads standard input") {
    const auto ok = run_process({hjob_bin, "syntax", "-"}, "a = [1, 2]\n");
    CHECK(ok.status == 0);
    const auto bad = run_process({hjob_bin, "syntax", "-"}, "a = [1,,2]\n");
    CHECK(bad.status == 1);
    CHECK(first_line(bad.err).rfind("<stdin>:1:", 0) == 0);
}

TEST_CASE("hjob syntax --json prints the canonical tree") {
    const auto r = run_process({hjob_bin, "syntax", "--json", "--ranges", "-"}, "a = 1.5e3\nb \"l\" {\n  c = \"<x>\"\n}\n");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attributes"][0]["name"] == "a");
    CHECK(j["attributes"][0]["kind"] == "LiteralValue");
    CHECK(j["attributes"][0]["value"] == 1500);
    CHECK(j["attributes"][0]["range"] == "1:1-1:10");
    CHECK(j["blocks"][0]["labels"][0] == "l");
    CHECK(j["blocks"][0]["range"] == "2:1-4:2");
    CHECK(r.out.find("\"value\": \"\\u003cx\\u003e\"") != std::string::npos);  // ctyjson escapes HTML
    CHECK(r.out.find("\"src\": \"\\\"<x>\\\"\"") != std::string::npos);       // the outer encoder does not
}

TEST_CASE("hjob syntax --json: errors exit 1 with nothing on standard output") {
    const auto r = run_process({hjob_bin, "syntax", "--json", "-"}, "a = \n");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
}

TEST_CASE("hjob: usage errors exit 2, help and version exit 0") {
    CHECK(run_process({hjob_bin}).status == 2);
    CHECK(run_process({hjob_bin, "syntax"}).status == 2);
    CHECK(run_process({hjob_bin, "syntax", "--ranges", "-"}, "a = 1\n").status == 2);
    CHECK(run_process({hjob_bin, "syntax", "--json", "a.hcl", "b.hcl"}).status == 2);
    CHECK(run_process({hjob_bin, "frobnicate"}).status == 2);
    const auto help = run_process({hjob_bin, "syntax", "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("--json") != std::string::npos);
    CHECK(help.out.find("standard input") != std::string::npos);
    const auto version = run_process({hjob_bin, "--version"});
    CHECK(version.status == 0);
    CHECK(version.out.find("hjob 0.1.0") != std::string::npos);
}
