// Internals of the convert port shared by value_convert*.cpp and value_unify.cpp.
#pragma once

#include "value.hpp"

namespace hjob::cty {

/// Applies a conversion known to exist (can_convert), as cty's conversion closures do,
/// including the null and unknown pass-through of getConversion's wrapper.
Converted apply_conversion(const Value& v, const Type& out, bool unsafe);
/// cty's dynamicReplace: the type a null or unknown `in` takes when converted to `out`.
Type dynamic_replace(const Type& in, const Type& out);
/// The element type a tuple (or object) converts its elements to for a list/set (or map)
/// of `want`: want itself, or the unified type when want is `any`.
std::optional<Type> structural_element_type(const std::vector<Type>& types, const Type& want, bool unsafe, bool check_dynamic);
std::vector<Type> attribute_type_list(const Type& object);

}  // namespace hjob::cty
