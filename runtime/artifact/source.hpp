// An artifact's source as go-getter reads it: the location (a local path or an http(s) URL)
// with go-getter's own query parameters taken out (`checksum`, `archive`), merged with the
// stanza's `options` (which win), and the archive type guessed from the file name.
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace hjob::runtime::artifact {

struct Source {
    bool remote = false;        ///< http:// or https://
    std::string location;       ///< the URL to GET (without go-getter's parameters), or the local path
    std::string filename;       ///< the last path segment ("" for a URL that ends in '/')
    std::string checksum_type;  ///< md5, sha1, sha256, sha512; "" when none is asked for
    std::string checksum;       ///< lower-case hex
    std::string archive;        ///< tar, tar.gz, tar.bz2, tar.xz, zip; gz, bz2, xz (one compressed file); "" for a plain file
    std::string error;          ///< set when the source cannot be used
};

/// Parses `a.source` and `a.options`. Relative local paths stay relative (fetch resolves them).
Source parse_source(const ir::Artifact& a);

/// The archive type of a file name by its extension ("" when it is not an archive).
std::string archive_type(const std::string& filename);

}  // namespace hjob::runtime::artifact
