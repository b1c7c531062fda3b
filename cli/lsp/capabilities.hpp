// The initialize handshake: what the client offers (position encodings, snippets) and what
// the server advertises: exactly the features it implements, nothing more.
#pragma once

#include "jsonrpc.hpp"
#include "positions.hpp"

namespace hjob::lsp {

struct ClientFeatures {
    Encoding encoding = Encoding::utf16;  ///< UTF-8 when the client offers it, else LSP's default
    bool snippets = false;                ///< completion items may use snippet syntax
};

/// What the client's InitializeParams offer.
ClientFeatures read_client_features(const Json& params);

/// The InitializeResult: capabilities and serverInfo.
Json initialize_result(const ClientFeatures& client);

}  // namespace hjob::lsp
