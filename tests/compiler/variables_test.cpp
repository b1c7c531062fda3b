// Job variables and locals: declarations, type constraints, Nomad's precedence
// (default < NOMAD_VAR_ < -var-file < -var), validation rules, and errors at their positions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "compiler/eval/variables.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

using namespace hjob;

namespace {

struct Run {
    SourceFile file;
    syntax::SyntaxTree tree;
    Diagnostics diags;
    eval::RootScope scope;

    Run(const std::string& text, const eval::VariableInputs& inputs = {})
        : file("job.hcl", text), tree(syntax::parse_config(file)) {
        diags = tree.diagnostics;
        scope = eval::build_root_scope(tree, inputs, cty::nomad_functions(), diags);
    }

    std::string var(const std::string& name) const {
        const cty::Value* o = scope.context.own_variable("var");
        const cty::Value* v = o ? o->find(name) : nullptr;
        return v ? cty::debug_string(*v) : "<absent>";
    }
    std::string local(const std::string& name) const {
        const cty::Value* o = scope.context.own_variable("local");
        const cty::Value* v = o ? o->find(name) : nullptr;
        return v ? cty::debug_string(*v) : "<absent>";
    }
    /// "line:col summary" of every error.
    std::vector<std::string> errors() const {
        std::vector<std::string> out;
        for (const Diagnostic& d : diags) {
            if (d.severity != Severity::error) continue;
            std::string where = "?:?";
            if (d.subject.file != nullptr) {
                const Position p = d.subject.file->position(d.subject.range.begin);
                where = std::to_string(p.line) + ":" + std::to_string(p.column);
            }
            out.push_back(where + " " + d.summary);
        }
        return out;
    }
    const Diagnostic* first_error() const {
        for (const Diagnostic& d : diags)
            if (d.severity == Severity::error) return &d;
        return nullptr;
    }
};

const char* const typed = R"(
variable "region" {
  type    = string
  default = "global"
}
variable "count" {
  type    = number
  default = "3"
}
variable "ids" {
  type    = list(string)
  default = ["a", 1]
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "flag" {
  type    = bool
  default = false
}
variable "obj" {
  type    = object({ name = string, port = number })
  default = { name = "web", port = "8080" }
}
variable "pair" {
  type    = tuple([string, bool])
  default = ["x", "true"]
}
variable "anything" {
  type    = any
  default = { a = [1] }
}
variables {
  plain = "p"
}
)";

}  // namespace

TEST_CASE("defaults convert to the declared type") {
    Run r(typed);
    CHECK(r.errors().empty());
    CHECK(r.var("region") == R"("global")");
    CHECK(r.var("count") == "3");
    CHECK(r.var("ids") == R"(list(["a", "1"]))");
    CHECK(r.var("tags") == "map({})");
    CHECK(r.var("flag") == "false");
    CHECK(r.var("obj") == R"({name = "web", port = 8080})");
    CHECK(r.var("pair") == R"(["x", true])");
    CHECK(r.var("anything") == "{a = [1]}");
    CHECK(r.var("plain") == R"("p")");
    REQUIRE(r.scope.variables.size() == 9);
    CHECK(r.scope.variables[0].name == "anything");
    CHECK(r.scope.variables[0].source == "default");
}

TEST_CASE("precedence: default < NOMAD_VAR_ < -var-file < -var") {
    const std::string job = "variable \"a\" { default = \"default\" }\nvariable \"b\" { default = \"default\" }\n"
                            "variable \"c\" { default = \"default\" }\nvariable \"d\" { default = \"default\" }\n";
    const auto dir = std::filesystem::temp_directory_path() / ("hjob-vars-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "one.hcl") << "b = \"file1\"\nc = \"file1\"\n";
    std::ofstream(dir / "two.json") << "{\"c\": \"file2\"}";
    eval::VariableInputs in;
    in.environment = {"NOMAD_VAR_a=env", "NOMAD_VAR_b=env", "NOMAD_VAR_c=env", "NOMAD_VAR_d=env", "NOMAD_VAR_undeclared=x", "PATH=/bin"};
    in.var_files = {(dir / "one.hcl").string(), (dir / "two.json").string()};
    in.vars = {"d=first", "d=cmd"};
    Run r(job, in);
    std::filesystem::remove_all(dir);
    CHECK(r.errors().empty());
    CHECK(r.var("a") == R"("env")");
    CHECK(r.var("b") == R"("file1")");
    CHECK(r.var("c") == R"("file2")");
    CHECK(r.var("d") == R"("cmd")");
    CHECK(r.scope.variables[3].source == "cmd");
}

TEST_CASE("text values: literal for strings, numbers and untyped; HCL for the rest") {
    const std::string job = R"(
variable "s" { type = string }
variable "n" { type = number }
variable "u" {}
variable "l" { type = list(string) }
variable "m" { type = map(number) }
variable "b" { type = bool }
)";
    eval::VariableInputs in;
    in.vars = {"s=[1, 2]", "n=42", "u=\"quoted\"", R"(l=["a", "b"])", "m={ x = 1 }", "b=true"};
    Run r(job, in);
    CHECK(r.errors().empty());
    CHECK(r.var("s") == R"("[1, 2]")");
    CHECK(r.var("n") == "42");
    CHECK(r.var("u") == R"("\"quoted\"")");
    CHECK(r.var("l") == R"(list(["a", "b"]))");
    CHECK(r.var("m") == "map({x = 1})");
    CHECK(r.var("b") == "true");
}

TEST_CASE("a declared variable with no value names how to set it") {
    Run r("\n\nvariable \"image\" {\n  type = string\n}\n");
    REQUIRE(r.errors() == std::vector<std::string>{"3:1 Unset variable \"image\""});
    const Diagnostic* d = r.first_error();
    CHECK(d->code == "variables/unset");
    CHECK_THAT(d->detail, Catch::Contains("--var image=VALUE"));
    CHECK_THAT(d->detail, Catch::Contains("NOMAD_VAR_image"));
    CHECK_THAT(d->detail, Catch::Contains("--var-file"));
    CHECK(r.var("image") == "unknown(string)");
    Run with_null("variable \"image\" {\n  default = null\n}\n");
    CHECK(with_null.errors().empty());
}

TEST_CASE("undeclared -var is an error, undeclared NOMAD_VAR_ is ignored") {
    eval::VariableInputs in;
    in.vars = {"regoin=x"};
    in.environment = {"NOMAD_VAR_other=1"};
    Run r("variable \"region\" { default = \"a\" }\n", in);
    REQUIRE(r.errors().size() == 1);
    const Diagnostic* d = r.first_error();
    CHECK(d->summary == "Undefined -var variable");
    CHECK_THAT(d->detail, Catch::Contains("Did you mean \"region\"?"));
    CHECK(d->subject.file->name() == "<-var argument>");
    CHECK(d->subject.file->slice(d->subject.range) == "regoin");
    eval::VariableInputs bad;
    bad.vars = {"novalue"};
    CHECK(Run("", bad).errors() == std::vector<std::string>{"1:1 Invalid -var option"});
}

TEST_CASE("type errors in defaults and inputs point at the value") {
    Run r("variable \"n\" {\n  type    = number\n  default = \"abc\"\n}\n");
    CHECK(r.errors() == std::vector<std::string>{"3:13 Invalid default value for variable"});
    CHECK_THAT(r.first_error()->detail, Catch::Contains("a number is required"));

    eval::VariableInputs in;
    in.vars = {"l=[1, {}]"};
    Run r2("variable \"l\" { type = list(string) }\n", in);
    REQUIRE(r2.errors().size() == 1);
    CHECK(r2.first_error()->summary == "Invalid argument value for -var variable");
    CHECK(r2.first_error()->subject.file->name() == "<value for var.l from arguments>");
    CHECK(r2.first_error()->subject.file->slice(r2.first_error()->subject.range) == "[1, {}]");

    eval::VariableInputs env;
    env.environment = {"NOMAD_VAR_l=[oops"};
    Run r3("variable \"l\" { type = list(string) }\n", env);
    REQUIRE_FALSE(r3.errors().empty());
    CHECK(r3.first_error()->subject.file->name() == "<value for var.l from env>");
}

TEST_CASE("invalid type constraints and declarations") {
    Run r(R"(variable "a" {
  type = strin
}
variable "b" {
  type = list(string, number)
}
variable "c" {
  default = 1
  descripton = "x"
}
variable "bad name" {
  default = 1
}
variable "a" {
  default = 2
}
variable {
}
)");
    CHECK(r.errors() == std::vector<std::string>{
        "2:10 Invalid type specification", "5:23 Invalid type specification", "9:3 Unsupported argument",
        "11:10 Invalid variable name", "14:1 Duplicate variable", "17:1 Missing name for variable"});
    CHECK(r.var("a") == "unknown");  // broken: no "Unset variable" cascade
}

TEST_CASE("defaults are evaluated without variables or functions") {
    Run r("variable \"a\" {\n  default = upper(\"x\")\n}\nvariable \"b\" {\n  default = var.a\n}\n");
    CHECK(r.errors() == std::vector<std::string>{"2:13 Function calls not allowed", "5:13 Variables not allowed"});
}

TEST_CASE("validation rules") {
    const std::string job = R"(variable "image" {
  type = string
  validation {
    condition     = substr(var.image, 0, 4) == "ami-"
    error_message = "The image value must start with \"ami-\"."
  }
  validation {
    condition     = strlen(var.image) > 4
    error_message = "The image value must be longer than four characters."
  }
}
)";
    eval::VariableInputs good;
    good.vars = {"image=ami-123"};
    CHECK(Run(job, good).errors().empty());

    eval::VariableInputs bad;
    bad.vars = {"image=ubuntu"};
    Run r(job, bad);
    REQUIRE(r.errors().size() == 1);
    const Diagnostic* d = r.first_error();
    CHECK(d->summary == "Invalid value for cmd variable");
    CHECK_THAT(d->detail, Catch::StartsWith("The image value must start with \"ami-\".\n\nThis was checked by the validation rule at job.hcl:3,3-13."));
    CHECK(d->subject.file->slice(d->subject.range) == "ubuntu");

    Run def(R"(variable "port" {
  default = 80
  validation {
    condition     = var.port > 1024
    error_message = "The port must be above 1024."
  }
}
)");
    CHECK(def.errors() == std::vector<std::string>{"2:13 Invalid value for default variable"});
}

TEST_CASE("validation declarations are checked") {
    Run r(R"(variable "a" {
  default = 1
  validation {
    condition     = var.b > 0
    error_message = "lowercase and no period"
  }
  validation {
    error_message = ""
  }
}
)");
    CHECK(r.errors() == std::vector<std::string>{
        "4:21 Invalid reference in variable validation", "4:21 Invalid variable validation condition",
        "5:21 Invalid validation error message", "7:14 Missing required argument", "8:21 Invalid validation error message"});
}

TEST_CASE("validation functions cannot read files") {
    Run r(R"(variable "a" {
  default = "x"
  validation {
    condition     = fileexists(var.a)
    error_message = "The file must exist."
  }
}
)");
    REQUIRE(r.errors().size() == 1);
    CHECK_THAT(r.first_error()->detail, Catch::Contains("filesystem function disabled"));
}

TEST_CASE("locals in any order, referring to variables, locals and functions") {
    Run r(R"(locals {
  c = "${local.b}-c"
  name = upper(var.prefix)
}
locals {
  b = "${local.a}-b"
  a = "${var.prefix}-a"
  list = [for i in range(3) : "${local.a}${i}"]
}
variable "prefix" { default = "web" }
)");
    CHECK(r.errors().empty());
    CHECK(r.local("a") == R"("web-a")");
    CHECK(r.local("b") == R"("web-a-b")");
    CHECK(r.local("c") == R"("web-a-b-c")");
    CHECK(r.local("name") == R"("WEB")");
    CHECK(r.local("list") == R"(["web-a0", "web-a1", "web-a2"])");
    CHECK(r.scope.locals.size() == 5);
}

TEST_CASE("local cycles, duplicates and unknown references are reported") {
    Run r(R"(locals {
  a = local.b
  b = "${local.c}x"
  c = local.a
  d = local.zz
  e = local.a
}
locals {
  a = 1
}
)");
    CHECK(r.errors() == std::vector<std::string>{"9:3 Duplicate value in locals", "4:7 Circular reference in locals", "5:12 Unsupported attribute"});
    const Diagnostic* cycle = nullptr;
    for (const Diagnostic& d : r.diags)
        if (d.code == "locals/cycle") cycle = &d;
    REQUIRE(cycle != nullptr);
    CHECK_THAT(cycle->detail, Catch::Contains("local.a -> local.b -> local.c -> local.a"));
    CHECK(r.local("e") == "unknown");  // depends on the cycle: no further error
}

TEST_CASE("var files: declarations, undeclared names, JSON and missing files") {
    const auto dir = std::filesystem::temp_directory_path() / ("hjob-varfile-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "decl.hcl") << "variable \"a\" {\n  default = 1\n}\n";
    std::ofstream(dir / "undeclared.hcl") << "a = 1\nb = 2\n";
    std::ofstream(dir / "bad.json") << "{\"a\": [1,}";
    std::ofstream(dir / "typed.json") << "{\n  \"a\": 0.1\n}";
    const std::string job = "variable \"a\" {\n  type    = number\n  default = 5\n}\n";
    auto run = [&](const std::string& file) {
        eval::VariableInputs in;
        in.var_files = {(dir / file).string()};
        return std::make_unique<Run>(job, in);
    };
    CHECK(run("decl.hcl")->errors() == std::vector<std::string>{"1:1 Variable declaration in a .var file"});
    CHECK(run("undeclared.hcl")->errors() == std::vector<std::string>{"2:1 Undefined variable"});
    CHECK(run("bad.json")->errors() == std::vector<std::string>{"1:1 Invalid JSON variables file"});
    auto typed = run("typed.json");
    CHECK(typed->errors().empty());
    CHECK(typed->var("a") == "0.1");
    auto missing = run("nope.hcl");
    REQUIRE(missing->errors().size() == 1);
    CHECK_THAT(missing->first_error()->summary, Catch::Contains("Failed to read variables file"));
    std::filesystem::remove_all(dir);
}
