// Archive unpacking (extract.hpp). Writes files itself rather than with archive_write_disk so
// that every write goes through the same confinement checks as the rest of the artifact code.
#include "extract.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include <archive.h>
#include <archive_entry.h>

#include "confine.hpp"

namespace hjob::runtime::artifact {

namespace fs = std::filesystem;

namespace {

using Reader = std::unique_ptr<archive, decltype(&archive_read_free)>;

Reader open_reader(const fs::path& file, std::string& error) {
    Reader r(archive_read_new(), archive_read_free);
    archive_read_support_format_tar(r.get());
    archive_read_support_format_zip(r.get());
    archive_read_support_filter_gzip(r.get());
    archive_read_support_filter_bzip2(r.get());
    archive_read_support_filter_xz(r.get());
    if (archive_read_open_filename(r.get(), file.c_str(), 1 << 16) != ARCHIVE_OK) {
        error = std::string("cannot open the archive: ") + archive_error_string(r.get());
        r.reset();
    }
    return r;
}

// The entry's path relative to the destination ("" for the destination itself), or an error.
std::string entry_path(const char* name, fs::path& rel) {
    std::string n = name ? name : "";
    if (n.empty()) return "an archive entry has no name";
    fs::path p(n);
    if (p.is_absolute()) return "archive entry \"" + n + "\" is an absolute path: refusing the archive";
    for (const fs::path& part : p)
        if (part == "..") return "archive entry \"" + n + "\" would be written outside the destination: refusing the archive";
    rel = p.lexically_normal();
    if (rel == ".") rel.clear();
    return "";
}

// Phase one: every header checked before anything is written.
std::string check_entries(const fs::path& file) {
    std::string error;
    Reader r = open_reader(file, error);
    if (!r) return error;
    archive_entry* e = nullptr;
    std::size_t count = 0;
    int rc;
    while ((rc = archive_read_next_header(r.get(), &e)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
        if (++count > kMaxEntries) return "the archive has more than " + std::to_string(kMaxEntries) + " entries";
        fs::path rel;
        if (auto err = entry_path(archive_entry_pathname(e), rel); !err.empty()) return err;
        std::string name = archive_entry_pathname(e);
        if (const char* hard = archive_entry_hardlink(e)) {
            fs::path target;
            if (auto err = entry_path(hard, target); !err.empty())
                return "archive hard link \"" + name + "\" points outside the destination: refusing the archive";
            continue;
        }
        auto type = archive_entry_filetype(e);
        if (type == AE_IFLNK) {
            fs::path target(archive_entry_symlink(e) ? archive_entry_symlink(e) : "");
            fs::path resolved = (rel.parent_path() / target).lexically_normal();
            if (target.empty() || target.is_absolute() || (!resolved.empty() && *resolved.begin() == ".."))
                return "archive symlink \"" + name + "\" -> \"" + target.string() +
                       "\" points outside the destination: refusing the archive";
        } else if (type != AE_IFREG && type != AE_IFDIR) {
            return "archive entry \"" + name + "\" is a device, fifo or socket: refusing the archive";
        }
    }
    if (rc != ARCHIVE_EOF) return std::string("cannot read the archive: ") + archive_error_string(r.get());
    return "";
}

std::string write_file(archive* r, const fs::path& p, mode_t mode, std::uint64_t& total) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) return "cannot write " + p.string() + ": " + std::strerror(errno);
    const void* buf;
    size_t size;
    la_int64_t offset;
    int rc;
    std::string error;
    while ((rc = archive_read_data_block(r, &buf, &size, &offset)) == ARCHIVE_OK) {
        total += size;
        if (total > kMaxUnpackedBytes) {
            error = "the archive unpacks to more than " + std::to_string(kMaxUnpackedBytes >> 30) + " GiB";
            break;
        }
        if (::pwrite(fd, buf, size, offset) != ssize_t(size)) {
            error = "cannot write " + p.string() + ": " + std::strerror(errno);
            break;
        }
    }
    if (error.empty() && rc != ARCHIVE_EOF) error = std::string("cannot read the archive: ") + archive_error_string(r);
    ::close(fd);
    return error;
}

// Writes one entry at root/dest/rel.
std::string write_entry(archive* r, archive_entry* e, const fs::path& root, const fs::path& dest, const fs::path& rel,
                        std::uint64_t& total, std::vector<std::string>& written) {
    fs::path p = root / dest / rel;
    mode_t mode = archive_entry_perm(e) & 0777;
    if (archive_entry_filetype(e) == AE_IFDIR && !archive_entry_hardlink(e)) {
        if (auto err = make_dirs_inside(root, dest / rel); !err.empty()) return err;
        ::chmod(p.c_str(), mode | S_IRWXU);
        return "";
    }
    if (auto err = make_dirs_inside(root, dest / rel.parent_path()); !err.empty()) return err;
    if (auto err = clear_spot(p); !err.empty()) return err;
    if (const char* hard = archive_entry_hardlink(e)) {
        fs::path target = root / dest / fs::path(hard).lexically_normal();
        struct stat st {};
        if (::lstat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || ::link(target.c_str(), p.c_str()) != 0)
            return "cannot link " + p.string() + " to " + target.string();
    } else if (archive_entry_filetype(e) == AE_IFLNK) {
        if (::symlink(archive_entry_symlink(e), p.c_str()) != 0)
            return "cannot create symlink " + p.string() + ": " + std::strerror(errno);
    } else if (auto err = write_file(r, p, mode | S_IRUSR | S_IWUSR, total); !err.empty()) {
        return err;
    }
    written.push_back(p.string());
    return "";
}

}  // namespace

std::string extract(const fs::path& file, const fs::path& root, const fs::path& dest, std::vector<std::string>& written) {
    if (auto err = check_entries(file); !err.empty()) return err;
    if (auto err = make_dirs_inside(root, dest); !err.empty()) return err;
    std::string error;
    Reader r = open_reader(file, error);
    if (!r) return error;
    archive_entry* e = nullptr;
    std::uint64_t total = 0;
    int rc;
    while ((rc = archive_read_next_header(r.get(), &e)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
        fs::path rel;
        if (auto err = entry_path(archive_entry_pathname(e), rel); !err.empty()) return err;
        if (rel.empty()) continue;
        if (auto err = write_entry(r.get(), e, root, dest, rel, total, written); !err.empty()) return err;
    }
    if (rc != ARCHIVE_EOF) return std::string("cannot read the archive: ") + archive_error_string(r.get());
    return "";
}

std::string decompress(const fs::path& file, const std::string& name, const fs::path& root, const fs::path& target,
                       std::vector<std::string>& written) {
    Reader r(archive_read_new(), archive_read_free);
    archive_read_support_format_raw(r.get());
    archive_read_support_filter_gzip(r.get());
    archive_read_support_filter_bzip2(r.get());
    archive_read_support_filter_xz(r.get());
    if (archive_read_open_filename(r.get(), file.c_str(), 1 << 16) != ARCHIVE_OK)
        return std::string("cannot open the compressed file: ") + archive_error_string(r.get());
    archive_entry* e = nullptr;
    if (archive_read_next_header(r.get(), &e) != ARCHIVE_OK)
        return std::string("cannot read the compressed file: ") + archive_error_string(r.get());
    // The raw format takes any bytes: without a decompression filter the name lied.
    if (archive_filter_code(r.get(), 0) == ARCHIVE_FILTER_NONE)
        return name + " is not gzip, bzip2 or xz data";
    if (auto err = make_dirs_inside(root, target.parent_path()); !err.empty()) return err;
    fs::path p = root / target;
    if (auto err = clear_spot(p); !err.empty()) return err;
    std::uint64_t total = 0;
    if (auto err = write_file(r.get(), p, 0644, total); !err.empty()) return err;
    written.push_back(p.string());
    return "";
}

}  // namespace hjob::runtime::artifact
