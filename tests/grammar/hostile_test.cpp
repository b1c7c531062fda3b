// Hostile input: deep nesting, huge lines, unterminated constructs, NUL and broken UTF-8 end
// in a clean diagnostic at the right place, quickly, without exhausting the stack.
#include <catch2/catch.hpp>

#include <ctime>
#include <string>

#include "grammar/parser.hpp"
#include "support.hpp"

namespace {

constexpr std::size_t deep = 100000;

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// prefix + middle + suffix (built by appending: GCC 12 warns wrongly about "literal" + string).
std::string join(std::string_view prefix, const std::string& middle, std::string_view suffix = "\n") {
    std::string s(prefix);
    return s.append(middle).append(suffix);
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Parses `text` and returns its first error, checking the parse took under a second of CPU
// (CPU time, so a busy machine does not make the bound flaky).
std::string first_error_within_a_second(const std::string& text) {
    const double start = cpu_seconds();
    const auto p = hjob::test::parse(text);
    CHECK(cpu_seconds() - start < 1.0);
    return hjob::test::first_error(p);
}

// The column where the expression nested one level too deep starts, after `prefix`.
std::string too_deep_at(std::size_t prefix, std::size_t per_level) {
    std::string s = "1:";
    return s.append(std::to_string(prefix + 1 + per_level * hjob::syntax::max_nesting_depth)).append(" Nesting too deep");
}

}  // namespace

TEST_CASE("hostile: 100,000 nested brackets, parentheses and braces") {
    CHECK(first_error_within_a_second(join("a = ", repeat("[", deep))) == too_deep_at(4, 1));
    CHECK(first_error_within_a_second(join("a = ", repeat("(", deep))) == too_deep_at(4, 1));
    CHECK(first_error_within_a_second(join("a = ", repeat("{", deep))) == too_deep_at(4, 1));
    CHECK(first_error_within_a_second(join("a = ", repeat("-", deep), "1\n")) == too_deep_at(4, 1));
    CHECK(first_error_within_a_second(join("a = x", repeat("[*]", deep))) == too_deep_at(5, 3));
}

TEST_CASE("hostile: 100,000 nested interpolations and directives") {
    CHECK(first_error_within_a_second(join("a = ", repeat("\"${", deep))) == too_deep_at(4, 3));
    const std::string ifs = join("a = \"", repeat("%{if x}", deep) + repeat("%{endif}", deep), "\"\n");
    CHECK(first_error_within_a_second(ifs).ends_with("Nesting too deep"));
}

TEST_CASE("hostile: 100,000 nested blocks") {
    const std::string text = repeat("a {\n", deep);
    const auto depth = std::to_string(hjob::syntax::max_nesting_depth + 1);
    CHECK(first_error_within_a_second(text) == std::string(depth).append(":3 Nesting too deep"));
}

TEST_CASE("hostile: a 10 MB line") {
    CHECK(first_error_within_a_second(join("a = \"", std::string(10u << 20, 'x'), "\"\n")).empty());
    CHECK(first_error_within_a_second(join("a = \"", std::string(10u << 20, 'x'))) == "1:10485766 Invalid multi-line string");
}

TEST_CASE("hostile: unterminated heredoc and string") {
    CHECK(first_error_within_a_second(join("a = <<EOT\n", repeat("line\n", deep), "")) == "100002:1 Unterminated template string");
    CHECK(first_error_within_a_second(join("a = \"", std::string(deep, 'x'), "")) == "1:100006 Unterminated template string");
    CHECK(first_error_within_a_second(join("a = <<EOT\n", repeat("${x}\n", deep), "")) == "100002:1 Unterminated template string");
}

TEST_CASE("hostile: NUL bytes and invalid UTF-8") {
    CHECK(first_error_within_a_second(std::string("a = 1\nb = \0\n", 12)) == "2:5 Invalid character");
    CHECK(first_error_within_a_second("a = \"\xff\"\n") == "1:6 Invalid character encoding");
    CHECK(first_error_within_a_second("\xc3( = 1\n") == "1:1 Invalid character encoding");
    CHECK(first_error_within_a_second("a = 1 # \xff comments may hold anything\nb = \xc0\n") == "2:5 Invalid character encoding");
}

TEST_CASE("hostile: unclosed comments stay linear") {
    CHECK(first_error_within_a_second(repeat("/*", deep)) == "1:6 Argument or block definition required");
}

TEST_CASE("hostile: a file of broken lines stops at the error limit") {
    const double start = cpu_seconds();
    const auto p = hjob::test::parse(repeat("a = ,\n", deep));
    CHECK(cpu_seconds() - start < 1.0);
    REQUIRE(p.tree.diagnostics.size() == hjob::syntax::max_syntax_errors + 1);
    CHECK(hjob::test::first_error(p) == "1:5 Invalid expression");
    CHECK(p.tree.diagnostics.back().summary == "Too many errors");
    CHECK(p.file->position(p.tree.diagnostics.back().subject.range.begin).line == hjob::syntax::max_syntax_errors + 1);
    const auto lexical = hjob::test::parse(std::string(deep, '@'));
    CHECK(lexical.tree.diagnostics.size() <= 2 * hjob::syntax::max_syntax_errors + 1);
}
