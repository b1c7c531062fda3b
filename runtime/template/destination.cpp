// Writing rendered templates (template_set.hpp: write_destination, parse_env_file).
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/artifact/confine.hpp"
#include "template_set.hpp"

namespace hjob::runtime::tmpl {

namespace fs = std::filesystem;

std::string write_destination(const std::string& task_dir, const std::string& destination, const std::string& text,
                              const std::string& perms) {
    auto c = artifact::confine(task_dir, destination, "template destination");
    if (!c.error.empty()) return c.error;
    if (c.relative.empty()) return "template destination \"" + destination + "\" is the task directory itself";
    char* end = nullptr;
    long mode = std::strtol(perms.c_str(), &end, 8);
    if (perms.empty() || *end != '\0' || mode < 0 || mode > 07777) return "perms \"" + perms + "\" is not an octal mode";
    if (auto err = artifact::make_dirs_inside(task_dir, c.relative.parent_path()); !err.empty()) return err;
    std::string tmp = (c.path.parent_path() / ".hjob-template-XXXXXX").string();
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) return "cannot write " + c.path.string() + ": " + std::strerror(errno);
    bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fchmod(fd, mode_t(mode)) == 0;
    int err = errno;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), c.path.c_str()) != 0) {
        if (ok) err = errno;
        ::unlink(tmp.c_str());
        return "cannot write " + c.path.string() + ": " + std::strerror(err);
    }
    return "";
}

std::map<std::string, std::string> parse_env_file(const std::string& text, std::string& error) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0, line_no = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        ++line_no;
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        if (line.rfind("export ", 0) == 0) line = line.substr(7);
        auto eq = line.find('=');
        std::string key = eq == std::string::npos ? "" : line.substr(0, eq);
        while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
        if (key.empty() || key.find_first_of(" \t\"'") != std::string::npos) {
            error = "env template line " + std::to_string(line_no) + ": expected KEY=value";
            return {};
        }
        std::string value = line.substr(eq + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0])
            value = value.substr(1, value.size() - 2);
        out[key] = value;
    }
    return out;
}

}  // namespace hjob::runtime::tmpl
