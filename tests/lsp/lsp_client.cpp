// The test client (see lsp_client.hpp): fork/exec, non-blocking pipes, poll with deadlines.
#include "lsp_client.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hjob::test {

namespace {

const std::string hjob_binary = std::string(HJOB_BINARY_DIR) + "/hjob";

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

}  // namespace

LspClient::LspClient(const std::vector<std::string>& args) {
    ::signal(SIGPIPE, SIG_IGN);  // a server that exits must not kill the test with it
    int in[2], out[2], err[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> argv{hjob_binary, "lsp"};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
        std::vector<char*> cargv;
        for (auto& a : argv) cargv.push_back(a.data());
        cargv.push_back(nullptr);
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    in_ = in[1];
    out_ = out[0];
    err_fd_ = err[0];
    for (int fd : {in_, out_, err_fd_}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

LspClient::~LspClient() {
    close_fd(in_);
    if (!status_ && pid_ > 0 && !wait_exit(2s)) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    close_fd(out_);
    close_fd(err_fd_);
}

void LspClient::pump(Deadline deadline, std::string_view* out) {
    std::array<char, 1 << 16> buf{};
    const auto now = std::chrono::steady_clock::now();
    const int timeout = now >= deadline ? 0 : static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count());
    std::array<pollfd, 3> fds{{{out_, POLLIN, 0}, {err_fd_, POLLIN, 0}, {out != nullptr ? in_ : -1, POLLOUT, 0}}};
    if (::poll(fds.data(), fds.size(), timeout) <= 0) return;
    for (int i = 0; i < 2; ++i) {
        int& fd = i == 0 ? out_ : err_fd_;
        if (fd < 0 || fds[static_cast<std::size_t>(i)].revents == 0) continue;
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n > 0) (i == 0 ? buffer_ : err_).append(buf.data(), static_cast<std::size_t>(n));
        else if (n == 0 || errno != EAGAIN) close_fd(fd);
    }
    if (out != nullptr && fds[2].revents != 0) {
        const ssize_t n = ::write(in_, out->data(), std::min<std::size_t>(out->size(), 1 << 16));
        if (n > 0) out->remove_prefix(static_cast<std::size_t>(n));
        else if (errno != EAGAIN) close_fd(in_);
    }
    parse_frames();
}

void LspClient::parse_frames() {
    for (;;) {
        const auto end = buffer_.find("\r\n\r\n");
        if (end == std::string::npos) return;
        const auto at = buffer_.find("Content-Length: ");
        if (at == std::string::npos || at > end) throw std::runtime_error("server sent a frame without Content-Length");
        const std::size_t length = std::stoul(buffer_.substr(at + 16, end - at - 16));
        if (buffer_.size() < end + 4 + length) return;
        inbox_.push_back(Json::parse(buffer_.substr(end + 4, length)));
        buffer_.erase(0, end + 4 + length);
    }
}

bool LspClient::send_raw(std::string_view bytes, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!bytes.empty()) {
        if (in_ < 0 || std::chrono::steady_clock::now() >= deadline) return false;
        pump(deadline, &bytes);
    }
    return true;
}

bool LspClient::send(const Json& message) {
    const std::string body = message.dump();
    return send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

void LspClient::notify(const std::string& method, Json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

Json LspClient::request(const std::string& method, Json params, std::chrono::milliseconds timeout) {
    const int id = next_id_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return response(id, timeout);
}

std::optional<Json> LspClient::next(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (inbox_.empty() && out_ >= 0 && std::chrono::steady_clock::now() < deadline) pump(deadline, nullptr);
    if (inbox_.empty()) return std::nullopt;
    Json m = std::move(inbox_.front());
    inbox_.pop_front();
    return m;
}

Json LspClient::response(const Json& id, std::chrono::milliseconds timeout) {
    return notification("", [&](const Json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
                        timeout);
}

Json LspClient::notification(const std::string& method, const std::function<bool(const Json&)>& match,
                             std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t seen = 0;
    for (;;) {
        for (; seen < inbox_.size(); ++seen) {
            const Json& m = inbox_[seen];
            const bool wanted = method.empty() ? match(m) : m.value("method", "") == method && match(m.value("params", Json()));
            if (!wanted) continue;
            Json found = m;
            inbox_.erase(inbox_.begin() + static_cast<std::ptrdiff_t>(seen));
            return found;
        }
        if (out_ < 0 || std::chrono::steady_clock::now() >= deadline) return {};
        pump(deadline, nullptr);
    }
}

Json LspClient::diagnostics(const std::string& uri, std::optional<std::int64_t> version, std::chrono::milliseconds timeout) {
    const Json m = notification(
        "textDocument/publishDiagnostics",
        [&](const Json& p) { return p.value("uri", "") == uri && (!version || p.value("version", -1) == *version); }, timeout);
    return m.is_null() ? m : m["params"];
}

Json LspClient::initialize(Json capabilities) {
    Json r = request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", std::move(capabilities)}});
    notify("initialized", Json::object());
    return r;
}

void LspClient::open(const std::string& uri, const std::string& text, std::int64_t version) {
    notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "hcl"}, {"version", version}, {"text", text}}}});
}

void LspClient::close_input() { close_fd(in_); }

std::optional<int> LspClient::wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!status_) {
        int status = 0;
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        pump(std::chrono::steady_clock::now() + 20ms, nullptr);  // keep draining its output
    }
    return *status_ < 0 ? std::nullopt : status_;
}

Json lsp_position(std::string_view text, std::size_t offset, bool utf16) {
    std::size_t line = 0, start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') ++line, start = i + 1;
    std::size_t character = 0;
    for (std::size_t i = start; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!utf16) ++character;
        else if ((c & 0xC0) != 0x80) character += c >= 0xF0 ? 2 : 1;
    }
    return {{"line", line}, {"character", character}};
}

std::size_t lsp_offset(std::string_view text, const Json& pos, bool utf16) {
    std::size_t i = 0;
    for (std::size_t line = 0; line < pos.at("line").get<std::size_t>() && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    for (std::size_t units = 0; i < text.size() && text[i] != '\n';) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const std::size_t width = utf16 ? (len == 4 ? 2 : 1) : len;
        if (units + width > pos.at("character").get<std::size_t>()) break;
        units += width;
        i += len;
    }
    return i;
}

void apply_edit(std::string& text, const Json& edit, bool utf16) {
    const std::size_t a = lsp_offset(text, edit["range"]["start"], utf16), b = lsp_offset(text, edit["range"]["end"], utf16);
    text.replace(a, b - a, edit["newText"].get<std::string>());
}

Json range_change(const std::string& uri, std::int64_t version, const Json& range, const std::string& text) {
    return {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges", Json::array({{{"range", range}, {"text", text}}})}};
}

std::string run_hjob(const std::vector<std::string>& args) {
    std::string cmd = hjob_binary;
    for (const auto& a : args) {
        cmd += " '";
        cmd += a;  // test arguments hold no single quote
        cmd += '\'';
    }
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        std::array<char, 4096> buf{};
        while (const std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
        ::pclose(p);
    }
    return out;
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hjob-lsp-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
    const std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

}  // namespace hjob::test
