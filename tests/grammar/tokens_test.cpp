// The token lexer: a table of inputs and the exact hclsyntax token sequence each gives,
// the lexical diagnostics, hostile inputs, and a differential run against HashiCorp's own
// lexer (`hclref tokens`) over the corpus.
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

#include "grammar/tokens.hpp"

namespace fs = std::filesystem;
using hjob::SourceFile;
using hjob::syntax::lex_tokens;
using hjob::syntax::token_type_name;
using hjob::syntax::TokenType;

namespace {

// Tokens as "Type:text" separated by spaces, the "Token" prefix dropped and "\n", "\r"
// spelled out, so that a table line reads like hclsyntax's debug output.
std::string render(const std::string& input) {
    const SourceFile file("t.hcl", input);
    std::string out;
    for (const auto& t : lex_tokens(file)) {
        if (!out.empty()) out += ' ';
        out += token_type_name(t.type).substr(5);
        out += ':';
        for (char c : file.slice(t.range)) out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
    }
    return out;
}

struct Case {
    const char* input;
    const char* tokens;
};

const Case cases[] = {
    {"a = 1\n", "Ident:a Equal:= NumberLit:1 Newline:\\n EOF:"},
    {"foo-bar_2 = -x", "Ident:foo-bar_2 Equal:= Minus:- Ident:x EOF:"},
    {"1..2 1. 1.e5 1e 1e+5x", "NumberLit:1..2 NumberLit:1 Dot:. NumberLit:1.e5 NumberLit:1 Ident:e NumberLit:1e+5 Ident:x EOF:"},
    {"a==b!=c<=d>=e&&f||g=>h...i", "Ident:a EqualOp:== Ident:b NotEqual:!= Ident:c LessThanEq:<= Ident:d GreaterThanEq:>= "
                                   "Ident:e And:&& Ident:f Or:|| Ident:g FatArrow:=> Ident:h Ellipsis:... Ident:i EOF:"},
    {"a::b", "Ident:a Colon:: Colon:: Ident:b EOF:"},  // hclsyntax 2.14 has no "::" token
    {"x & y | ~z ^ w; `'", "Ident:x BitwiseAnd:& Ident:y BitwiseOr:| BitwiseNot:~ Ident:z BitwiseXor:^ Ident:w "
                           "Semicolon:; Backtick:` Apostrophe:' EOF:"},
    {"# c\r\nb // d\n/* e\n*/f", "Comment:# c\\r\\n Ident:b Comment:// d\\n Comment:/* e\\n*/ Ident:f EOF:"},
    {"/* open", "Slash:/ Star:* Ident:open EOF:"},
    {"a\r\nb\rc", "Ident:a Newline:\\r\\n Ident:b Invalid:\\r Ident:c EOF:"},
    {"\xEF\xBB\xBFx", "Ident:x EOF:"},
    {"\"a${b}c\"", "OQuote:\" QuotedLit:a TemplateInterp:${ Ident:b TemplateSeqEnd:} QuotedLit:c CQuote:\" EOF:"},
    {"\"%{ if x ~}y%{~ endif }\"", "OQuote:\" TemplateControl:%{ Ident:if Ident:x TemplateSeqEnd:~} QuotedLit:y "
                                  "TemplateControl:%{~ Ident:endif TemplateSeqEnd:} CQuote:\" EOF:"},
    {"\"${ {a = 1} }\"", "OQuote:\" TemplateInterp:${ OBrace:{ Ident:a Equal:= NumberLit:1 CBrace:} TemplateSeqEnd:} "
                         "CQuote:\" EOF:"},
    {"\"$${a} %%{b} $x %y\"", "OQuote:\" QuotedLit:$${ QuotedLit:a}  QuotedLit:%%{ QuotedLit:b}  QuotedLit:$ "
                              "QuotedLit:x  QuotedLit:% QuotedLit:y CQuote:\" EOF:"},
    {"\"\\\"q\\\\\" \"\\${x}\"", "OQuote:\" QuotedLit:\\\"q\\\\ CQuote:\" OQuote:\" QuotedLit:\\${x} CQuote:\" EOF:"},
    {"\"a\nb\"", "OQuote:\" QuotedLit:a QuotedNewline:\\n QuotedLit:b CQuote:\" EOF:"},
    {"\"x$", "OQuote:\" QuotedLit:x Invalid:$ EOF:"},
    {"\"\\\n\"", "OQuote:\" Invalid:\\ QuotedNewline:\\n CQuote:\" EOF:"},
    {"\"${\"${x}\"}\"", "OQuote:\" TemplateInterp:${ OQuote:\" TemplateInterp:${ Ident:x TemplateSeqEnd:} CQuote:\" "
                       "TemplateSeqEnd:} CQuote:\" EOF:"},
    {"a = <<EOF\nx ${y}\nEOF\n", "Ident:a Equal:= OHeredoc:<<EOF\\n StringLit:x  TemplateInterp:${ Ident:y "
                                "TemplateSeqEnd:} StringLit:\\n CHeredoc:EOF Newline:\\n EOF:"},
    {"a = <<-EOT\r\n  x\r\n  EOT\r\n", "Ident:a Equal:= OHeredoc:<<-EOT\\r\\n StringLit:  x\\r\\n CHeredoc:  EOT "
                                      "Newline:\\r\\n EOF:"},
    {"a = <<EOF\n${x}EOF\nEOF", "Ident:a Equal:= OHeredoc:<<EOF\\n TemplateInterp:${ Ident:x TemplateSeqEnd:} "
                               "StringLit:EOF\\n StringLit:EOF EOF:"},
    // hclsyntax's lone-dollar quirk: "$X" stays whole only before a newline
    {"a = <<EOF\nx$a\n$b c\n$$\nEOF\n", "Ident:a Equal:= OHeredoc:<<EOF\\n StringLit:x StringLit:$a StringLit:\\n "
                                        "StringLit:$ StringLit:b c\\n StringLit:$$ StringLit:\\n CHeredoc:EOF "
                                        "Newline:\\n EOF:"},
    {"a = <<EOF\nx\ry\n", "Ident:a Equal:= OHeredoc:<<EOF\\n StringLit:x Invalid:\\ry\\n EOF:"},
    {"<<EOF x", "LessThan:< LessThan:< Ident:EOF Ident:x EOF:"},
    {"{ } }", "OBrace:{ CBrace:} CBrace:} EOF:"},
    {"x ~} y", "Ident:x TemplateSeqEnd:~} Ident:y EOF:"},
    {"caf\xC3\xA9 = \xE2\x80\x9Cx\xE2\x80\x9D", "Ident:caf\xC3\xA9 Equal:= Invalid:\xE2\x80\x9C Ident:x "
                                                 "Invalid:\xE2\x80\x9D EOF:"},
    {"a\xFF\xC3", "Ident:a BadUTF8:\xFF BadUTF8:\xC3 EOF:"},
    {"$ @ \\", "Invalid:$ Invalid:@ Invalid:\\ EOF:"},
    {"", "EOF:"},
};

}  // namespace

TEST_CASE("lex_tokens gives hclsyntax's token sequence", "[tokens]") {
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        CHECK(render(c.input) == c.tokens);
    }
}

TEST_CASE("lex_tokens ranges are byte offsets in the file, BOM included", "[tokens]") {
    const SourceFile file("t.hcl", "\xEF\xBB\xBF" "ab = 1");
    const auto tokens = lex_tokens(file);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].range == hjob::Range{3, 5});
    CHECK(tokens[3].type == TokenType::Eof);
    CHECK(tokens[3].range == hjob::Range{9, 9});
}

TEST_CASE("lexical diagnostics follow hclsyntax's checkInvalidTokens", "[tokens]") {
    const SourceFile file("t.hcl", "a = \xE2\x80\x9Cx\xE2\x80\x9D;;\nb = \"x\ny\" & c\n\xFF\xFF");
    hjob::Diagnostics diags;
    lex_tokens(file, diags);
    std::vector<std::string> summaries;
    for (const auto& d : diags) summaries.push_back(d.summary + " @" + std::to_string(d.subject.range.begin));
    // one report for two semicolons and for two bad bytes; every invalid character reported
    const std::vector<std::string> expected = {
        "Invalid character @4", "Invalid character @8", "Invalid character @11",
        "Invalid multi-line string @20", "Unsupported operator @24", "Invalid character encoding @28"};
    CHECK(summaries == expected);
    CHECK(diags[0].detail.find("Curly quotes") != std::string::npos);
    CHECK(diags[0].subject.file == &file);
}

TEST_CASE("hostile inputs lex without deep recursion", "[tokens]") {
    std::string nested;
    for (int i = 0; i < 200000; ++i) nested += "\"${";
    const auto tokens = lex_tokens(SourceFile("deep.hcl", nested));
    CHECK(tokens.size() == 400001);  // OQuote and TemplateInterp each time, then EOF
    std::string heredocs;
    for (int i = 0; i < 50000; ++i) heredocs += "<<A\n${";
    CHECK(lex_tokens(SourceFile("h.hcl", heredocs)).back().type == TokenType::Eof);
    CHECK(lex_tokens(SourceFile("b.hcl", std::string(100000, '}'))).size() == 100001);
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

std::string run(const std::string& cmd) {
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[65536];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

std::vector<fs::path> corpus_files(const fs::path& corpus) {
    std::vector<fs::path> files;
    for (const char* dir : {"jobs", "templated", "hcl-spec"}) {
        if (!fs::is_directory(corpus / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(corpus / dir)) {
            const auto ext = e.path().extension();
            if (e.is_regular_file() && (std::string(dir) != "hcl-spec" || ext == ".hcl")) files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// hclref's lines without the quoted text: "TYPE l:c-l:c bytes=a-b".
std::string reference_tokens(const std::string& hclref, const fs::path& file) {
    std::istringstream in(run(shell_quote(hclref) + " tokens " + shell_quote(file.string()) + " 2>/dev/null"));
    std::string out, line;
    while (std::getline(in, line)) {
        std::size_t cut = line.find(" bytes=");
        cut = line.find(' ', cut + 1);
        out += line.substr(0, cut) + '\n';
    }
    return out;
}

// The same lines from lex_tokens. hclsyntax does not count the BOM as a column.
std::string our_tokens(const SourceFile& file) {
    const bool bom = file.text().starts_with("\xEF\xBB\xBF");
    std::string out;
    for (const auto& t : lex_tokens(file)) {
        auto b = file.position(t.range.begin), e = file.position(t.range.end);
        if (bom && b.line == 1) --b.column;
        if (bom && e.line == 1) --e.column;
        out += std::string(token_type_name(t.type)) + ' ' + std::to_string(b.line) + ':' + std::to_string(b.column) +
               '-' + std::to_string(e.line) + ':' + std::to_string(e.column) + " bytes=" +
               std::to_string(t.range.begin) + '-' + std::to_string(t.range.end) + '\n';
    }
    return out;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("lex_tokens agrees with hclref tokens on the corpus", "[tokens][differential]") {
    const std::string hclref = find_hclref();
    const fs::path corpus = fs::path(HJOB_SHARED_DIR) / "corpus";
    if (hclref.empty() || !fs::is_directory(corpus)) {
        WARN("skipped: hclref (HCLREF, " HJOB_BINARY_DIR "/peers/hclref, /tmp/hclref/hclref) or the corpus is absent");
        return;
    }
    int passed = 0, failed = 0;
    double lex_seconds = 0;
    std::size_t bytes = 0;
    for (const auto& path : corpus_files(corpus)) {
        const SourceFile file(path.string(), read_file(path));
        const auto t0 = std::chrono::steady_clock::now();
        const auto count = lex_tokens(file).size();
        lex_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        bytes += file.text().size();
        const std::string ours = our_tokens(file);
        REQUIRE(count > 0);
        const std::string theirs = reference_tokens(hclref, path);
        if (ours == theirs) {
            ++passed;
            continue;
        }
        ++failed;
        INFO("file: " << path.string());
        CHECK(ours == theirs);
    }
    std::cout << "tokens vs hclref: " << passed << " passed, " << failed << " failed; lexing "
              << (passed + failed ? lex_seconds * 1e6 / (passed + failed) : 0) << " us/file, "
              << (lex_seconds > 0 ? bytes / lex_seconds / 1e6 : 0) << " MB/s\n";
    CHECK(passed > 0);
}
