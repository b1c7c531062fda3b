-- 0002: the secrets store (runtime/secrets/store.hpp), kept by runtime/state/secrets_store.cpp.
-- No column holds a secret value or a token id in plain text: values are sealed (an
-- authenticated cipher under the key file of the data directory), tokens are kept as hashes.

-- KV version 2: one row per version of a path; `deleted` is the soft-deletion time.
CREATE TABLE secret_versions (
    path    TEXT    NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    created INTEGER NOT NULL,
    deleted INTEGER,
    sealed  BLOB    NOT NULL,
    PRIMARY KEY (path, version)
) WITHOUT ROWID;

-- Tokens by the hex BLAKE2b-256 of their id; policies is a JSON array of names.
CREATE TABLE tokens (
    hash             TEXT PRIMARY KEY,
    policies         TEXT    NOT NULL DEFAULT '[]',
    created          INTEGER NOT NULL,
    expires          INTEGER NOT NULL,
    ttl              INTEGER NOT NULL,
    explicit_max_ttl INTEGER NOT NULL DEFAULT 0,
    period           INTEGER NOT NULL DEFAULT 0,
    renewable        INTEGER NOT NULL DEFAULT 0,
    revoked          INTEGER NOT NULL DEFAULT 0,
    display_name     TEXT    NOT NULL DEFAULT ''
);

-- Policies as the text the user wrote (parsed when used).
CREATE TABLE policies (
    name TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
