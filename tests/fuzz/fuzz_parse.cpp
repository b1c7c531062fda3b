// libFuzzer target for the front end: any bytes through parse_config must give a tree and
// diagnostics whose ranges lie inside the file, never a crash, hang or sanitizer report.
// Built by `scripts/dev fuzz` (clang, -DHJOB_FUZZ=ON); not part of the test suite.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "grammar/parser.hpp"

namespace {

using hjob::Range;
using hjob::SourceFile;

// A broken invariant is a finding: abort so libFuzzer saves the input.
void expect(bool ok) {
    if (!ok) std::abort();
}

void check_range(const SourceFile& file, Range r) {
    expect(r.begin <= r.end && r.end <= file.text().size());
    const auto b = file.position(r.begin), e = file.position(r.end);
    expect(b.byte == r.begin && e.byte == r.end);
    expect(b.line <= e.line && e.line <= file.line_count());
}

void check_source_range(const SourceFile& file, const hjob::SourceRange& r) {
    if (r.file == nullptr) return;  // an absent context range
    expect(r.file == &file);
    check_range(file, r.range);
}

// Walks the bodies (not the expressions): every attribute and block points into the file.
void check_body(const SourceFile& file, const hjob::syntax::Body& body, int depth) {
    expect(depth <= static_cast<int>(hjob::syntax::max_nesting_depth) + 1);
    check_range(file, body.range);
    for (const auto& a : body.attributes) {
        check_range(file, a.name_range);
        check_range(file, a.range);
        expect(a.expr != nullptr);
        check_range(file, a.expr->range);
    }
    for (const auto& b : body.blocks) {
        check_range(file, b.type_range);
        for (const auto& l : b.labels) check_range(file, l.range);
        expect(b.body != nullptr);
        check_body(file, *b.body, depth + 1);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const SourceFile file("fuzz.hcl", std::string(reinterpret_cast<const char*>(data), size));
    const auto tree = hjob::syntax::parse_config(file);
    expect(tree.body != nullptr);
    check_body(file, *tree.body, 0);
    for (const auto& d : tree.diagnostics) {
        expect(!d.summary.empty());
        check_source_range(file, d.subject);
        check_source_range(file, d.context);
        for (const auto& n : d.notes) check_source_range(file, n.where);
        for (const auto& f : d.fixes) check_source_range(file, f.where);
    }
    return 0;
}
