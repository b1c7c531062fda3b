// Vault's response shapes (ecosystem.md §7.4; Vault's KV v2 and token API documentation).
#include "api_json.hpp"

#include "runtime/state/ids.hpp"

namespace hjob::secrets::api_json {

namespace {

using nlohmann::json;

std::string rfc3339(UnixSeconds t) { return runtime::state::format_time(t * 1'000'000'000); }

}  // namespace

json envelope(json data) {
    return {{"request_id", runtime::state::new_uuid()},
            {"lease_id", ""},
            {"renewable", false},
            {"lease_duration", 0},
            {"data", std::move(data)},
            {"wrap_info", nullptr},
            {"warnings", nullptr},
            {"auth", nullptr}};
}

std::string errors(const std::vector<std::string>& messages) { return json{{"errors", messages}}.dump(); }

json version_metadata(const VersionInfo& v) {
    return {{"created_time", rfc3339(v.created)},
            {"custom_metadata", nullptr},
            {"deletion_time", v.deleted ? rfc3339(*v.deleted) : ""},
            {"destroyed", false},
            {"version", v.version}};
}

json kv_read(const Secret& s) {
    return envelope({{"data", s.data}, {"metadata", version_metadata(s.metadata)}});
}

json kv_metadata(const std::vector<VersionInfo>& versions) {
    json each = json::object();
    for (const auto& v : versions) {
        json m = version_metadata(v);
        m.erase("version");
        m.erase("custom_metadata");
        each[std::to_string(v.version)] = std::move(m);
    }
    return envelope({{"cas_required", false},
                     {"created_time", rfc3339(versions.front().created)},
                     {"current_version", versions.back().version},
                     {"custom_metadata", nullptr},
                     {"delete_version_after", "0s"},
                     {"max_versions", 0},
                     {"oldest_version", versions.front().version},
                     {"updated_time", rfc3339(versions.back().created)},
                     {"versions", std::move(each)}});
}

json token_data(const TokenInfo& t) {
    return {{"accessor", ""},
            {"creation_time", t.created},
            {"creation_ttl", t.expires - t.created},
            {"display_name", t.display_name.empty() ? "token" : "token-" + t.display_name},
            {"entity_id", ""},
            {"expire_time", rfc3339(t.expires)},
            {"explicit_max_ttl", t.explicit_max_ttl},
            {"issue_time", rfc3339(t.created)},
            {"meta", nullptr},
            {"num_uses", 0},
            {"orphan", true},
            {"path", "auth/token/create"},
            {"period", t.period},
            {"policies", t.policies},
            {"renewable", t.renewable},
            {"ttl", t.ttl_remaining},
            {"type", "service"}};
}

json renew_auth(const TokenInfo& t, const std::string& token) {
    json out = envelope(nullptr);
    out["auth"] = {{"client_token", token},
                   {"accessor", ""},
                   {"policies", t.policies},
                   {"token_policies", t.policies},
                   {"metadata", nullptr},
                   {"lease_duration", t.ttl_remaining},
                   {"renewable", t.renewable},
                   {"entity_id", ""},
                   {"token_type", "service"},
                   {"orphan", true}};
    return out;
}

}  // namespace hjob::secrets::api_json
