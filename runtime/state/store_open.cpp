// Opening the state: the data directory, the database file, its pragmas, migrations and the
// one meta row (state id, modify index).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "ids.hpp"
#include "migrations.hpp"
#include "store.hpp"

namespace hjob::runtime::state {

namespace fs = std::filesystem;

std::string resolve_data_dir(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (const char* d = std::getenv("HJOB_DATA_DIR"); d && *d) return d;
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return std::string(x) + "/hjob";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/state/hjob";
    return ".hjob";
}

namespace {

void prepare_dir(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec))
        throw StateError("cannot create the data directory " + dir + ": " +
                         (ec ? ec.message() : std::string("not a directory")));
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        throw StateError("the data directory " + dir + " is not writable (choose another with --data-dir or HJOB_DATA_DIR)");
}

// The first statements that read the file: where a file that is not a database shows.
void set_pragmas(Db& db, const std::string& path) {
    sqlite3_busy_timeout(db.raw(), 10000);
    // Keep the -wal and -shm files when the last connection closes: each command is a short
    // process, and creating and deleting them every time costs more than a plan's reads.
    int persist = 1;
    sqlite3_file_control(db.raw(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    try {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    } catch (const StateError& e) {
        const int code = sqlite3_errcode(db.raw()) & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            throw StateError("the state database " + path + " is corrupt or not an hjob state (" + e.what() +
                             "); move it away to start a new state");
        throw StateError("cannot open the state database " + path + ": " + e.what());
    }
}

}  // namespace

Store Store::open(const std::string& dir) {
    prepare_dir(dir);
    const std::string path = (fs::path(dir) / "state.db").string();
    Store s(dir, path, Db(path, true));
    set_pragmas(s.db_, path);
    try {
        migrate(s.db_, path);
        s.initialize();
    } catch (const StateError& e) {
        const int code = sqlite3_errcode(s.db_.raw()) & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            throw StateError("the state database " + path + " is corrupt (" + e.what() + ")");
        if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
            throw StateError("cannot write the state database " + path + ": " + e.what());
        throw;
    }
    return s;
}

void Store::initialize() {
    auto get = db_.prepare("SELECT state_id FROM meta WHERE id = 1");
    if (get.step()) {
        state_id_ = get.text(0);
        return;
    }
    Transaction tx(db_, true);
    db_.prepare("INSERT OR IGNORE INTO meta (id, state_id, created, modify_index) VALUES (1, ?, ?, 0)")
        .bind(1, new_uuid())
        .bind(2, now_nanos())
        .run();
    tx.commit();
    get.reset();
    if (!get.step()) throw StateError("the state database " + path_ + " has no meta row");
    state_id_ = get.text(0);
}

Index Store::modify_index() {
    auto s = db_.prepare("SELECT modify_index FROM meta WHERE id = 1");
    return s.step() ? s.integer(0) : 0;
}

Index Store::next_index() {
    db_.exec("UPDATE meta SET modify_index = modify_index + 1 WHERE id = 1");
    return modify_index();
}

}  // namespace hjob::runtime::state
