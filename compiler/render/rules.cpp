// The catalog of rule descriptions (see rules.hpp). Wording: a short description is a noun
// phrase, the full description says what is wrong, the help says what to do.
#include "rules.hpp"

#include <array>

namespace hjob::render {

namespace {

struct Entry {
    std::string_view code, short_description, full_description, help;
};

constexpr std::array<Entry, 1> catalog{{
    {"syntax/hcl1", "Legacy HCL1 syntax",
     "The file uses forms of HCL1, the job file syntax that Nomad 1.9 removed; HCL2 reads them differently or not at all.",
     "Write argument names without quotes, put map keys that need quotes inside a map argument (env = { \"A.B\" = \"x\" }), "
     "and put each argument of a block on its own line."},
}};

}  // namespace

RuleText describe_rule(std::string_view code, std::string_view first_summary) {
    for (const auto& e : catalog)
        if (e.code == code)
            return {std::string(e.short_description), std::string(e.full_description), std::string(e.help)};
    std::string summary = first_summary.empty() ? std::string(code) : std::string(first_summary);
    return {summary, summary + ".",
            "hjob check reports this problem as " + std::string(code.empty() ? "hjob/unclassified" : code) +
                "; run it on the file for the source excerpt and the full detail."};
}

}  // namespace hjob::render
