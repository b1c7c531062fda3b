// `hjob inspect JOB`: the stored IR of a job's current version, when the argument of
// `hjob inspect` names no file (cli/inspect.cpp compiles files).
#pragma once

#include <string>

namespace hjob::cli {

/// Prints the current version of job `job` from the state in `data_dir` ("" for the default)
/// as JSON in `format` ("ir" or "nomad"). Returns the exit status: 0 printed, 2 when neither
/// a file nor a stored job has that name or the state cannot be read (inspect's I/O status).
int inspect_stored_job(const std::string& job, const std::string& data_dir, const std::string& format);

}  // namespace hjob::cli
