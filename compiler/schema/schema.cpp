// Lookups over the stanza tables, and the did-you-mean that HCL offers for misspelt names.
#include "schema.hpp"

#include <algorithm>
#include <numeric>

#include "blocks.hpp"

namespace hjob::schema {

std::string_view type_name(ValueType t) {
    switch (t) {
    case ValueType::string: return "string";
    case ValueType::number: return "number";
    case ValueType::boolean: return "bool";
    case ValueType::duration: return "duration";
    case ValueType::string_list: return "list(string)";
    case ValueType::string_map: return "map(string)";
    case ValueType::string_list_map: return "map(list(string))";
    case ValueType::map_list: return "list(map(string))";
    case ValueType::number_map_list: return "list(map(number))";
    case ValueType::any: return "any";
    }
    return "any";
}

const Block& file_root() { return blocks::file_root; }
const Block& job() { return blocks::job; }

const Block* find_block(const Block& parent, std::string_view name) {
    for (const Block* b : parent.blocks)
        if (b->name == name) return b;
    return nullptr;
}

const Attribute* find_attribute(const Block& block, std::string_view name) {
    for (const Attribute& a : block.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

std::vector<std::string_view> candidate_names(const Block& block) {
    std::vector<std::string_view> names;
    for (const Attribute& a : block.attributes) names.push_back(a.name);
    for (const Block* b : block.blocks) names.push_back(b->name);
    return names;
}

std::vector<std::string_view> allowed_values(const Attribute& a) {
    std::vector<std::string_view> out;
    std::string_view rest = a.allowed;
    while (!rest.empty()) {
        const auto bar = rest.find('|');
        out.push_back(rest.substr(0, bar));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
    return out;
}

std::size_t levenshtein(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::optional<std::string_view> suggest(std::string_view given, std::span<const std::string_view> candidates) {
    // hclsyntax's nameSuggestion: distance < 3, first match in declaration order wins.
    for (std::string_view c : candidates)
        if (levenshtein(given, c) < 3) return c;
    return std::nullopt;
}

const Block* driver_config(std::string_view driver) {
    if (driver == "exec") return &blocks::exec_config;
    if (driver == "raw_exec") return &blocks::raw_exec_config;
    if (driver == "docker") return &blocks::docker_config;
    return nullptr;
}

}  // namespace hjob::schema
