// Positions: byte offsets in, line and character column out, as HCL reports them.
#include <catch2/catch.hpp>

#include "grammar/source.hpp"

namespace {

struct PositionCase {
    const char* text;
    std::uint32_t offset;
    std::uint32_t line, column;
};

const PositionCase position_cases[] = {
    {"abc", 0, 1, 1},
    {"abc", 2, 1, 3},
    {"abc", 3, 1, 4},
    {"abc", 99, 1, 4},                       // clamped to the end
    {"a\nb", 2, 2, 1},
    {"a\r\nb", 3, 2, 1},                     // CRLF is one line end
    {"caf\xC3\xA9 = 1", 6, 1, 6},            // columns count characters, not bytes
    {"e\xCC\x81x", 3, 1, 2},                 // a combining accent joins its letter
    {"\xEF\xBB\xBF" "a = 1", 3, 1, 1},      // the byte order mark takes no column
    {"\xEF\xBB\xBF" "a = 1", 5, 1, 3},
    {"\xEF\xBB\xBF" "a\nb", 5, 2, 1},
};

}  // namespace

TEST_CASE("source: positions") {
    for (const auto& c : position_cases) {
        INFO("text: " << c.text << " offset " << c.offset);
        const hjob::SourceFile f("t.hcl", c.text);
        const auto p = f.position(c.offset);
        CHECK(p.line == c.line);
        CHECK(p.column == c.column);
    }
}

TEST_CASE("source: line text without its terminator") {
    const hjob::SourceFile f("t.hcl", "a\r\nbc\n\nd");
    CHECK(f.line_count() == 4);
    CHECK(f.line_text(1) == "a");
    CHECK(f.line_text(2) == "bc");
    CHECK(f.line_text(3).empty());
    CHECK(f.line_text(4) == "d");
    CHECK(f.line_text(5).empty());
}
