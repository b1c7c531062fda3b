// The state's schema migrations: numbered .sql files (migrations/NNNN_name.sql) compiled into
// the binary and applied in order, each in its own transaction that also sets
// PRAGMA user_version, so a crash between two leaves a database at a known version.
#pragma once

#include <string_view>
#include <vector>

#include "sqlite.hpp"

namespace hjob::runtime::state {

struct Migration {
    std::string_view name;  ///< the file name, "0001_initial.sql"
    std::string_view sql;
};

/// Every migration this hjob knows, in order; migration i (0-based) brings the schema to i+1.
const std::vector<Migration>& migrations();

/// The schema version this hjob writes: migrations().size().
int schema_version();

/// Brings `db` up to schema_version(). Throws StateError, with a message telling the user to
/// upgrade, when the database's user_version is newer than this hjob knows.
void migrate(Db& db, const std::string& path);

}  // namespace hjob::runtime::state
