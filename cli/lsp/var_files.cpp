// The *.vars.hcl convention (see var_files.hpp).
#include "var_files.hpp"

#include <algorithm>
#include <filesystem>

extern char** environ;  // POSIX: NOMAD_VAR_<name> values, as `hjob check` reads them

namespace hjob::lsp {

namespace fs = std::filesystem;

bool is_var_file(const std::string& path) {
    return path.size() > var_file_suffix.size() && path.ends_with(var_file_suffix);
}

eval::VariableInputs variable_inputs(const std::string& path) {
    eval::VariableInputs in;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) in.environment.emplace_back(*e);
    if (path.empty()) return in;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(path).parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().string();
        if (is_var_file(name) && it->is_regular_file(ec) && name != path) in.var_files.push_back(name);
    }
    std::sort(in.var_files.begin(), in.var_files.end());
    return in;
}

}  // namespace hjob::lsp
