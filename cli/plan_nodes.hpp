// `--nodes FILE` (hjob plan) and `--from FILE` (hjob node register): a JSON list of nodes.
#pragma once

#include <string>
#include <vector>

#include "runtime/model.hpp"

namespace hjob::cli {

/// Reads the nodes of `path` (see runtime/state/model_json.hpp for the fields). Nodes without
/// an id get a stable one made from their name ("whatif-<name>"), and without an address the
/// loopback address 127.0.0.<n+2>. Throws StateError with the file name.
std::vector<runtime::Node> read_nodes_file(const std::string& path, bool what_if);

}  // namespace hjob::cli
