// Filesystem functions over a scratch directory, relative to FunctionOptions::base_dir, and
// Nomad's guard that disables them.
#include "stdlib_test_util.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using hjob::testing::check_cases;
using hjob::testing::eval_expr;

namespace {

namespace fs = std::filesystem;

struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("hjob-fs-test-" + std::to_string(::getpid()));
    Scratch() {
        fs::remove_all(dir);
        fs::create_directories(dir / "sub" / "deep");
        write("hello.txt", "Hello World");
        write("sub/a.tpl", "a");
        write("sub/b.txt", "b");
        write("sub/deep/c.tpl", "c");
        write("binary.bin", std::string("\xff\xfe", 2));
    }
    ~Scratch() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name, std::ios::binary) << text; }
};

}  // namespace

TEST_CASE("file functions resolve against the job file's directory") {
    const Scratch s;
    const auto& table = hjob::cty::nomad_functions({s.dir.string(), true});
    check_cases({
        {R"(file("hello.txt"))", R"("Hello World")"},
        {R"(filebase64("hello.txt"))", R"("SGVsbG8gV29ybGQ=")"},
        {R"(filebase64("binary.bin"))", R"("//4=")"},
        {R"(file("binary.bin"))", nullptr, "contents of binary.bin are not valid UTF-8"},
        {R"(file("missing.txt"))", nullptr, "no file exists at"},
        {R"(fileexists("hello.txt"))", "true"},
        {R"(fileexists("missing.txt"))", "false"},
        {R"(fileexists("sub"))", nullptr, "is not a regular file, but \"drwx"},
        {R"(fileset(".", "*.txt"))", R"(set(["hello.txt"]))"},
        {R"(fileset("sub", "*"))", R"(set(["a.tpl", "b.txt"]))"},
        {R"(fileset(".", "**/*.tpl"))", R"(set(["sub/a.tpl", "sub/deep/c.tpl"]))"},
        {R"(fileset(".", "sub/{a,b}.*"))", R"(set(["sub/a.tpl", "sub/b.txt"]))"},
        {R"(fileset(".", "nothing*"))", "set([])"},
    }, table);
    const std::string abs = "\"" + (s.dir / "hello.txt").string() + "\"";
    CHECK(eval_expr("file(" + abs + ")", table).value == R"("Hello World")");
}

TEST_CASE("path functions") {
    check_cases({
        {R"(basename("foo/bar/baz.txt"))", R"("baz.txt")"},
        {R"(basename(""))", R"(".")"},
        {R"(basename("/"))", R"("/")"},
        {R"(basename("a/b/"))", R"("b")"},
        {R"(dirname("foo/bar/baz.txt"))", R"("foo/bar")"},
        {R"(dirname("baz.txt"))", R"(".")"},
        {R"(dirname("/a//b/"))", R"("/a/b")"},
        {R"(abspath("/a/../b/./c"))", R"("/b/c")"},
        {R"(pathexpand("/etc/resolv.conf"))", R"("/etc/resolv.conf")"},
        {R"(pathexpand("~nobody/x"))", nullptr, "cannot expand user-specific home dir"},
    });
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0')
        CHECK(eval_expr(R"(pathexpand("~/.ssh/id_rsa"))").value == "\"" + std::string(home) + "/.ssh/id_rsa\"");
    const std::string cwd = std::filesystem::current_path().string();
    CHECK(eval_expr(R"(abspath("x/y"))").value == "\"" + cwd + "/x/y\"");
}

TEST_CASE("filesystem functions can be disabled, as for /v1/jobs/parse") {
    const auto& table = hjob::cty::nomad_functions({"", false});
    check_cases({
        {R"(file("x"))", nullptr, "filesystem function disabled"},
        {R"(basename("a/b"))", nullptr, "filesystem function disabled"},
        {R"(upper("a"))", R"("A")"},
    }, table);
}

TEST_CASE("the registry has exactly Nomad's names") {
    const std::vector<std::string> expected = {
        "abs", "abspath", "base64decode", "base64encode", "basename", "bcrypt", "can", "ceil", "chomp", "chunklist",
        "cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets", "coalesce", "coalescelist", "compact", "concat", "contains",
        "convert", "csvdecode", "dirname", "distinct", "element", "file", "filebase64", "fileexists", "fileset", "flatten",
        "floor", "format", "formatdate", "formatlist", "indent", "index", "join", "jsondecode", "jsonencode", "keys", "length",
        "log", "lookup", "lower", "max", "md5", "merge", "min", "parseint", "pathexpand", "pow", "range", "regex_replace",
        "replace", "reverse", "rsadecrypt", "setintersection", "setproduct", "setunion", "sha1", "sha256", "sha512", "signum",
        "slice", "sort", "split", "strlen", "strrev", "substr", "timeadd", "title", "trim", "trimprefix", "trimspace",
        "trimsuffix", "try", "upper", "urlencode", "uuidv4", "uuidv5", "values", "yamldecode", "yamlencode", "zipmap"};
    CHECK(hjob::cty::nomad_function_names() == expected);
}

TEST_CASE("a misspelt function name gets a did-you-mean") {
    CHECK_THAT(eval_expr(R"(uper("a"))").error, Catch::Contains("There is no function named \"uper\". Did you mean \"upper\"?"));
    CHECK_THAT(eval_expr(R"(jsonencod(1))").error, Catch::Contains("Did you mean \"jsonencode\"?"));
    CHECK(eval_expr(R"(completely_unknown(1))").error == "Call to unknown function: There is no function named \"completely_unknown\".");
}
