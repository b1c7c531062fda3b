// Literal fast paths of the binder: most arguments of a job file are plain literals ("web",
// 3, true, ["a", "b"]), whose value needs no scope, no runtime-reference walk and no cty value.
// Each helper says whether an expression is such a literal and gives what evaluating it and
// converting it to the wanted type would give, so Body's getters can skip both.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "grammar/syntax.hpp"

namespace hjob::bind::detail {

/// Whether evaluating `e` can reach no variable, function or runtime reference (a literal, or
/// a template of literal parts only).
bool is_constant(const syntax::Expr& e);
/// The text of a string written without interpolation ("abc", a heredoc of plain text),
/// before NFC normalisation, as the evaluator would give it.
std::optional<std::string_view> literal_string(const syntax::Expr& e);
/// A whole-number literal of at most 18 digits (no sign, point or exponent): exact in cty's
/// 512-bit numbers and in int64.
std::optional<std::int64_t> literal_integer(const syntax::Expr& e);
/// `true` or `false`.
std::optional<bool> literal_bool(const syntax::Expr& e);

}  // namespace hjob::bind::detail
