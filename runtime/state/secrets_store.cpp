// SqliteSecretStore: the SQL of the secrets tables; behaviour matches secrets::MemoryStore.
#include "secrets_store.hpp"

#include <nlohmann/json.hpp>

namespace hjob::runtime::state {

namespace sec = hjob::secrets;

namespace {

constexpr const char* version_columns = "SELECT path, version, created, deleted, sealed FROM secret_versions ";

sec::StoredVersion version_of(const Stmt& s) {
    sec::StoredVersion v;
    v.path = s.text(0);
    v.version = static_cast<std::uint64_t>(s.integer(1));
    v.created = s.integer(2);
    if (!s.is_null(3)) v.deleted = s.integer(3);
    const auto bytes = s.blob(4);
    v.sealed.assign(bytes.begin(), bytes.end());
    return v;
}

std::vector<sec::StoredVersion> all_of(Stmt& s) {
    std::vector<sec::StoredVersion> out;
    while (s.step()) out.push_back(version_of(s));
    return out;
}

// Runs `body` in a write transaction; a StateError becomes a failed Status (rolled back).
template <class F>
sec::Status in_write(Db& db, F&& body) {
    try {
        Transaction tx(db, true);
        if (auto st = body(); !st) return st;
        tx.commit();
        return sec::success();
    } catch (const StateError& e) {
        return sec::Status::fail(std::string("the state database refused the write: ") + e.what());
    }
}

}  // namespace

std::vector<sec::StoredVersion> SqliteSecretStore::versions(std::string_view path) const {
    auto s = db_.prepare(std::string(version_columns) + "WHERE path = ?1 ORDER BY version");
    s.bind(1, path);
    return all_of(s);
}

sec::Status SqliteSecretStore::append(const sec::StoredVersion& v) {
    return in_write(db_, [&] {
        auto latest = db_.prepare("SELECT COALESCE(MAX(version), 0) FROM secret_versions WHERE path = ?1");
        latest.bind(1, v.path);
        latest.step();
        if (v.version != static_cast<std::uint64_t>(latest.integer(0)) + 1)
            return sec::Status::fail("version " + std::to_string(v.version) + " was written concurrently");
        auto ins = db_.prepare("INSERT INTO secret_versions (path, version, created, deleted, sealed) VALUES (?1, ?2, ?3, ?4, ?5)");
        ins.bind(1, v.path).bind(2, static_cast<std::int64_t>(v.version)).bind(3, v.created);
        if (v.deleted) ins.bind(4, *v.deleted);
        else ins.bind_null(4);
        ins.bind_blob(5, v.sealed.data(), v.sealed.size()).run();
        return sec::success();
    });
}

sec::Status SqliteSecretStore::mark_deleted(std::string_view path, std::uint64_t version, sec::UnixSeconds when) {
    return in_write(db_, [&] {
        auto s = db_.prepare("UPDATE secret_versions SET deleted = ?3 WHERE path = ?1 AND version = ?2");
        s.bind(1, path).bind(2, static_cast<std::int64_t>(version)).bind(3, when).run();
        return sqlite3_changes(db_.raw()) == 1 ? sec::success() : sec::Status::fail("no such version");
    });
}

std::vector<std::string> SqliteSecretStore::paths() const {
    auto s = db_.prepare("SELECT DISTINCT path FROM secret_versions ORDER BY path");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::vector<sec::StoredVersion> SqliteSecretStore::all_versions() const {
    auto s = db_.prepare(std::string(version_columns) + "ORDER BY path, version");
    return all_of(s);
}

sec::Status SqliteSecretStore::replace_sealed(const std::vector<sec::StoredVersion>& versions) {
    // One transaction: a missing row returns a failure before commit, so the destructor
    // rolls back every row already replaced (rekey relies on all or none).
    return in_write(db_, [&] {
        auto s = db_.prepare("UPDATE secret_versions SET sealed = ?3 WHERE path = ?1 AND version = ?2");
        for (const auto& v : versions) {
            s.reset();
            s.bind(1, v.path).bind(2, static_cast<std::int64_t>(v.version)).bind_blob(3, v.sealed.data(), v.sealed.size());
            s.run();
            if (sqlite3_changes(db_.raw()) != 1) return sec::Status::fail("no such version");
        }
        return sec::success();
    });
}

sec::Status SqliteSecretStore::put_token(const sec::TokenRecord& t) {
    return in_write(db_, [&] {
        auto s = db_.prepare(
            "INSERT OR REPLACE INTO tokens (hash, policies, created, expires, ttl, explicit_max_ttl, period, renewable, "
            "revoked, display_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        s.bind(1, t.hash).bind(2, nlohmann::json(t.policies).dump()).bind(3, t.created).bind(4, t.expires);
        s.bind(5, t.ttl).bind(6, t.explicit_max_ttl).bind(7, t.period).bind(8, t.renewable).bind(9, t.revoked);
        s.bind(10, t.display_name).run();
        return sec::success();
    });
}

std::optional<sec::TokenRecord> SqliteSecretStore::token(std::string_view hash) const {
    auto s = db_.prepare(
        "SELECT hash, policies, created, expires, ttl, explicit_max_ttl, period, renewable, revoked, display_name "
        "FROM tokens WHERE hash = ?1");
    s.bind(1, hash);
    if (!s.step()) return std::nullopt;
    sec::TokenRecord t;
    t.hash = s.text(0);
    t.policies = nlohmann::json::parse(s.view(1)).get<std::vector<std::string>>();
    t.created = s.integer(2);
    t.expires = s.integer(3);
    t.ttl = s.integer(4);
    t.explicit_max_ttl = s.integer(5);
    t.period = s.integer(6);
    t.renewable = s.integer(7) != 0;
    t.revoked = s.integer(8) != 0;
    t.display_name = s.text(9);
    return t;
}

sec::Status SqliteSecretStore::put_policy(std::string_view name, std::string_view text) {
    return in_write(db_, [&] {
        auto s = db_.prepare("INSERT OR REPLACE INTO policies (name, text) VALUES (?1, ?2)");
        s.bind(1, name).bind(2, text).run();
        return sec::success();
    });
}

std::optional<std::string> SqliteSecretStore::policy_text(std::string_view name) const {
    auto s = db_.prepare("SELECT text FROM policies WHERE name = ?1");
    s.bind(1, name);
    return s.step() ? std::optional(s.text(0)) : std::nullopt;
}

std::vector<std::string> SqliteSecretStore::policy_names() const {
    auto s = db_.prepare("SELECT name FROM policies ORDER BY name");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

bool SqliteSecretStore::delete_policy(std::string_view name) {
    bool removed = false;
    in_write(db_, [&] {
        auto s = db_.prepare("DELETE FROM policies WHERE name = ?1");
        s.bind(1, name).run();
        removed = sqlite3_changes(db_.raw()) == 1;
        return sec::success();
    });
    return removed;
}

}  // namespace hjob::runtime::state
