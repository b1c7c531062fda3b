// The text of each rule (diagnostic code) for formats that describe rules apart from results:
// SARIF's tool.driver.rules. Known codes have a written description; any other code is
// described from the summary of its first diagnostic, so a new rule never breaks the output.
#pragma once

#include <string>
#include <string_view>

namespace hjob::render {

struct RuleText {
    std::string short_description;
    std::string full_description;
    std::string help;
};

/// The description of `code`; `first_summary` is the summary of a diagnostic with that code,
/// used for codes the catalog does not know.
RuleText describe_rule(std::string_view code, std::string_view first_summary);

}  // namespace hjob::render
