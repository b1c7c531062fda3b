// The JSON bodies of the local API in Vault's shapes: the response envelope, KV v2 reads,
// lists and metadata, token lookup and renewal, errors. Separate from the handler so the
// shapes sit in one place a reader can hold beside Vault's API documentation.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kv.hpp"
#include "token.hpp"

namespace hjob::secrets::api_json {

/// Vault's envelope: request_id, lease fields, `data`, and null wrap_info, warnings, auth.
nlohmann::json envelope(nlohmann::json data);
/// {"errors": [messages...]}: Vault's error body (403 is always ["permission denied"]).
std::string errors(const std::vector<std::string>& messages);
/// KV v2's metadata of one version: created_time, deletion_time, destroyed, version.
nlohmann::json version_metadata(const VersionInfo& v);
/// GET secret/data/<p>: {"data": {"data": {...}, "metadata": {...}}} inside the envelope.
nlohmann::json kv_read(const Secret& s);
/// GET secret/metadata/<p>: current_version, oldest_version, created and updated times,
/// and each version's times.
nlohmann::json kv_metadata(const std::vector<VersionInfo>& versions);
/// lookup-self's data: everything but the id, as `hjob token lookup`.
nlohmann::json token_data(const TokenInfo& t);
/// renew-self's `auth` block (client_token is the caller's own token, as Vault answers).
nlohmann::json renew_auth(const TokenInfo& t, const std::string& token);

}  // namespace hjob::secrets::api_json
