// cty's convert.MismatchMessage: the reason a value of one type cannot become another,
// worded as Terraform and Nomad users see it ("string required", "attribute "a" is required").
#include <algorithm>

#include "value_convert_impl.hpp"

namespace hjob::cty {

namespace {

std::string quote(const std::string& s) { return "\"" + s + "\""; }

std::string required(const Type& want) { return want.friendly_name_for_constraint() + " required"; }

std::string objects(const Type& got, const Type& want) {
    std::vector<std::string> missing;
    std::string unsafe_mismatch, safe_mismatch;
    for (const auto& [name, want_type] : want.attributes()) {
        const Type* got_type = got.attribute(name);
        if (got_type == nullptr) {
            missing.push_back(name);
            continue;
        }
        if (*got_type == want_type) continue;
        const std::string why = "attribute " + quote(name) + ": ";
        if (unsafe_mismatch.empty() && !can_convert(*got_type, want_type, true))
            unsafe_mismatch = why + mismatch_message(*got_type, want_type);
        if (safe_mismatch.empty() && !can_convert(*got_type, want_type, false))
            safe_mismatch = why + mismatch_message(*got_type, want_type);
    }
    if (missing.size() == 1) return "attribute " + quote(missing[0]) + " is required";
    if (missing.size() == 2) return "attributes " + quote(missing[0]) + " and " + quote(missing[1]) + " are required";
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i + 1 < missing.size(); ++i) list += quote(missing[i]) + ", ";
        return "attributes " + list + "and " + quote(missing.back()) + " are required";
    }
    if (!unsafe_mismatch.empty()) return unsafe_mismatch;
    if (!safe_mismatch.empty()) return safe_mismatch;
    return "incorrect object attributes";
}

std::string from_structural(const Type& got, const Type& want) {
    if ((want.is_list() || want.is_set()) && !got.is_tuple()) return required(want);
    if (want.is_map() && !got.is_object()) return required(want);
    const Type& ety = want.element();
    if (got.is_tuple()) {
        for (std::size_t i = 0; i < got.elements().size(); ++i) {
            const Type& t = got.elements()[i];
            if (t == ety || can_convert(t, ety, true)) continue;
            return "element " + std::to_string(i) + ": " + mismatch_message(t, ety);
        }
    } else {
        for (const auto& [name, t] : got.attributes()) {
            if (t == ety || can_convert(t, ety, true)) continue;
            return "element " + quote(name) + ": " + mismatch_message(t, ety);
        }
    }
    return "all elements must be " + ety.friendly_name_for_constraint();
}

std::string from_collection(const Type& got, const Type& want) {
    const bool seq = got.is_list() || got.is_set();
    if ((want.is_list() || want.is_set()) && !seq) return required(want);
    if (want.is_map() && !got.is_map()) return required(want);
    const char* noun = want.is_list() ? "list element type" : want.is_set() ? "set element type" : "map element type";
    return std::string("incorrect ") + noun + ": " + mismatch_message(got.element(), want.element());
}

}  // namespace

std::string mismatch_message(const Type& got, const Type& want) {
    if (got.is_object() && want.is_object()) return objects(got, want);
    if (got.is_tuple() && want.is_list() && want.element().is_dynamic()) return "all list elements must have the same type";
    if (got.is_tuple() && want.is_set() && want.element().is_dynamic()) return "all set elements must have the same type";
    if (got.is_object() && want.is_map() && want.element().is_dynamic()) return "all map elements must have the same type";
    if ((got.is_tuple() || got.is_object()) && want.is_collection()) return from_structural(got, want);
    if (got.is_collection() && want.is_collection()) return from_collection(got, want);
    return required(want);
}

}  // namespace hjob::cty
