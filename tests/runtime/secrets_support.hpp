// Shared by the secrets tests: a private temporary directory removed at the end.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "runtime/secrets/token.hpp"

namespace hjob::secrets::testing {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string t = (std::filesystem::temp_directory_path() / "hjob-secrets-XXXXXX").string();
        path = ::mkdtemp(t.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

/// A token spec with policies and a TTL, the rest at its defaults.
inline TokenSpec spec(std::vector<std::string> policies, UnixSeconds ttl = 0) {
    TokenSpec s;
    s.policies = std::move(policies);
    s.ttl = ttl;
    return s;
}

}  // namespace hjob::secrets::testing
