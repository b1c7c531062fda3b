// The template language: one line per case (template, output), then errors with their line and
// column, then hostile templates that must end in a clean error.
#include <catch2/catch.hpp>

#include <cctype>
#include <random>

#include "runtime/template/template.hpp"

using namespace hjob::runtime;

namespace {

tmpl::Sources env_only() {
    tmpl::Sources s;
    s.env = [](const std::string& n) -> std::optional<std::string> {
        if (n == "NOMAD_TASK_NAME") return "web";
        if (n == "LIST") return "a,b,c";
        return std::nullopt;
    };
    return s;
}

std::string out(const std::string& text) {
    auto r = tmpl::render(text, env_only());
    INFO(text << " -> " << r.error);
    REQUIRE(r.ok);
    return r.text;
}

std::string err(const std::string& text) {
    auto r = tmpl::render(text, env_only());
    INFO(text << " -> " << r.text);
    REQUIRE_FALSE(r.ok);
    return r.error;
}

}  // namespace

TEST_CASE("template: text, actions, trimming and comments") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"plain text", "plain text"},
        {"a {{ \"b\" }} c", "a b c"},
        {"a  {{- \"b\" -}}  c", "abc"},
        {"x\n  {{- /* a comment */ -}}\n  y", "xy"},
        {"{{/* only */}}z", "z"},
        {"{{ 42 }} {{ -7 }} {{ 1.5 }} {{ true }}", "42 -7 1.5 true"},
        {"{{ `raw \\n` }}", "raw \\n"},
        {"{{ \"tab\\tq\\\"\" }}", "tab\tq\""},
        {"{{ env \"NOMAD_TASK_NAME\" }}", "web"},
        {"[{{ env \"MISSING\" }}]", "[]"},
        {"{{ $x := \"v\" }}{{ $x }}", "v"},
        {"{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"},
        {"{{ if true }}yes{{ end }}", "yes"},
        {"{{ if false }}yes{{ else }}no{{ end }}", "no"},
        {"{{ if eq 1 2 }}a{{ else if eq 2 2 }}b{{ else }}c{{ end }}", "b"},
        {"{{ if and 1 0 }}a{{ else }}b{{ end }}{{ or 0 \"\" \"z\" }}{{ and 1 2 }}", "bz2"},
        {"{{ if not \"\" }}empty{{ end }}", "empty"},
        {"{{ range split \",\" (env \"LIST\") }}[{{ . }}]{{ end }}", "[a][b][c]"},
        {"{{ range $i, $e := split \",\" \"x,y\" }}{{ $i }}={{ $e }};{{ end }}", "0=x;1=y;"},
        {"{{ range $e := split \",\" \"\" }}x{{ else }}none{{ end }}", "none"},
        {"{{ with env \"NOMAD_TASK_NAME\" }}<{{ . }}>{{ end }}{{ with env \"NO\" }}x{{ else }}-{{ end }}", "<web>-"},
        {"{{ \"a,b\" | split \",\" | join \"+\" }}", "a+b"},
        {"{{ \"Hello\" | toUpper }} {{ toLower \"ABC\" }} [{{ trimSpace \"  s \" }}]", "HELLO abc [s]"},
        {"{{ \"a.b.c\" | replaceAll \".\" \"_\" }}", "a_b_c"},
        {"{{ printf \"%s-%d-%05.1f-%q-%x-%5s|%-3d|\" \"a\" 7 3.14159 \"q\" 255 \"r\" 1 }}", "a-7-003.1-\"q\"-ff-    r|1  |"},
        {"{{ printf \"%d %d\" 1 }}", "1 %!d(MISSING)"},
        {"{{ print 1 2 \"a\" \"b\" }}", "1 2ab"},
        {"{{ len \"abc\" }} {{ len (split \",\" \"a,b\") }}", "3 2"},
        {"{{ index (split \",\" \"a,b\") 1 }}", "b"},
        {"{{ \"x\" | toJSON }} {{ split \",\" \"a,b\" | toJSON }}", "\"x\" [\"a\",\"b\"]"},
        {"{{ parseInt \"42\" | printf \"%d\" }} {{ if lt (parseInt \"3\") 4 }}lt{{ end }}", "42 lt"},
        {"{{ \"hjob\" | base64Encode }} {{ \"aGpvYg==\" | base64Decode }}", "aGpvYg== hjob"},
        {"{{ if contains \"b\" (split \",\" \"a,b\") }}in{{ end }} {{ if contains \"ll\" \"hello\" }}sub{{ end }}", "in sub"},
        {"{{ if ge 2 2 }}{{ if gt 2.5 2 }}{{ if le \"a\" \"b\" }}{{ if ne 1 2 }}ok{{ end }}{{ end }}{{ end }}{{ end }}", "ok"},
        {"{{ if eq \"b\" \"a\" \"b\" }}any{{ end }}", "any"},
        {"{{ $ }}", "<no value>"},
        {"{{ range split \",\" \"a,b,c,d\" }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ if eq . \"d\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "ac"},
    };
    for (const auto& [text, expected] : cases) CHECK(out(text) == expected);
}

TEST_CASE("template: custom delimiters leave {{ }} alone") {
    tmpl::Options o;
    o.left = "[[";
    o.right = "]]";
    auto r = tmpl::render("{{ not an action }} [[ env \"NOMAD_TASK_NAME\" ]] [[- \" x\" ]]", env_only(), o);
    REQUIRE(r.ok);
    CHECK(r.text == "{{ not an action }} web x");
}

TEST_CASE("template: variables end with their block") {
    CHECK(err("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}") == "1:39: undefined variable \"$x\"");
}

TEST_CASE("template: errors carry line and column") {
    CHECK(err("line one\n  {{ nosuch \"x\" }}") == "2:6: function \"nosuch\" not defined");
    CHECK(err("a\n{{ if true }}b") == "2:1: missing {{end}} for the {{if}} here");
    CHECK(err("{{ end }}") == "1:4: unexpected {{end}}");
    CHECK(err("ab\n\n  {{ \"x\" ") == "3:3: unclosed action: no }} before the end");
    CHECK(err("{{/* never closed") == "1:1: unclosed comment");
    CHECK(err("{{ \"open }}") == "1:4: unterminated string");
    CHECK(err("é {{ index \"s\" 1 }}") == "1:6: error calling index: can't index item of type string");
    CHECK(err("{{ .Field }}") == "1:4: nil data; no entry for key \"Field\"");
    CHECK(err("{{ \"a\" \"b\" }}") == "1:4: can't give argument to non-function a");
    CHECK(err("{{ lt \"a\" 1 }}") == "1:4: error calling lt: incompatible types for comparison: string and int");
    CHECK(err("{{ parseInt \"x1\" }}") == "1:4: error calling parseInt: parseInt: invalid syntax: \"x1\"");
    CHECK(err("{{ template \"x\" }}") == "1:4: {{template}} is not supported in hjob templates");
    CHECK(err("{{ if true }}{{ break }}{{ end }}") == "1:17: {{break}} outside {{range}}");
    CHECK(err("{{ range 5 }}{{ end }}") == "1:1: range can't iterate over 5");
}

TEST_CASE("template: Consul KV functions are refused with a reason") {
    std::string e = err("{{ if false }}{{ key \"service/x\" }}{{ end }}");
    CHECK(e.rfind("1:18: function \"key\" reads Consul's KV store, which hjob does not have", 0) == 0);
    CHECK(err("{{ keyOrDefault \"a\" \"b\" }}").find("Consul's KV store") != std::string::npos);
}

TEST_CASE("template: hostile templates end in a clean error") {
    SECTION("deep nesting of blocks") {
        std::string t;
        for (int i = 0; i < 5000; ++i) t += "{{ if true }}";
        CHECK(err(t).find("nesting deeper than 100 levels") != std::string::npos);
    }
    SECTION("deep nesting of parentheses") {
        std::string t = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
        CHECK(err(t).find("nesting deeper than 100 levels") != std::string::npos);
    }
    SECTION("nesting just under the limit works") {
        std::string t, end;
        for (int i = 0; i < 99; ++i) t += "{{ if true }}", end += "{{ end }}";
        CHECK(out(t + "x" + end) == "x");
    }
    SECTION("output explosion is bounded") {
        std::string big = "{{ $l := split \",\" \"" + std::string(999, ',') + "\" }}";
        std::string t = big + "{{ range $l }}{{ range $l }}{{ range $l }}xxxxxxxxxx{{ end }}{{ end }}{{ end }}";
        std::string e = err(t);
        CHECK((e.find("larger than 4 MiB") != std::string::npos || e.find("steps") != std::string::npos));
    }
    SECTION("work without output is bounded") {
        std::string big = "{{ $l := split \",\" \"" + std::string(999, ',') + "\" }}";
        std::string t = big + "{{ range $l }}{{ range $l }}{{ range $l }}{{ end }}{{ end }}{{ end }}";
        CHECK(err(t).find("more than 1000000 steps") != std::string::npos);
    }
    SECTION("garbage") {
        for (const char* t : {"{{", "{{}}", "{{ | }}", "{{ ( }}", "{{ ) }}", "{{ $x := }}", "{{ := 1 }}", "{{ if }}{{ end }}",
                              "{{ else }}", "{{ range $a, $b, $c := 1 }}{{ end }}", "{{ \"\\q\" }}", "{{ 1.2.3 }}", "{{ @ }}",
                              "{{ .a.b. }}", "{{- -}}", "{{ printf }}", "{{ index }}", "{{ 'ab' }}"}) {
            auto r = tmpl::render(t, env_only());
            INFO(t);
            CHECK_FALSE(r.ok);
            CHECK_FALSE(r.error.empty());
        }
    }
}

TEST_CASE("template: random token soup never crashes or hangs") {
    // Fragments of the language shuffled at random (fixed seed): every render must return, with
    // either text or an error that has a position.
    const std::vector<std::string> parts = {"{{", "}}", "{{- ", " -}}", "if ", "else ", "end", "range ", "with ", "$x ", ":= ",
                                            "= ", "| ", "(", ")", ".", ".A", "\"s\"", "`r`", "1 ", "-2 ", "3.5 ", "eq ", "and ",
                                            "or ", "not ", "len ", "index ", "printf ", "\"%d %s %q\" ", "split \",\" ", "join ",
                                            "env ", "/* c */", "break", "continue", "$ ", ", ", "text ", "\n", "toJSON ", "nil "};
    std::mt19937 rng(20261129);
    int ok = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string t;
        int n = 1 + int(rng() % 24);
        for (int i = 0; i < n; ++i) t += parts[rng() % parts.size()];
        auto r = tmpl::render(t, env_only());
        if (r.ok) {
            ++ok;
        } else {
            INFO(t);
            REQUIRE(r.error.find(':') != std::string::npos);
            REQUIRE(std::isdigit(static_cast<unsigned char>(r.error[0])));
        }
    }
    CHECK(ok > 100);  // the soup is not all errors: it does exercise execution
}
