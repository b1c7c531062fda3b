// Runs a program (no shell) and captures its exit status, standard output and standard
// error; for the tests that drive the built `hjob` and the reference `hclref`.
#pragma once

#include <string>
#include <vector>

namespace hjob::test {

struct ProcessResult {
    int status = -1;  ///< exit code; -1 when the program could not be started or was killed
    std::string out;
    std::string err;
};

/// Runs argv[0] with `argv`, feeding `input` on standard input.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

/// True when `path` names an executable file.
bool is_executable(const std::string& path);

}  // namespace hjob::test
