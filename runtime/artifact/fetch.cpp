// Fetching one artifact (artifact.hpp): parse the source, get the bytes (local copy or HTTP
// download into the task's tmp/), verify the checksum, then install: unpack an archive, copy a
// directory, or place a single file, always inside the task directory.
#include "artifact.hpp"

#include <stdlib.h>
#include <unistd.h>

#include "checksum.hpp"
#include "confine.hpp"
#include "extract.hpp"
#include "http_get.hpp"
#include "source.hpp"

namespace hjob::runtime::artifact {

namespace fs = std::filesystem;

namespace {

// A download's temporary file inside the task directory, removed unless it was moved away.
struct TempFile {
    fs::path path;
    explicit TempFile(const fs::path& root) {
        fs::path dir = fs::is_directory(root / "tmp") ? root / "tmp" : root;
        std::string pattern = (dir / ".hjob-artifact-XXXXXX").string();
        int fd = ::mkstemp(pattern.data());
        if (fd >= 0) {
            ::close(fd);
            path = pattern;
        }
    }
    ~TempFile() {
        std::error_code ec;
        if (!path.empty()) fs::remove(path, ec);
    }
};

std::string copy_file_inside(const fs::path& from, const fs::path& root, const fs::path& rel,
                             std::vector<std::string>& written) {
    if (auto err = make_dirs_inside(root, rel.parent_path()); !err.empty()) return err;
    fs::path to = root / rel;
    if (auto err = clear_spot(to); !err.empty()) return err;
    std::error_code ec;
    fs::copy_file(from, to, ec);
    if (ec) return "cannot copy " + from.string() + " to " + to.string() + ": " + ec.message();
    written.push_back(to.string());
    return "";
}

// A local directory source, copied file by file (symlinked files are copied by content,
// symlinked directories are not followed).
std::string copy_dir_inside(const fs::path& from, const fs::path& root, const fs::path& rel,
                            std::vector<std::string>& written) {
    if (auto err = make_dirs_inside(root, rel); !err.empty()) return err;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        fs::path sub = rel / fs::relative(it->path(), from);
        if (it->is_symlink() && it->is_directory()) continue;
        std::string err = it->is_directory() ? make_dirs_inside(root, sub)
                          : it->is_regular_file() ? copy_file_inside(it->path(), root, sub, written)
                                                  : "";
        if (!err.empty()) return err;
    }
    return ec ? "cannot read " + from.string() + ": " + ec.message() : "";
}

std::string verify(const fs::path& file, const Source& s) {
    if (s.checksum_type.empty()) return "";
    if (fs::is_directory(file)) return "a checksum cannot be verified on a directory (" + file.string() + ")";
    std::string error;
    std::string digest = file_digest(file, s.checksum_type, error);
    if (!error.empty()) return error;
    if (digest != s.checksum)
        return "checksum mismatch: the " + s.checksum_type + " of " + s.filename + " is " + digest + ", expected " + s.checksum;
    return "";
}

bool plain_name(const std::string& f) { return !f.empty() && f != "." && f != ".." && f.find('/') == std::string::npos; }

std::string install(const ir::Artifact& a, const Source& s, const fs::path& got, const fs::path& root,
                    const fs::path& dest, std::vector<std::string>& written) {
    if (fs::is_directory(got)) {
        if (a.mode == "file") return "mode \"file\" but " + got.string() + " is a directory";
        return copy_dir_inside(got, root, dest, written);
    }
    bool single = s.archive == "gz" || s.archive == "bz2" || s.archive == "xz";
    if (single && a.mode == "file") return decompress(got, s.filename, root, dest, written);
    if (single && a.mode == "any") {
        std::string name = s.filename.substr(0, s.filename.rfind('.'));
        if (!plain_name(name)) return "the compressed file \"" + s.filename + "\" names no file to decompress into";
        return decompress(got, s.filename, root, dest / name, written);
    }
    if (!s.archive.empty() && !single && a.mode != "file") return extract(got, root, dest, written);
    if (a.mode == "dir") return "mode \"dir\" needs an archive or a directory, and " + s.filename + " is neither";
    if (a.mode == "file") return copy_file_inside(got, root, dest, written);
    if (!plain_name(s.filename)) return "the source names no file (\"" + s.filename + "\"): give mode = \"file\" and a destination";
    return copy_file_inside(got, root, dest / s.filename, written);
}

std::string fetch_into(const ir::Artifact& a, const fs::path& root, std::vector<std::string>& written) {
    if (a.mode != "any" && a.mode != "file" && a.mode != "dir") return "mode \"" + a.mode + "\": expected any, file or dir";
    Source s = parse_source(a);
    if (!s.error.empty()) return s.error;
    std::string dest = a.destination.empty() ? "local/" : a.destination;
    if (a.mode == "file" && dest.back() == '/') {
        if (!plain_name(s.filename)) return "the source names no file: give mode = \"file\" a destination file name";
        dest += s.filename;
    }
    Confined c = confine(root, dest, "destination");
    if (!c.error.empty()) return c.error;
    if (!s.remote) {
        fs::path got = fs::path(s.location).is_absolute() ? fs::path(s.location) : root / s.location;
        std::error_code ec;
        if (!fs::exists(got, ec)) return "source " + got.string() + " does not exist";
        if (auto err = verify(got, s); !err.empty()) return err;
        return install(a, s, got, root, c.relative, written);
    }
    TempFile tmp(root);
    if (tmp.path.empty()) return "cannot create a temporary file in " + root.string();
    if (auto err = http_download(s.location, a.headers, a.insecure, tmp.path); !err.empty()) return err;
    if (auto err = verify(tmp.path, s); !err.empty()) return err;
    return install(a, s, tmp.path, root, c.relative, written);
}

}  // namespace

FetchResult fetch(const ir::Artifact& a, const std::string& task_dir) {
    FetchResult r;
    try {
        r.error = fetch_into(a, fs::path(task_dir), r.written);
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    r.ok = r.error.empty();
    return r;
}

}  // namespace hjob::runtime::artifact
