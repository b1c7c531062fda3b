// Golden tests of `hjob check`: each tests/check/<case>.hcl is checked from inside tests/check
// and its human and json reports must equal <case>.human and <case>.json byte for byte.
// Cases named error.* must exit 1, all others 0. A <case>.args file adds arguments to the
// command line, one per line (--var, --var-file with var files under tests/check/vars/).
// Regenerate every golden file with
//   HJOB_REGENERATE=1 ctest --test-dir BUILD -R check_golden
// (tests/check/README.md), then review the diff: goldens are never edited by hand.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path cases_dir = fs::path(HJOB_SOURCE_DIR) / "tests" / "check";
const std::string hjob = std::string(HJOB_BINARY_DIR) + "/hjob";

struct Run {
    std::string out;
    int status = -1;
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The extra arguments of a case, each single-quoted for the shell.
std::string extra_args(const std::string& stem) {
    std::string out;
    std::istringstream lines(read(cases_dir / (stem + ".args")));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out += " '" + line + "'";
    return out;
}

/// Runs `hjob check --color never --format FORMAT [ARGS] NAME` in tests/check (so reports name
/// the file as NAME, the same on every machine) with NO_COLOR, TERM and NOMAD_VAR_* cleared.
Run check(const std::string& format, const std::string& name) {
    const std::string stem = name.substr(0, name.size() - 4);
    const std::string cmd = "cd '" + cases_dir.string() + "' && env -i PATH=\"$PATH\" '" + hjob +
                            "' check --color never --format " + format + extra_args(stem) + " '" + name + "' 2>&1";
    Run r;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) r.out.append(buf, n);
        const int st = pclose(pipe);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    }
    return r;
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(cases_dir))
        if (e.path().extension() == ".hcl") names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool regenerating() {
    const char* v = std::getenv("HJOB_REGENERATE");
    return v != nullptr && *v != '\0' && std::string(v) != "0";
}

}  // namespace

TEST_CASE("check_golden: every case of tests/check matches its human and json reports") {
    const auto names = case_names();
    REQUIRE(names.size() >= 20);
    std::size_t errors = 0;
    for (const auto& name : names) {
        const std::string stem = name.substr(0, name.size() - 4);
        const bool error_case = name.rfind("error.", 0) == 0;
        errors += error_case ? 1 : 0;
        for (const std::string format : {"human", "json"}) {
            INFO("case " << name << ", format " << format);
            const Run r = check(format, name);
            CHECK(r.status == (error_case ? 1 : 0));
            const fs::path golden = cases_dir / (stem + "." + format);
            if (regenerating()) {
                std::ofstream(golden, std::ios::binary) << r.out;
                continue;
            }
            REQUIRE(fs::exists(golden));
            CHECK(r.out == read(golden));
        }
    }
    std::cout << "check_golden: " << names.size() << " cases (" << errors << " error cases)"
              << (regenerating() ? ", goldens regenerated" : "") << '\n';
}

TEST_CASE("check_golden: every golden file belongs to a case") {
    for (const auto& e : fs::directory_iterator(cases_dir)) {
        const auto ext = e.path().extension();
        if (ext != ".human" && ext != ".json" && ext != ".args") continue;
        INFO(e.path().filename().string());
        CHECK(fs::exists(fs::path(e.path()).replace_extension(".hcl")));
    }
}
