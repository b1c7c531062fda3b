// Filesystem functions (go-cty-funcs filesystem, wrapped by Nomad's guardFS): file,
// filebase64, fileexists and fileset resolve relative paths against the job file's
// directory; abspath against the working directory, as Go's filepath.Abs does.
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "fn_path.hpp"
#include "fn_util.hpp"
#include "value_unicode.hpp"

namespace hjob::cty::fn {

namespace {

namespace fs = std::filesystem;
const Type S = Type::string();

/// Beyond Go: a file() larger than this is an error rather than a memory hazard.
constexpr std::uintmax_t max_file_size = 64u << 20;
/// Beyond Go: fileset stops walking after this many directory entries.
constexpr std::size_t max_fileset_entries = 200000;

std::optional<std::string> resolve(const std::string& base, const std::string& path, std::string& error) {
    auto p = home_expand(path, error);
    if (!p) {
        error = "failed to expand ~: " + error;
        return std::nullopt;
    }
    if (p->empty() || (*p)[0] != '/') *p = path_join(base, *p);
    return path_clean(*p);
}

CallResult read_file(const std::string& base, const std::string& path, bool as_base64) {
    std::string error;
    const auto full = resolve(base, path, error);
    if (!full) return fail(error);
    std::error_code ec;
    if (!fs::exists(*full, ec)) return fail("no file exists at " + *full);
    if (fs::is_regular_file(*full, ec) && fs::file_size(*full, ec) > max_file_size)
        return fail("failed to read " + *full + ": larger than hjob's limit of 64 MiB");
    std::ifstream in(*full, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return fail("failed to read " + *full);
    if (as_base64) return ok(Value::string(base64_encode(data)));
    for (std::uint32_t cp : utf8_decode(data))
        if ((cp & invalid_byte_marker) != 0)
            return fail("contents of " + path + " are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead");
    return ok(Value::string(data));
}

// Go's FileMode.String for the cases fileexists reports.
std::string mode_string(mode_t m) {
    std::string out = S_ISDIR(m) ? "d" : S_ISLNK(m) ? "L" : S_ISFIFO(m) ? "p" : S_ISSOCK(m) ? "S" : S_ISCHR(m) ? "Dc" : S_ISBLK(m) ? "D" : "";
    const char* rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) out += (m & (1 << (8 - i))) ? rwx[i] : '-';
    return out;
}

CallResult file_exists(const std::string& base, const std::string& path) {
    std::string error;
    const auto full = resolve(base, path, error);
    if (!full) return fail(error);
    struct stat st {};
    if (stat(full->c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return ok(Value::boolean(false));
        return fail("failed to stat " + *full);
    }
    if (S_ISREG(st.st_mode)) return ok(Value::boolean(true));
    return fail(*full + " is not a regular file, but " + go_quote(mode_string(st.st_mode)));
}

CallResult file_set(const std::string& base, const std::string& dir, const std::string& pattern) {
    const std::string root = !dir.empty() && dir[0] == '/' ? path_clean(dir) : path_join(base.empty() ? "." : base, dir);
    // The pattern is matched relative to `root`, as go-cty-funcs trims the root from matches.
    const std::string rel_pattern = path_clean(pattern);
    std::vector<Value> matches;
    std::error_code ec;
    std::size_t seen = 0;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (++seen > max_fileset_entries) return fail("failed to glob pattern (" + path_join(root, pattern) + "): too many files");
        if (!it->is_regular_file(ec)) continue;
        const std::string rel = fs::relative(it->path(), root, ec).generic_string();
        if (glob_match(rel_pattern, rel)) matches.push_back(Value::string(rel));
    }
    return ok(matches.empty() ? Value::set_empty(S) : Value::set(std::move(matches)));
}

Function path_function(std::string (*f)(std::string_view)) {
    return make({param("path", S)}, S, [f](std::span<const Value> a, const Type&) { return ok(Value::string(f(a[0].as_string()))); });
}

// Nomad's guardFS: same signature, but every call fails.
Function disabled(Function f) {
    f.return_type = [](std::span<const Value>) -> std::variant<Type, FunctionError> {
        return type_error("filesystem function disabled");
    };
    return f;
}

}  // namespace

void add_filesystem_functions(FunctionTable& t, const FunctionOptions& options) {
    const std::string base = options.base_dir;
    FunctionTable fs_table;
    fs_table["file"] = make({param("path", S)}, S, [base](std::span<const Value> a, const Type&) { return read_file(base, a[0].as_string(), false); });
    fs_table["filebase64"] = make({param("path", S)}, S, [base](std::span<const Value> a, const Type&) { return read_file(base, a[0].as_string(), true); });
    fs_table["fileexists"] = make({param("path", S)}, Type::boolean(), [base](std::span<const Value> a, const Type&) {
        return file_exists(base, a[0].as_string());
    });
    fs_table["fileset"] = make({param("path", S), param("pattern", S)}, Type::set(S), [base](std::span<const Value> a, const Type&) {
        return file_set(base, a[0].as_string(), a[1].as_string());
    });
    fs_table["basename"] = path_function(path_base);
    fs_table["dirname"] = path_function(path_dir);
    fs_table["abspath"] = make({param("path", S)}, S, [](std::span<const Value> a, const Type&) {
        const std::string& p = a[0].as_string();
        if (!p.empty() && p[0] == '/') return ok(Value::string(path_clean(p)));
        std::error_code ec;
        const std::string cwd = fs::current_path(ec).string();
        if (ec) return fail(ec.message());
        return ok(Value::string(path_join(cwd, p)));
    });
    fs_table["pathexpand"] = make({param("path", S)}, S, [](std::span<const Value> a, const Type&) {
        std::string error;
        const auto p = home_expand(a[0].as_string(), error);
        return p ? ok(Value::string(*p)) : fail(error);
    });
    for (auto& [name, f] : fs_table) t[name] = options.allow_filesystem ? std::move(f) : disabled(std::move(f));
}

}  // namespace hjob::cty::fn
