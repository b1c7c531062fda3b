// File handling for `hjob fmt`: which files a list of paths names, reading them, and
// replacing a file atomically. Kept apart from the command so that its rules read alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hjob::cli {

/// One input of `hjob fmt`: a file path, or standard input ("-").
struct FmtInput {
    std::string path;
    bool is_stdin = false;
    bool from_directory = false;  ///< found by walking a directory, not named on the command line
};

/// Expands `paths` into inputs: "-" is standard input, a file is itself (any name), a
/// directory contributes its *.hcl, *.nomad, *.nomad.hcl and *.job files (its subdirectories
/// too when `recursive`), sorted by path. Paths that do not exist or cannot be listed are
/// reported in `errors` ("PATH: reason") and skipped.
std::vector<FmtInput> collect_inputs(const std::vector<std::string>& paths, bool recursive,
                                     std::vector<std::string>& errors);

/// The whole content of `input`; nullopt with `error` set when it cannot be read.
std::optional<std::string> read_input(const FmtInput& input, std::string& error);

/// Replaces the file at `path` (the target of a symbolic link) by `text` atomically: a
/// temporary file in the same directory, with the old file's permissions, renamed over it.
/// Returns false with `error` set on failure; the original file is then untouched.
bool replace_file(const std::string& path, const std::string& text, std::string& error);

}  // namespace hjob::cli
