// man/hjob-job.5 stays in step with what hjob checks. Its STANZAS section, between the
// `.\" BEGIN STANZAS` and `.\" END STANZAS` lines, is generated here from compiler/schema
// (every block by its path, every argument with type, default and allowed values) and must
// equal the page; `HJOB_REGENERATE=1 ctest --test-dir build -R hjob-job.5` rewrites it. Every
// code the validator can report must be listed in the VALIDATION or WARNINGS section.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "compiler/schema/schema.hpp"

namespace fs = std::filesystem;
using hjob::schema::Block;

namespace {

const fs::path page_path = fs::path(HJOB_SOURCE_DIR) / "man" / "hjob-job.5";
const std::string begin_marker = ".\\\" BEGIN STANZAS";
const std::string end_marker = ".\\\" END STANZAS";

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// `text` as roff prints it literally.
std::string roff(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else if (c == '"') out += "\\(dq";
        else out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
    return out;
}

std::string flags(const Block& b) {
    std::string f;
    if (!b.label.empty()) f += "Takes one label (" + roff(b.label) + "). ";
    if (b.repeatable) f += "Repeatable. ";
    if (b.map_argument) f += "Also written as a map argument: \\fB" + roff(b.name) + " = { ... }\\fR. ";
    if (b.kind == hjob::schema::BodyKind::string_map)
        f += "Any argument names; values of type " + roff(hjob::schema::type_name(b.map_values)) + ". ";
    if (b.kind == hjob::schema::BodyKind::opaque) f += "Free-form: nested blocks become lists of objects. ";
    if (b.deprecated) f += "Deprecated. ";
    return f;
}

std::string argument(const hjob::schema::Attribute& a) {
    std::string out = ".TP\n.BR " + roff(a.name) + " \" (" + roff(hjob::schema::type_name(a.type));
    if (!a.default_value.empty()) out += ", default " + roff(a.default_value);
    if (a.required) out += ", required";
    if (a.deprecated) out += ", deprecated";
    out += ")\"\n" + roff(a.doc);
    if (!a.allowed.empty()) {
        std::string values;
        for (char c : a.allowed) values += c == '|' ? std::string(", ") : std::string(1, c);
        out += " One of: " + roff(values) + ".";
    }
    return out + "\n";
}

/// One `.SS path` entry per block, depth first; a block met again is only referred to.
void generate(const Block& b, const std::string& path, std::set<const Block*>& seen, std::string& out) {
    out += ".SS " + roff(path) + "\n" + roff(b.doc) + "\n";
    if (const std::string f = flags(b); !f.empty()) out += f + "\n";
    for (const auto& a : b.attributes) out += argument(a);
    if (!seen.insert(&b).second) return;
    for (const Block* c : b.blocks) {
        if (seen.count(c) != 0) {
            out += ".PP\n" + roff(path + "." + std::string(c->name)) + ": as " + roff(c->name) + " above.\n";
            continue;
        }
        generate(*c, path + "." + std::string(c->name), seen, out);
    }
}

std::string stanzas() {
    std::string out;
    std::set<const Block*> seen;
    for (const Block* c : hjob::schema::file_root().blocks)
        if (c->name != "job") generate(*c, std::string(c->name), seen, out);
    generate(hjob::schema::job(), "job", seen, out);
    for (const char* driver : {"exec", "raw_exec", "docker"})
        if (const Block* b = hjob::schema::driver_config(driver))
            generate(*b, std::string("config (driver \"") + driver + "\")", seen, out);
    return out;
}

bool regenerating() {
    const char* v = std::getenv("HJOB_REGENERATE");
    return v != nullptr && *v != '\0' && std::string(v) != "0";
}

}  // namespace

TEST_CASE("hjob-job.5: the STANZAS section is the job schema", "[validate][man]") {
    std::string page = read(page_path);
    const auto begin = page.find(begin_marker);
    REQUIRE(begin != std::string::npos);
    const auto body = page.find('\n', page.find('\n', begin) + 1) + 1;  // after the two marker lines
    const auto end = page.find(end_marker, body);
    REQUIRE(end != std::string::npos);
    const std::string expected = stanzas();
    if (regenerating()) {
        page.replace(body, end - body, expected);
        std::ofstream(page_path, std::ios::binary) << page;
        return;
    }
    CHECK(page.substr(body, end - body) == expected);
    CHECK(expected.find(".SS job.group.task.service.check\n") != std::string::npos);
}

TEST_CASE("hjob-job.5: every code the validator reports is listed", "[validate][man]") {
    static const std::regex call(R"~(r\.(error|warning)\(\s*"([a-z0-9-]+)")~");
    std::set<std::string> codes;
    for (const auto& e : fs::directory_iterator(fs::path(HJOB_SOURCE_DIR) / "compiler" / "validate")) {
        const std::string text = read(e.path());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it)
            codes.insert(((*it)[1] == "error" ? "validate/" : "warn/") + (*it)[2].str());
    }
    REQUIRE(codes.size() > 50);
    const std::string page = read(page_path);
    const auto validation = page.find("\n.SH VALIDATION\n");
    REQUIRE(validation != std::string::npos);
    const std::string listed = page.substr(validation);
    for (const auto& code : codes) {
        INFO(code);
        // A family may be listed once with a wildcard: validate/update\-* covers validate/update-stagger.
        const auto dash = code.find('-');
        const bool family = dash != std::string::npos && listed.find(roff(code.substr(0, dash)) + "\\-*") != std::string::npos;
        CHECK((family || listed.find(roff(code)) != std::string::npos));
    }
}
