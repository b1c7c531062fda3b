// `hjob fmt` end to end: the built binary on files in a scratch directory. Output modes,
// exit statuses (0, 1 syntax, 2 I/O, 3 --check), in-place rewriting that keeps permissions
// and symbolic links, files that do not parse left untouched, and directory walking.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::string hjob = HJOB_BINARY_DIR "/hjob";

struct Result {
    int status;
    std::string out, err;
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// A scratch directory, removed at the end of the test.
struct Scratch {
    fs::path dir;
    Scratch() {
        std::string tmpl = (fs::temp_directory_path() / "hjob-fmt-test-XXXXXX").string();
        dir = ::mkdtemp(tmpl.data());
    }
    ~Scratch() { fs::remove_all(dir); }
    fs::path operator/(const std::string& name) const { return dir / name; }

    // Runs `hjob ARGS` in the directory, standard input from `stdin_file` when given.
    Result run(const std::string& args, const std::string& stdin_file = "/dev/null") const {
        const std::string cmd = "cd '" + dir.string() + "' && '" + hjob + "' " + args + " <'" + stdin_file +
                                "' >'" + (dir / ".out").string() + "' 2>'" + (dir / ".err").string() + "'";
        const int raw = std::system(cmd.c_str());
        Result r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read(dir / ".out"), read(dir / ".err")};
        fs::remove(dir / ".out");
        fs::remove(dir / ".err");
        return r;
    }
};

const std::string messy = "job \"web\" {\ncount=1\n  datacenters = [\"dc1\"]\n}\n";
const std::string tidy = "job \"web\" {\n  count       = 1\n  datacenters = [\"dc1\"]\n}\n";
const std::string broken = "job \"web\" {\n  count = \n}\n";

}  // namespace

TEST_CASE("hjob fmt prints the formatted text and changes nothing", "[cli][fmt]") {
    Scratch s;
    write(s / "a.hcl", messy);
    const auto r = s.run("fmt a.hcl");
    CHECK(r.status == 0);
    CHECK(r.out == tidy);
    CHECK(read(s / "a.hcl") == messy);
    CHECK(s.run("fmt -", (s / "a.hcl").string()).out == tidy);  // standard input
    CHECK(s.run("fmt", (s / "a.hcl").string()).out == tidy);
}

TEST_CASE("hjob fmt --check lists unformatted files and exits 3", "[cli][fmt]") {
    Scratch s;
    write(s / "a.hcl", messy);
    write(s / "b.hcl", tidy);
    const auto r = s.run("fmt --check a.hcl b.hcl");
    CHECK(r.status == 3);
    CHECK(r.out == "a.hcl\n");
    CHECK(read(s / "a.hcl") == messy);
    CHECK(s.run("fmt --check b.hcl").status == 0);
}

TEST_CASE("hjob fmt --diff prints a unified diff", "[cli][fmt]") {
    Scratch s;
    write(s / "a.hcl", messy);
    const auto r = s.run("fmt --diff a.hcl");
    CHECK(r.status == 0);
    CHECK(r.out.rfind("--- a.hcl.orig\n+++ a.hcl\n@@ -1,4 +1,4 @@\n job \"web\" {\n-count=1\n", 0) == 0);
    CHECK(r.out.find("+  count       = 1\n") != std::string::npos);
}

TEST_CASE("hjob fmt --write rewrites in place, keeping mode and links", "[cli][fmt]") {
    Scratch s;
    write(s / "a.hcl", messy);
    ::chmod((s / "a.hcl").c_str(), 0640);
    fs::create_symlink("a.hcl", s / "link.hcl");
    const auto r = s.run("fmt --write link.hcl");
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(read(s / "a.hcl") == tidy);
    CHECK(fs::is_symlink(s / "link.hcl"));
    CHECK((fs::status(s / "a.hcl").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    int entries = 0;  // no temporary file left behind
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(s.dir)) ++entries;
    CHECK(entries == 2);
    CHECK(s.run("fmt --check a.hcl").status == 0);
}

TEST_CASE("hjob fmt never rewrites a file that does not parse", "[cli][fmt]") {
    Scratch s;
    write(s / "bad.hcl", broken);
    write(s / "a.hcl", messy);
    const auto r = s.run("fmt --write bad.hcl a.hcl");
    CHECK(r.status == 1);
    CHECK(r.err.rfind("bad.hcl:2:11: error: ", 0) == 0);
    CHECK(read(s / "bad.hcl") == broken);
    CHECK(read(s / "a.hcl") == tidy);  // the other file is still formatted
}

TEST_CASE("hjob fmt exits 2 on a missing path or a bad option", "[cli][fmt]") {
    Scratch s;
    const auto r = s.run("fmt missing.hcl");
    CHECK(r.status == 2);
    CHECK(r.err.find("missing.hcl") != std::string::npos);
    CHECK(s.run("fmt --no-such-flag").status == 2);
}

TEST_CASE("hjob fmt walks directories for job files", "[cli][fmt]") {
    Scratch s;
    fs::create_directories(s / "d/sub");
    for (const char* name : {"d/a.hcl", "d/b.nomad", "d/c.job", "d/sub/d.nomad.hcl", "d/notes.txt"}) write(s / name, messy);
    const auto flat = s.run("fmt --check d");
    CHECK(flat.status == 3);
    CHECK(flat.out == "d/a.hcl\nd/b.nomad\nd/c.job\n");
    const auto deep = s.run("fmt --check --recursive d");
    CHECK(deep.out == "d/a.hcl\nd/b.nomad\nd/c.job\nd/sub/d.nomad.hcl\n");
    CHECK(s.run("fmt -w -r d").status == 0);
    CHECK(read(s / "d/sub/d.nomad.hcl") == tidy);
    CHECK(read(s / "d/notes.txt") == messy);
}

TEST_CASE("hjob fmt --help documents every option and the exit statuses", "[cli][fmt]") {
    Scratch s;
    const auto r = s.run("fmt --help");
    CHECK(r.status == 0);
    for (const char* word : {"--check", "--diff", "--write", "--recursive", "PATH", "Exit status", "hclwrite"})
        CHECK(r.out.find(word) != std::string::npos);
}
