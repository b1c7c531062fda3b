// Helpers of the state tests: a temporary directory removed afterwards, files written into
// it, and the built `hjob` run with its exit status, standard output and standard error.
#pragma once

#include <string>
#include <vector>

namespace hjob::test {

struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path;
    /// Writes `text` to path/name and returns the full path.
    std::string write(const std::string& name, const std::string& text) const;
};

struct HjobRun {
    int status = -1;  ///< exit code; -1 when killed or not started
    std::string out, err;
};

/// Runs `hjob ARGS...` (no shell) with `input` on standard input (not a terminal).
HjobRun run_hjob(const std::vector<std::string>& args, const std::string& input = "");

/// The path of the built hjob.
std::string hjob_path();

/// A small service job: `count` instances of an exec task whose env VERSION is `version`;
/// update.max_parallel = 0 so that a change replaces every allocation at once.
std::string small_job(const std::string& id, int count, const std::string& version);

std::string read_file(const std::string& path);

}  // namespace hjob::test
