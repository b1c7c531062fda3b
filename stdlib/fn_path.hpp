// Go's path/filepath (Unix flavour), go-homedir's Expand and doublestar's glob matching,
// for the filesystem functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hjob::cty::fn {

/// filepath.Clean: lexical cleaning ("a//b/../c/" -> "a/c", "" -> ".").
std::string path_clean(std::string_view p);
/// filepath.Join: the non-empty parts joined with "/" and cleaned.
std::string path_join(std::string_view a, std::string_view b);
/// filepath.Base and filepath.Dir.
std::string path_base(std::string_view p);
std::string path_dir(std::string_view p);
/// homedir.Expand: a leading "~" or "~/" becomes $HOME; "~user" is an error.
std::optional<std::string> home_expand(std::string_view p, std::string& error);
/// doublestar.Match on slash-separated paths: `**` spans segments, `*` `?` `[...]`
/// `{a,b}` and `\` escapes within one.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace hjob::cty::fn
