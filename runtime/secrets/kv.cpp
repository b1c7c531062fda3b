// Kv: sealing on the way in, unsealing on the way out, version bookkeeping in between.
#include "kv.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "path.hpp"

namespace hjob::secrets {

namespace {

VersionInfo info_of(const StoredVersion& v) { return VersionInfo{v.version, v.created, v.deleted}; }

std::string names_of(const SecretData& data) {
    std::string out;
    for (const auto& [k, v] : data) out += (out.empty() ? "" : ", ") + k;
    return out;
}

std::string where(std::string_view rel, std::uint64_t version) {
    return "version " + std::to_string(version) + " of secret/" + std::string(rel);
}

}  // namespace

bool Kv::exists(std::string_view path) const {
    const auto rel = kv_relative(path);
    return rel && !store_.versions(*rel).empty();
}

Result<VersionInfo> Kv::put(std::string_view path, const SecretData& data) {
    using R = Result<VersionInfo>;
    const auto rel = kv_relative(path);
    if (!rel) return R::fail(rel.error);
    if (data.empty()) return R::fail("nothing to write: give at least one key=value pair");
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : data) {
        if (k.empty()) return R::fail("a key cannot be empty (write key=value)");
        if (k.find('\0') != std::string::npos) return R::fail("a key cannot contain a NUL byte");
        j[k] = v;
    }
    // Values may hold any bytes; the replacement error handler keeps dump() from throwing on them.
    const std::string plain = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (plain.size() > max_secret_bytes)
        return R::fail("the secret is " + std::to_string(plain.size()) + " bytes; the limit is " +
                       std::to_string(max_secret_bytes));
    const auto existing = store_.versions(*rel);
    StoredVersion v{*rel, existing.size() + 1, clock_.now(), std::nullopt, {}};
    v.sealed = seal(keys_.current, plain, kv_associated_data(v.path, v.version));
    if (auto s = store_.append(v); !s) return R::fail("cannot write secret/" + *rel + ": " + s.error);
    return R::ok(info_of(v));
}

// A rekey in another process may have moved the values to a new key after this process read
// its keys: on failure, read the value again, then the keys (in that order, so that the keys
// are at least as new as the value), a few times in case rekeys follow each other.
Result<std::string> Kv::unseal_fresh(const std::string& rel, const StoredVersion& first) const {
    auto plain = keys_.unseal(first.sealed, kv_associated_data(first.path, first.version));
    for (int attempt = 0; !plain && reload_keys_ && attempt < 3; ++attempt) {
        const auto again = store_.versions(rel);
        if (again.size() < first.version) break;
        const StoredVersion& v = again[first.version - 1];
        if (!reload_keys_()) break;
        plain = keys_.unseal(v.sealed, kv_associated_data(v.path, v.version));
    }
    return plain;
}

Result<Secret> Kv::get(std::string_view path, std::optional<std::uint64_t> version) const {
    using R = Result<Secret>;
    const auto rel = kv_relative(path);
    if (!rel) return R::fail(rel.error);
    const auto all = store_.versions(*rel);
    if (all.empty()) return R::fail("no secret at secret/" + *rel);
    const std::uint64_t n = version.value_or(all.size());
    if (n == 0 || n > all.size())
        return R::fail("secret/" + *rel + " has no version " + std::to_string(n) + " (latest is " +
                       std::to_string(all.size()) + ")");
    const StoredVersion& v = all[n - 1];
    if (v.deleted) return R::fail(where(*rel, n) + " is deleted; read an earlier version with --version");
    const auto plain = unseal_fresh(*rel, v);
    if (!plain) return R::fail("cannot decrypt " + where(*rel, n) + ": " + plain.error);
    const auto j = nlohmann::json::parse(*plain, nullptr, false);
    if (!j.is_object()) return R::fail(where(*rel, n) + " is damaged");
    Secret s{{}, info_of(v)};
    for (const auto& [k, val] : j.items()) s.data[k] = val.is_string() ? val.get<std::string>() : val.dump();
    return R::ok(std::move(s));
}

Result<std::string> Kv::get_field(std::string_view path, std::string_view field,
                                  std::optional<std::uint64_t> version) const {
    using R = Result<std::string>;
    const auto s = get(path, version);
    if (!s) return R::fail(s.error);
    const auto it = s->data.find(std::string(field));
    if (it == s->data.end())
        return R::fail("secret " + std::string(path) + " has no field \"" + printable(field) + "\"; its fields are " +
                       names_of(s->data));
    return R::ok(it->second);
}

Result<std::vector<std::string>> Kv::list(std::string_view prefix) const {
    using R = Result<std::vector<std::string>>;
    const auto rel = kv_relative(prefix, true);
    if (!rel) return R::fail(rel.error);
    const std::string base = rel->empty() ? "" : *rel + "/";
    std::vector<std::string> out;
    for (const auto& p : store_.paths()) {
        if (!p.starts_with(base)) continue;
        const std::string rest = p.substr(base.size());
        const auto slash = rest.find('/');
        std::string entry = slash == std::string::npos ? rest : rest.substr(0, slash + 1);
        if (out.empty() || out.back() != entry) out.push_back(std::move(entry));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.empty()) return R::fail("no secrets under secret/" + base);
    return R::ok(std::move(out));
}

Result<VersionInfo> Kv::remove(std::string_view path) {
    using R = Result<VersionInfo>;
    const auto rel = kv_relative(path);
    if (!rel) return R::fail(rel.error);
    const auto all = store_.versions(*rel);
    if (all.empty()) return R::fail("no secret at secret/" + *rel);
    VersionInfo latest = info_of(all.back());
    if (latest.deleted) return R::ok(latest);
    latest.deleted = clock_.now();
    if (auto s = store_.mark_deleted(*rel, latest.version, *latest.deleted); !s) return R::fail(s.error);
    return R::ok(latest);
}

Result<std::vector<VersionInfo>> Kv::history(std::string_view path) const {
    using R = Result<std::vector<VersionInfo>>;
    const auto rel = kv_relative(path);
    if (!rel) return R::fail(rel.error);
    const auto all = store_.versions(*rel);
    if (all.empty()) return R::fail("no secret at secret/" + *rel);
    std::vector<VersionInfo> out;
    for (const auto& v : all) out.push_back(info_of(v));
    return R::ok(std::move(out));
}

}  // namespace hjob::secrets
