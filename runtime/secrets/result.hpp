// The outcome of a secrets operation: a value or a one-line error for the user. Errors are
// worded for people and never carry a secret value or a token (tests grep for them).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace hjob::secrets {

template <class T>
struct Result {
    std::optional<T> value;
    std::string error;  ///< empty when value is set

    static Result ok(T v) { return Result{std::move(v), {}}; }
    static Result fail(std::string message) { return Result{std::nullopt, std::move(message)}; }
    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

/// A Result without a value.
struct Done {};
using Status = Result<Done>;
inline Status success() { return Status::ok(Done{}); }

}  // namespace hjob::secrets
