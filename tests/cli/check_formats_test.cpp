// `hjob check` end to end: SARIF output validates against the SARIF 2.1.0 schema
// (tests/schemas/), JSON output against man/hjob-check-json.schema.json, the XML formats are
// well formed, and the exit status is 0 / 1 / 2 as documented (with --werror, stdin, colour).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path source = HJOB_SOURCE_DIR;
const fs::path cases = source / "tests" / "check";
const std::string hjob = std::string(HJOB_BINARY_DIR) + "/hjob";

struct Run {
    std::string out;
    int status = -1;
};

/// Runs `cmd` through the shell: its standard output and exit status.
Run shell(const std::string& cmd) {
    Run r;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) r.out.append(buf, n);
        const int st = pclose(pipe);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    }
    return r;
}

/// Runs `hjob ARGS` (ARGS may redirect) under `env`; standard error is dropped.
Run sh(const std::string& args, const std::string& env = "env -u NO_COLOR") {
    return shell(env + " '" + hjob + "' " + args + " 2>/dev/null");
}

bool have(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

fs::path temp_file(const std::string& name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / ("hjob_check_formats_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

/// Validates `document` against `schema` with tests/schemas/validate.py: 0 valid, 1 invalid,
/// 3 no jsonschema module. Tries Debian's python3 too, where python3-jsonschema installs.
int validate(const fs::path& schema, const fs::path& document) {
    const std::string script = (source / "tests" / "schemas" / "validate.py").string();
    int last = 3;
    for (const std::string py : {"python3", "/usr/bin/python3"}) {
        if (!have(py)) continue;
        const int st = std::system((py + " '" + script + "' '" + schema.string() + "' '" + document.string() + "'").c_str());
        last = WIFEXITED(st) ? WEXITSTATUS(st) : 1;
        if (last != 3) return last;
    }
    return last;
}

void check_against(const fs::path& schema, const std::string& format) {
    const Run r = sh("check --format " + format + " '" + cases.string() + "'");
    CHECK(r.status == 1);  // the error cases are among them
    const fs::path doc = temp_file("all." + format, r.out);
    const int v = validate(schema, doc);
    if (v == 3) {
        WARN("python3 jsonschema not installed (Debian: python3-jsonschema): " << format << " not validated");
        return;
    }
    CHECK(v == 0);
}

}  // namespace

TEST_CASE("check formats: sarif output of every golden case validates against SARIF 2.1.0") {
    check_against(source / "tests" / "schemas" / "sarif-schema-2.1.0.json", "sarif");
    // From the source tree: %SRCROOT% is the enclosing git work tree (or the source tree itself).
    const auto doc = nlohmann::json::parse(sh("check --format sarif tests/check", "cd '" + source.string() + "' && env").out);
    CHECK(doc["runs"][0]["results"].size() >= 20);
    CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
              .get<std::string>()
              .rfind("tests/check/", 0) == 0);
}

TEST_CASE("check formats: json output of every golden case validates against our schema") {
    check_against(source / "man" / "hjob-check-json.schema.json", "json");
}

TEST_CASE("check formats: the schema validator rejects a wrong document (the checks above can fail)") {
    const fs::path bad = temp_file("bad.json", R"({"format_version":"1.0","valid":"yes","diagnostics":[]})");
    const int v = validate(source / "man" / "hjob-check-json.schema.json", bad);
    if (v == 3) {
        WARN("python3 jsonschema not installed: validator not exercised");
        return;
    }
    CHECK(v == 1);
}

TEST_CASE("check formats: checkstyle and junit are well-formed XML") {
    if (!have("xmllint")) {
        WARN("xmllint not installed: XML formats not checked");
        return;
    }
    for (const std::string format : {"checkstyle", "junit"}) {
        const fs::path doc = temp_file("all.xml", sh("check --format " + format + " '" + cases.string() + "'").out);
        CHECK(std::system(("xmllint --noout '" + doc.string() + "'").c_str()) == 0);
    }
}

TEST_CASE("check exit status: 0 clean, 1 errors, 2 usage and I/O") {
    const fs::path ok = cases / "ok.minimal.hcl";
    const fs::path bad = cases / "error.unclosed-block.hcl";
    CHECK(sh("check '" + ok.string() + "'").status == 0);
    CHECK(sh("check '" + ok.string() + "'").out.empty());  // silence when clean
    CHECK(sh("check '" + bad.string() + "'").status == 1);
    CHECK(sh("check --werror '" + ok.string() + "'").status == 0);
    const fs::path warned = cases / "warning.constraint-ignored-shortcut.hcl";
    CHECK(sh("check '" + warned.string() + "'").status == 0);  // warnings alone pass
    CHECK(sh("check --werror '" + warned.string() + "'").status == 1);
    CHECK(sh("check --werror --format json '" + warned.string() + "'").out.find("\"warning_count\": 1") != std::string::npos);
    CHECK(sh("check '" + ok.string() + "' /nonexistent/job.hcl").status == 2);
    CHECK(sh("check --format xml '" + ok.string() + "'").status == 2);
    CHECK(sh("check --color sometimes '" + ok.string() + "'").status == 2);
    CHECK(sh("check --var 1bad=x '" + ok.string() + "'").status == 2);
    CHECK(sh("check --var noequals '" + ok.string() + "'").status == 2);
    const fs::path vars = cases / "ok.variables-and-locals.hcl";
    CHECK(sh("check --var replicas=3 '" + vars.string() + "'").status == 0);
    CHECK(sh("check --var replicas=many '" + vars.string() + "'").status == 1);  // the compiler's error, not usage
    CHECK(sh("check --var-file /nonexistent.vars '" + ok.string() + "'").status == 2);
    const fs::path empty = temp_file("placeholder.txt", "").parent_path() / "empty";
    fs::create_directories(empty);
    CHECK(sh("check '" + empty.string() + "'").status == 2);  // no job files: a mistyped path in CI
}

TEST_CASE("check: standard input, with or without -") {
    CHECK(sh("check < '" + (cases / "ok.minimal.hcl").string() + "'").status == 0);
    const Run r = sh("check --format gnu - < '" + (cases / "error.missing-value.hcl").string() + "'");
    CHECK(r.status == 1);
    CHECK(r.out.rfind("<stdin>:", 0) == 0);
}

TEST_CASE("check: a directory is searched recursively for job files") {
    const fs::path dir = temp_file("placeholder.txt", "").parent_path() / "tree";
    fs::create_directories(dir / "a" / "b");
    std::ofstream(dir / "a" / "b" / "deep.nomad") << "job \"x\" {\n  priority =\n}\n";
    std::ofstream(dir / "a" / "notes.txt") << "not a job {";
    std::ofstream(dir / "a" / "prod.vars.hcl") << "image = \"nginx\"\n";  // values, not a job
    const Run r = sh("check --format gnu '" + dir.string() + "'");
    CHECK(r.status == 1);
    CHECK(r.out.find("a/b/deep.nomad:2:") != std::string::npos);
    CHECK(r.out.find("notes.txt") == std::string::npos);
    CHECK(r.out.find("prod.vars.hcl") == std::string::npos);
    // Named on the command line, a var file is checked as what it is asked to be: a job.
    CHECK(sh("check --format gnu '" + (dir / "a" / "prod.vars.hcl").string() + "'").status == 1);
}

TEST_CASE("check: colour on a terminal, never with NO_COLOR, always with --color always") {
    const std::string file = (cases / "error.missing-value.hcl").string();
    CHECK(sh("check --color always '" + file + "'").out.find("\033[") != std::string::npos);
    CHECK(sh("check '" + file + "'").out.find("\033[") == std::string::npos);  // a pipe is no terminal
    if (!have("script")) {
        WARN("script(1) not installed: colour on a terminal not checked");
        return;
    }
    // A chroot or container without /dev/pts has no pseudo-terminals to give.
    if (shell("script -qec true /dev/null").status != 0) {
        WARN("no pseudo-terminal available (script(1) failed): colour on a terminal not checked");
        return;
    }
    // script(1) gives hjob a pseudo-terminal as standard output.
    auto on_tty = [&](const std::string& env) {
        return shell(env + " script -qec \"'" + hjob + "' check '" + file + "'\" /dev/null").out;
    };
    CHECK(on_tty("env -u NO_COLOR TERM=xterm").find("\033[1;31merror:") != std::string::npos);
    CHECK(on_tty("env NO_COLOR=1 TERM=xterm").find("\033[1;31m") == std::string::npos);
}
