// Path confinement (confine.hpp).
#include "confine.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hjob::runtime::artifact {

namespace fs = std::filesystem;

bool is_within(const fs::path& base, const fs::path& p) {
    auto b = base.begin(), be = base.end();
    auto i = p.begin(), ie = p.end();
    for (; b != be; ++b, ++i) {
        if (b->empty()) continue;  // a trailing separator in base
        if (i == ie || *i != *b) return false;
    }
    return true;
}

Confined confine(const fs::path& root, const std::string& relative, const std::string& what) {
    Confined c;
    fs::path rel(relative);
    if (rel.is_absolute()) {
        c.error = what + " \"" + relative + "\" is absolute: it must be relative to the task directory";
        return c;
    }
    c.relative = rel.lexically_normal();
    if (c.relative == ".") c.relative.clear();
    if (!c.relative.empty() && *c.relative.begin() == "..") {
        c.error = what + " \"" + relative + "\" escapes the task directory";
        return c;
    }
    c.path = root / c.relative;
    std::error_code ec;
    fs::path real_root = fs::weakly_canonical(root, ec);
    fs::path real = ec ? fs::path() : fs::weakly_canonical(c.path, ec);
    if (ec || !is_within(real_root, real))
        c.error = what + " \"" + relative + "\" resolves outside the task directory (through a symlink)";
    return c;
}

std::string make_dirs_inside(const fs::path& root, const fs::path& relative) {
    fs::path at = root;
    for (const fs::path& part : relative) {
        if (part.empty() || part == ".") continue;
        if (part == "..") return "path \"" + relative.string() + "\" climbs with ..";
        at /= part;
        struct stat st {};
        if (::lstat(at.c_str(), &st) == 0) {
            if (S_ISLNK(st.st_mode)) return "\"" + at.string() + "\" is a symlink: refusing to write through it";
            if (!S_ISDIR(st.st_mode)) return "\"" + at.string() + "\" exists and is not a directory";
            continue;
        }
        if (::mkdir(at.c_str(), 0755) != 0 && errno != EEXIST)
            return "cannot create " + at.string() + ": " + std::strerror(errno);
    }
    return "";
}

std::string clear_spot(const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return "";
    if (S_ISDIR(st.st_mode)) return "\"" + p.string() + "\" is a directory";
    if (::unlink(p.c_str()) != 0) return "cannot replace " + p.string() + ": " + std::strerror(errno);
    return "";
}

}  // namespace hjob::runtime::artifact
