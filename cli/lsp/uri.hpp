// file:// URIs <-> paths, as LSP names documents (RFC 8089; percent-encoding per RFC 3986).
#pragma once

#include <string>
#include <string_view>

namespace hjob::lsp {

/// The path of a `file:` URI ("file:///a%20b.hcl" -> "/a b.hcl"); "" for any other scheme
/// (an unsaved "untitled:" buffer has no directory, hence no var files).
std::string uri_to_path(std::string_view uri);

/// The `file:` URI of an absolute path, percent-encoding what RFC 3986 does not allow.
std::string path_to_uri(std::string_view path);

}  // namespace hjob::lsp
