// The server's main loop: read standard input as it comes (poll), cut it into messages,
// handle them, and publish due diagnostics whenever no input is waiting, so that a burst of
// queued changes is checked once, after the last of them.
#pragma once

#include "server.hpp"

namespace hjob::lsp {

/// Serves LSP on `in_fd`/`out_fd` until `exit` or the end of the input. Returns the exit
/// status: 0 after shutdown and exit, 1 for exit (or end of input) without shutdown.
int serve(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace hjob::lsp
