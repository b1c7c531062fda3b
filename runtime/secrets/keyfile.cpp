// Creating, checking and replacing the key file with POSIX calls, so the mode is 0600 from
// the first byte (no window where a umask-created file is readable by others).
#include "keyfile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace hjob::secrets {

namespace fs = std::filesystem;

namespace {

std::string os_error(const std::string& what, const fs::path& p) {
    return what + " " + p.string() + ": " + std::strerror(errno);
}

// Writes all of `data` to a new file with mode 0600 and syncs it.
Status write_new(const fs::path& p, const unsigned char* data, std::size_t n) {
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Status::fail(os_error("cannot create", p));
    const bool ok = ::write(fd, data, n) == static_cast<ssize_t>(n) && ::fsync(fd) == 0;
    const std::string err = ok ? "" : os_error("cannot write", p);
    ::close(fd);
    if (!ok) {
        ::unlink(p.c_str());
        return Status::fail(err);
    }
    return success();
}

void sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

fs::path temp_beside(const fs::path& file) { return file.string() + ".tmp." + std::to_string(::getpid()); }

Result<Key> read_key(const fs::path& p) {
    using R = Result<Key>;
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return R::fail(os_error("cannot open the secrets key file", p));
    struct stat st {};
    ::fstat(fd, &st);
    char buf[key_bytes + 1];
    const ssize_t n = S_ISREG(st.st_mode) ? ::read(fd, buf, sizeof buf) : -1;
    ::close(fd);
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return R::fail("refusing the secrets key file " + p.string() + ": its mode is " + mode +
                       ", so group or others can read or change it; run `chmod 600 " + p.string() +
                       "` (and consider rekeying, since the key may have been read)");
    }
    if (st.st_uid != ::geteuid())
        return R::fail("refusing the secrets key file " + p.string() + ": it belongs to another user");
    auto key = n >= 0 ? Key::from_bytes(std::string_view(buf, static_cast<std::size_t>(n))) : std::nullopt;
    std::memset(buf, 0, sizeof buf);
    if (!key) return R::fail("the secrets key file " + p.string() + " is damaged: it must hold exactly 32 bytes");
    return R::ok(*key);
}

}  // namespace

fs::path key_file(const fs::path& dir) { return dir / "secrets.key"; }
fs::path pending_key_file(const fs::path& dir) { return dir / "secrets.key.rekey"; }

Status write_key_file(const fs::path& file, const Key& key) {
    const fs::path tmp = temp_beside(file);
    ::unlink(tmp.c_str());
    if (auto s = write_new(tmp, key.data(), key_bytes); !s) return s;
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const std::string err = os_error("cannot rename the key file onto", file);
        ::unlink(tmp.c_str());
        return Status::fail(err);
    }
    sync_dir(file.parent_path().empty() ? fs::path(".") : file.parent_path());
    return success();
}

Result<KeyRing> open_keys(const fs::path& dir, bool create) {
    using R = Result<KeyRing>;
    if (!crypto_ready()) return R::fail("libsodium could not be initialised");
    const fs::path file = key_file(dir);
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        if (!create) return R::fail("no secrets key file in " + dir.string() + " (nothing was ever encrypted there)");
        // link() refuses an existing target, so two first uses at once agree on one key.
        const fs::path tmp = temp_beside(file);
        ::unlink(tmp.c_str());
        const Key k = Key::generate();
        if (auto s = write_new(tmp, k.data(), key_bytes); !s) return R::fail(s.error);
        const int linked = ::link(tmp.c_str(), file.c_str());
        const int err = errno;
        ::unlink(tmp.c_str());
        if (linked != 0 && err != EEXIST) {
            errno = err;
            return R::fail(os_error("cannot create the secrets key file", file));
        }
        sync_dir(dir);
    }
    // The pending key is read before the current one: a rekey renames the pending file over
    // the current one, so in this order a reader racing that rename still sees the new key in
    // one of the two reads (in the other order it could miss it in both).
    std::optional<Key> pending;
    if (fs::exists(pending_key_file(dir), ec)) {
        auto p = read_key(pending_key_file(dir));
        if (p) pending = *p;
        else if (fs::exists(pending_key_file(dir), ec)) return R::fail(p.error);  // not just renamed away
    }
    auto current = read_key(file);
    if (!current) return R::fail(current.error);
    KeyRing ring{*current, std::nullopt};
    if (pending && std::memcmp(pending->data(), current->data(), key_bytes) != 0) ring.pending = *pending;
    return R::ok(std::move(ring));
}

}  // namespace hjob::secrets
