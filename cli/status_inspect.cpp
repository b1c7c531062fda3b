// The stored job for `hjob inspect JOB` (status_inspect.hpp).
#include "status_inspect.hpp"

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "compiler/emit_nomad_json.hpp"
#include "runtime/state/store.hpp"
#include "sensitive.hpp"
#include "sensitive_stored.hpp"

namespace hjob::cli {

namespace rs = runtime::state;

int inspect_stored_job(const std::string& job, const std::string& data_dir, const std::string& format) {
    const std::string dir = rs::resolve_data_dir(data_dir);
    // Do not create a state just to look a name up.
    if (!std::filesystem::exists(std::filesystem::path(dir) / "state.db")) {
        std::cerr << "hjob inspect: " << job << ": no such file (and no state in " << dir << " to look a job up in)\n";
        return exit_usage;
    }
    try {
        auto store = rs::Store::open(dir);
        auto tx = store.read();
        const auto record = store.job(job);
        const auto version = record ? store.job_version(job, record->current_version) : std::nullopt;
        if (!version) {
            std::cerr << "hjob inspect: " << job << ": no such file, and no job \"" << job << "\" in the state at " << dir
                      << '\n';
            return exit_usage;
        }
        const auto doc = format == "nomad" ? to_nomad_json(version->job) : ir::to_json(version->job);
        std::cout << sensitive_redactor(sensitive_values_of_version(*version)).apply(doc.dump(2)) << '\n';
        return exit_ok;
    } catch (const rs::StateError& e) {
        std::cerr << "hjob inspect: error: " << e.what() << '\n';
        return exit_usage;
    }
}

}  // namespace hjob::cli
