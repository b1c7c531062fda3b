// The sqlite3 wrapper (sqlite.hpp): every error becomes a StateError carrying SQLite's text.
#include "sqlite.hpp"

namespace hjob::runtime::state {

Db::Db(const std::string& path, bool create) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StateError("cannot open the state database " + path + ": " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Db& Db::operator=(Db&& o) noexcept {
    if (this != &o) {
        sqlite3_close(db_);
        db_ = o.db_;
        o.db_ = nullptr;
    }
    return *this;
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(std::string_view sql) {
    char* msg = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string why = msg ? msg : error();
        sqlite3_free(msg);
        throw StateError(why);
    }
}

Stmt Db::prepare(std::string_view sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
        throw StateError(error());
    return Stmt(db_, s);
}

Stmt& Stmt::bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
}

Stmt& Stmt::bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
}

Stmt& Stmt::bind_blob(int i, const void* data, std::size_t size) {
    sqlite3_bind_blob64(s_, i, data, static_cast<sqlite3_uint64>(size), SQLITE_TRANSIENT);
    return *this;
}

std::string_view Stmt::blob(int col) const {
    const auto* p = sqlite3_column_blob(s_, col);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string_view();
}

bool Stmt::step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string why = sqlite3_errmsg(db_);
    sqlite3_reset(s_);
    throw StateError(why);
}

std::string_view Stmt::view(int col) const {
    const auto* p = sqlite3_column_text(s_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string_view();
}

std::string Stmt::text(int col) const {
    const auto* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
}

Transaction::Transaction(Db& db, bool write) : db_(db) { db_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace hjob::runtime::state
