// The base protocol of LSP: each message is a header block ("Content-Length: N\r\n", other
// headers ignored, then "\r\n") followed by N bytes of UTF-8 JSON. The Framer cuts an input
// stream into messages without trusting it: bounded headers, bounded bodies, and a body
// too large to accept is skipped as it streams in, never held in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hjob::lsp {

/// The largest body accepted. A real document is a few megabytes at most; 64 MiB leaves room
/// for a generated job while bounding what a broken or hostile client can make us buffer.
inline constexpr std::size_t max_message_bytes = 64u << 20;

/// A header block longer than this without its closing blank line is not LSP: the bytes are
/// dropped (and reported once) rather than buffered. Real headers are under 100 bytes.
inline constexpr std::size_t max_header_bytes = 8192;

struct Frame {
    enum class Kind {
        message,     ///< `body` holds a complete message
        too_large,   ///< Content-Length `declared` exceeds the limit; the body is being skipped
        bad_header,  ///< a header block without a valid Content-Length, or unframed garbage
    };
    Kind kind = Kind::message;
    std::string body;
    std::uint64_t declared = 0;
};

class Framer {
public:
    explicit Framer(std::size_t max_body = max_message_bytes) : max_body_(max_body) {}

    /// Appends bytes read from the stream.
    void feed(std::string_view bytes);
    /// The next complete frame, if the bytes fed so far hold one.
    std::optional<Frame> next();
    /// True when the bytes fed so far end inside a message (a truncated stream at EOF).
    bool inside_message() const { return state_ != State::header || !buffer_.empty(); }

private:
    enum class State { header, body, skip };

    std::optional<Frame> read_header();

    std::size_t max_body_;
    State state_ = State::header;
    std::string buffer_;
    std::uint64_t remaining_ = 0;     ///< body bytes still expected (body) or to drop (skip)
    bool garbage_reported_ = false;   ///< one bad_header per run of unframed bytes
};

}  // namespace hjob::lsp
