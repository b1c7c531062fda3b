// cli/main.cpp sets up only the subcommand argv names (start-up, issue 3): each line of its
// table must name the subcommand its setup function adds, or that subcommand would break.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string hjob = std::string(HJOB_BINARY_DIR) + "/hjob";

struct Run {
    int status = -1;
    std::string out;
};

Run run(const std::string& args) {
    Run r;
    if (FILE* pipe = popen(("'" + hjob + "' " + args + " 2>&1").c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) r.out.append(buf, n);
        const int st = pclose(pipe);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    }
    return r;
}

/// The names under CLI11's "Subcommands:" heading (the first word of each entry line).
std::vector<std::string> listed(const std::string& help) {
    std::vector<std::string> names;
    std::istringstream in(help);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Subcommands:", 0) == 0) inside = true;
        else if (inside && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ')
            names.push_back(line.substr(2, line.find(' ', 2) - 2));
        else if (inside && line.rfind("  ", 0) != 0) inside = false;
    }
    return names;
}

}  // namespace

TEST_CASE("each subcommand named first sets up itself alone", "[cli][startup]") {
    const Run all = run("--help");
    REQUIRE(all.status == 0);
    const auto names = listed(all.out);
    REQUIRE(names.size() >= 16);
    for (const auto& name : names) {
        INFO("subcommand " << name);
        const Run one = run(name + " --help");
        CHECK(one.status == 0);
        CHECK(one.out.find("Usage: hjob " + name) != std::string::npos);
    }
    const Run version = run("--version");
    CHECK(version.status == 0);
    CHECK(version.out.rfind("hjob ", 0) == 0);
    const Run unknown = run("no-such-command");  // every subcommand set up: CLI11's own error
    CHECK(unknown.status == 2);
}
