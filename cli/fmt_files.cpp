// `hjob fmt`'s files: expanding paths into job files, reading them (or standard input),
// and rewriting a file so that a crash or a full disk never leaves it half written.
#include "fmt_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace hjob::cli {

namespace fs = std::filesystem;

namespace {

// The job file names `--recursive` and directory arguments pick up (".nomad.hcl" ends in ".hcl").
bool is_job_file(const fs::path& p) {
    const std::string name = p.filename().string();
    for (const std::string_view ext : {".hcl", ".nomad", ".job"})
        if (name.size() > ext.size() && name.ends_with(ext)) return true;
    return false;
}

void add_directory(const fs::path& dir, bool recursive, std::vector<FmtInput>& out, std::vector<std::string>& errors) {
    std::vector<std::string> found;
    std::error_code ec;
    auto visit = [&](const fs::directory_entry& e) {
        std::error_code fec;
        if (e.is_regular_file(fec) && is_job_file(e.path())) found.push_back(e.path().lexically_normal().string());
    };
    if (recursive) {
        fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) visit(*it);
    } else {
        fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) visit(*it);
    }
    if (ec) errors.push_back(dir.string() + ": " + ec.message());
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back(FmtInput{std::move(f), false, true});
}

}  // namespace

std::vector<FmtInput> collect_inputs(const std::vector<std::string>& paths, bool recursive,
                                     std::vector<std::string>& errors) {
    std::vector<FmtInput> out;
    if (paths.empty()) out.push_back(FmtInput{"-", true});
    for (const auto& p : paths) {
        std::error_code ec;
        if (p == "-") {
            out.push_back(FmtInput{"-", true});
        } else if (fs::is_directory(p, ec)) {
            add_directory(p, recursive, out, errors);
        } else if (fs::exists(p, ec)) {
            out.push_back(FmtInput{p, false});
        } else {
            errors.push_back(p + ": " + (ec ? ec.message() : std::string("No such file or directory")));
        }
    }
    return out;
}

std::optional<std::string> read_input(const FmtInput& input, std::string& error) {
    std::ostringstream buf;
    if (input.is_stdin) {
        buf << std::cin.rdbuf();
        if (std::cin.bad()) return error = "-: cannot read standard input", std::nullopt;
        return std::move(buf).str();
    }
    std::ifstream in(input.path, std::ios::binary);
    if (!in) return error = input.path + ": " + std::strerror(errno), std::nullopt;
    buf << in.rdbuf();
    if (in.bad()) return error = input.path + ": read error", std::nullopt;
    return std::move(buf).str();
}

namespace {

bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

bool replace_file(const std::string& path, const std::string& text, std::string& error) {
    std::error_code ec;
    fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : fs::path(path);
    if (ec) return error = path + ": " + ec.message(), false;
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) return error = path + ": " + std::strerror(errno), false;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmp = (dir / ("." + target.filename().string() + ".hjob-fmt-XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return error = path + ": cannot create a temporary file: " + std::strerror(errno), false;
    // fsync before rename: the new name must never point at data that is not on disk yet.
    bool ok = ::fchmod(fd, st.st_mode & 07777) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    const int saved = errno;
    ok = (::close(fd) == 0) && ok;
    if (ok && ::rename(tmp.c_str(), target.c_str()) == 0) return true;
    error = path + ": cannot write: " + std::strerror(ok ? errno : saved);
    ::unlink(tmp.c_str());
    return false;
}

}  // namespace hjob::cli
