// HTTP(S) downloads for artifacts: one GET, following redirects, the body streamed to a file.
// Boost.Beast over Asio with OpenSSL; certificates checked against the system's trust store
// (and the host name) unless the artifact says `insecure = true`.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace hjob::runtime::artifact {

/// Why each value: a stalled server must not hold the agent's thread for long, and a body larger
/// than any sensible artifact is more likely a mistake (or an attack) than a download.
constexpr int kHttpTimeoutSeconds = 30;      ///< per connect, handshake, and each read
constexpr int kMaxRedirects = 10;            ///< as Go's net/http client
constexpr std::uint64_t kMaxDownloadBytes = std::uint64_t(2) << 30;  ///< 2 GiB

/// GETs `url` into the file `to` (created or truncated). Returns "" on a 2xx, else the reason
/// ("GET URL: 404 Not Found", "connect ...: Connection refused", a TLS verification failure).
std::string http_download(const std::string& url, const std::map<std::string, std::string>& headers, bool insecure,
                          const std::filesystem::path& to);

/// GETs `url` into `body` (at most 1 MiB, no redirects followed: API answers, not downloads).
/// Returns the HTTP status, or 0 with `error` set when no answer came.
unsigned http_get_text(const std::string& url, const std::map<std::string, std::string>& headers, std::string& body,
                       std::string& error);

}  // namespace hjob::runtime::artifact
