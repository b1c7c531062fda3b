// A thin RAII layer over the sqlite3 C API for the state store: one connection, prepared
// statements with positional binding, and StateError for every failure (with SQLite's text).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hjob::runtime::state {

/// Any failure of the state: cannot open, corrupt, newer schema, locked, constraint broken.
/// The message is written for the user (the CLI prints it after "hjob: ").
class StateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Stmt;

/// One connection. Not copyable; closes on destruction.
class Db {
public:
    Db() = default;
    /// Opens (creating when `create`) the database file; throws StateError.
    Db(const std::string& path, bool create);
    Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    Db& operator=(Db&& o) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    /// Runs one or more statements without results; throws StateError.
    void exec(std::string_view sql);
    Stmt prepare(std::string_view sql);
    sqlite3* raw() const { return db_; }
    std::string error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

private:
    sqlite3* db_ = nullptr;
};

/// A prepared statement: bind with the `bind` overloads (1-based), then step() over rows.
class Stmt {
public:
    Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
    Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt() { sqlite3_finalize(s_); }

    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, std::int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Stmt& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    Stmt& bind_null(int i);
    /// Binds raw bytes as a BLOB (sealed secret values: not text, may hold NUL).
    Stmt& bind_blob(int i, const void* data, std::size_t size);
    Stmt& bind(int i, const std::optional<bool>& v) { return v ? bind(i, *v) : bind_null(i); }

    /// True while a row is available; throws StateError on failure.
    bool step();
    /// Runs a statement without results to completion.
    void run() {
        while (step()) {
        }
    }
    void reset() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }

    std::string text(int col) const;
    /// The column's text without a copy; valid until the next step(), reset() or text access.
    std::string_view view(int col) const;
    /// The column's bytes as a BLOB; valid like view().
    std::string_view blob(int col) const;
    std::int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
    int int32(int col) const { return sqlite3_column_int(s_, col); }
    bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

private:
    sqlite3* db_;
    sqlite3_stmt* s_;
};

/// BEGIN (IMMEDIATE for writers, so that a second writer waits on the busy timeout at the
/// start instead of failing at its first write); rolls back unless commit() was called.
class Transaction {
public:
    Transaction(Db& db, bool write);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Db& db_;
    bool open_ = true;
};

}  // namespace hjob::runtime::state
