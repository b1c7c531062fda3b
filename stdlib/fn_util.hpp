// Internal helpers shared by the function families (fn_*.cpp): building cty::Function
// values tersely, results and errors worded as go-cty words them, and the conversions
// go-cty's gocty package performs (number -> int). Not part of the stdlib interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "function.hpp"
#include "functions.hpp"

namespace hjob::cty::fn {

/// Parameter switches, combinable with |.
enum Allow : unsigned { none = 0, null = 1, unknown = 2, dynamic = 4 };

Parameter param(std::string name, Type type, unsigned allow = none);

/// A function with fixed parameters; `ret` may be empty when `static_ret` is given.
Function make(std::vector<Parameter> params, Type static_ret, Function::ImplFn impl);
Function make(std::vector<Parameter> params, Function::ReturnTypeFn ret, Function::ImplFn impl);
/// The same with a variadic tail.
Function make_var(std::vector<Parameter> params, Parameter var, Type static_ret, Function::ImplFn impl);
Function make_var(std::vector<Parameter> params, Parameter var, Function::ReturnTypeFn ret, Function::ImplFn impl);

inline CallResult ok(Value v) { return CallResult{std::move(v), std::nullopt}; }
inline CallResult fail(std::string message, int argument = -1) {
    return CallResult{Value(), FunctionError{std::move(message), argument}};
}
inline FunctionError type_error(std::string message, int argument = -1) { return FunctionError{std::move(message), argument}; }

/// gocty.FromCtyValue(v, &int): the value as an int64, or gocty's error text.
std::optional<std::int64_t> to_int(const Value& v, std::string* error);
/// gocty.FromCtyValue(v, &float64).
double to_double(const Value& v);
/// cty.NumberFloatVal; NaN becomes an error in the callers.
std::optional<Value> from_double(double d);

/// Go's %q of a string (strconv.Quote): used in error messages.
std::string go_quote(std::string_view s);

/// The byte lengths of the grapheme clusters of `s` (textseg.ScanGraphemeClusters,
/// approximated by UAX #29's core rules: CR LF, extenders, ZWJ, regional-indicator
/// pairs, Hangul syllable sequences, prepend and spacing marks).
std::vector<std::size_t> grapheme_lengths(std::string_view s);
std::size_t grapheme_count(std::string_view s);

/// go-cty's formatFSM: `format` applied to `args`, or nullopt with go-cty's error text.
std::optional<std::string> format_values(const std::string& format, std::span<const Value> args, std::string& error);

/// Standard base64 (RFC 4648 §4) as Go's StdEncoding writes and reads it.
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

/// Lowercase hexadecimal of raw bytes.
std::string hex_encode(std::string_view bytes);

/// Go's bcrypt.GenerateFromPassword with a fresh random salt ("$2a$<cost>$..."); a cost
/// below 4 means 10, as Go. nullopt with Go's error text (cost above 31, password over
/// 72 bytes).
std::optional<std::string> bcrypt_generate(std::string_view password, int cost, std::string& error);
/// The bcrypt hash for a given 16-byte salt (for tests against published vectors).
std::string bcrypt_hash(std::string_view password, int cost, const unsigned char salt[16]);

/// jsondecode's reader.
std::optional<Value> json_decode(std::string_view text, std::string& error);

/// A list of strings (cty.ListVal, or ListValEmpty(string) when empty).
Value string_list(const std::vector<std::string>& items);

// The families register their functions here (one per fn_*.cpp file).
void add_string_functions(FunctionTable& t);
void add_string_edit_functions(FunctionTable& t);
void add_format_functions(FunctionTable& t);
void add_collection_functions(FunctionTable& t);
void add_collection_map_functions(FunctionTable& t);
void add_set_functions(FunctionTable& t);
void add_sequence_functions(FunctionTable& t);
void add_numeric_functions(FunctionTable& t);
void add_encoding_functions(FunctionTable& t);
void add_json_functions(FunctionTable& t);
void add_yaml_functions(FunctionTable& t);
void add_csv_functions(FunctionTable& t);
void add_filesystem_functions(FunctionTable& t, const FunctionOptions& options);
void add_datetime_functions(FunctionTable& t);
void add_hashing_functions(FunctionTable& t);
void add_crypto_functions(FunctionTable& t);
void add_uuid_functions(FunctionTable& t);
void add_ipnet_functions(FunctionTable& t);
void add_conversion_functions(FunctionTable& t);

}  // namespace hjob::cty::fn
