// The Nomad job specification as data: every stanza (block) and argument (attribute) a job
// file may contain, with types, Nomad's canonical defaults, allowed values and one-line docs.
// The binder walks syntax trees with it; `hjob check` uses it for did-you-mean; the LSP will
// use it for hover and completion. One file per stanza family defines the tables.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hjob::schema {

/// The type an argument's value is converted to (cty types, plus Nomad's duration).
enum class ValueType : unsigned char {
    string,
    number,
    boolean,
    duration,         ///< Go duration string ("1h30m") or a number of nanoseconds
    string_list,      ///< list(string)
    string_map,       ///< map(string)
    string_list_map,  ///< map(list(string)), e.g. check `header`
    map_list,         ///< list(map(string)), e.g. docker `labels`, `ulimit`
    number_map_list,  ///< list(map(number)), docker `port_map`
    any,              ///< kept as written (any JSON-representable value)
};

/// "string", "number", "bool", "duration", "list(string)", ... as docs and messages say it.
std::string_view type_name(ValueType t);

/// One argument. Build with `attr(...)` and the chained setters so tables stay readable.
struct Attribute {
    std::string_view name;
    ValueType type = ValueType::string;
    bool required = false;        ///< Nomad rejects the job without it (parse or server validation)
    bool parse_required = false;  ///< jobspec2's decoder already rejects it ("Missing required argument")
    std::string_view default_value;  ///< Nomad's canonical default as HCL writes it; "" when none
    std::string_view allowed;        ///< allowed values separated by '|'; "" when free
    std::string_view doc;
    bool deprecated = false;

    constexpr Attribute req() const { Attribute a = *this; a.required = true; return a; }
    constexpr Attribute parse_req() const { Attribute a = *this; a.required = a.parse_required = true; return a; }
    constexpr Attribute def(std::string_view d) const { Attribute a = *this; a.default_value = d; return a; }
    constexpr Attribute one_of(std::string_view v) const { Attribute a = *this; a.allowed = v; return a; }
    constexpr Attribute old() const { Attribute a = *this; a.deprecated = true; return a; }
};

constexpr Attribute attr(std::string_view name, ValueType type, std::string_view doc) {
    Attribute a;
    a.name = name;
    a.type = type;
    a.doc = doc;
    return a;
}

/// What a block's body may hold besides its declared arguments and blocks.
enum class BodyKind : unsigned char {
    fixed,       ///< only the declared arguments and blocks
    string_map,  ///< any argument names, values of map_values, no blocks (meta, env)
    opaque,      ///< anything; nested blocks become lists of objects (driver config, policy)
};

struct Block {
    std::string_view name;
    std::string_view doc;
    std::span<const Attribute> attributes;
    std::span<const Block* const> blocks;
    std::string_view label;  ///< the label's name ("name") when the block takes one
    bool repeatable = false;
    BodyKind kind = BodyKind::fixed;
    /// The type of every argument of a string_map body (meta: string; check header: list).
    ValueType map_values = ValueType::string;
    /// Also accepted as a map argument `name = { ... }` (jobspec2's meta/env quirk).
    bool map_argument = false;
    bool deprecated = false;

    constexpr Block labelled(std::string_view l) const { Block b = *this; b.label = l; return b; }
    constexpr Block many() const { Block b = *this; b.repeatable = true; return b; }
    constexpr Block body(BodyKind k) const { Block b = *this; b.kind = k; return b; }
    constexpr Block map_of(ValueType t) const { Block b = *this; b.kind = BodyKind::string_map; b.map_values = t; return b; }
    constexpr Block also_map() const { Block b = *this; b.map_argument = true; return b; }
    constexpr Block old() const { Block b = *this; b.deprecated = true; return b; }
};

constexpr Block block(std::string_view name, std::string_view doc, std::span<const Attribute> attributes = {},
                      std::span<const Block* const> blocks = {}) {
    Block b;
    b.name = name;
    b.doc = doc;
    b.attributes = attributes;
    b.blocks = blocks;
    return b;
}

/// The top level of a job file: `variable`, `variables`, `locals` and `job`.
const Block& file_root();
/// The `job` block.
const Block& job();

/// The child block named `name` of `parent`, or nullptr.
const Block* find_block(const Block& parent, std::string_view name);
/// The argument named `name` of `block`, or nullptr.
const Attribute* find_attribute(const Block& block, std::string_view name);
/// Every argument and block name `block` declares, arguments first (for did-you-mean).
std::vector<std::string_view> candidate_names(const Block& block);
/// The allowed values of `a`, split (empty when any value is allowed).
std::vector<std::string_view> allowed_values(const Attribute& a);

/// HCL's nameSuggestion: the first candidate within Levenshtein distance 2 of `given`.
std::optional<std::string_view> suggest(std::string_view given, std::span<const std::string_view> candidates);
/// Edit distance between two names (bytes).
std::size_t levenshtein(std::string_view a, std::string_view b);

/// The typed schema of the `config` block for drivers hjob knows (exec, raw_exec, docker);
/// nullptr for any other driver, whose config stays an open map.
const Block* driver_config(std::string_view driver);

}  // namespace hjob::schema
