// MemoryStore: maps keyed by path, token hash and policy name.
#include "memory_store.hpp"

namespace hjob::secrets {

std::vector<StoredVersion> MemoryStore::versions(std::string_view path) const {
    const auto it = kv_.find(path);
    return it == kv_.end() ? std::vector<StoredVersion>{} : it->second;
}

Status MemoryStore::append(const StoredVersion& v) {
    auto& list = kv_[v.path];
    if (v.version != list.size() + 1) return Status::fail("version " + std::to_string(v.version) + " was written concurrently");
    list.push_back(v);
    return success();
}

Status MemoryStore::mark_deleted(std::string_view path, std::uint64_t version, UnixSeconds when) {
    const auto it = kv_.find(path);
    if (it == kv_.end() || version == 0 || version > it->second.size()) return Status::fail("no such version");
    it->second[version - 1].deleted = when;
    return success();
}

std::vector<std::string> MemoryStore::paths() const {
    std::vector<std::string> out;
    for (const auto& [p, v] : kv_)
        if (!v.empty()) out.push_back(p);
    return out;
}

std::vector<StoredVersion> MemoryStore::all_versions() const {
    std::vector<StoredVersion> out;
    for (const auto& [p, v] : kv_) out.insert(out.end(), v.begin(), v.end());
    return out;
}

Status MemoryStore::replace_sealed(const std::vector<StoredVersion>& versions) {
    for (const auto& v : versions) {  // check everything first: all or none
        const auto it = kv_.find(v.path);
        if (it == kv_.end() || v.version == 0 || v.version > it->second.size()) return Status::fail("no such version");
    }
    for (const auto& v : versions) kv_.find(v.path)->second[v.version - 1].sealed = v.sealed;
    return success();
}

Status MemoryStore::put_token(const TokenRecord& t) {
    tokens_[t.hash] = t;
    return success();
}

std::optional<TokenRecord> MemoryStore::token(std::string_view hash) const {
    const auto it = tokens_.find(hash);
    return it == tokens_.end() ? std::nullopt : std::optional(it->second);
}

Status MemoryStore::put_policy(std::string_view name, std::string_view text) {
    policies_[std::string(name)] = std::string(text);
    return success();
}

std::optional<std::string> MemoryStore::policy_text(std::string_view name) const {
    const auto it = policies_.find(name);
    return it == policies_.end() ? std::nullopt : std::optional(it->second);
}

std::vector<std::string> MemoryStore::policy_names() const {
    std::vector<std::string> out;
    for (const auto& [n, t] : policies_) out.push_back(n);
    return out;
}

bool MemoryStore::delete_policy(std::string_view name) {
    const auto it = policies_.find(name);
    if (it == policies_.end()) return false;
    policies_.erase(it);
    return true;
}

std::string MemoryStore::dump() const {
    std::string out;
    for (const auto& v : all_versions()) {
        out += v.path + "\n";
        out.append(v.sealed.begin(), v.sealed.end());
    }
    for (const auto& [h, t] : tokens_) out += h + t.display_name + "\n";
    for (const auto& [n, t] : policies_) out += n + t + "\n";
    return out;
}

}  // namespace hjob::secrets
