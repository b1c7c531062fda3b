// Declarations of the generated Unicode range tables (unicode_tables.cpp).
#pragma once

namespace hjob::unicode {

struct CodeRange {
    char32_t first;
    char32_t last;
};

extern const CodeRange id_start_ranges[647];
extern const CodeRange id_continue_ranges[753];

}  // namespace hjob::unicode
