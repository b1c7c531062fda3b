// Content-Length framing (see framing.hpp).
#include "framing.hpp"

#include <algorithm>
#include <cctype>

namespace hjob::lsp {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The value of Content-Length in a header block; nullopt when absent or not a number.
// Values beyond 2^63 saturate: they are too large either way.
std::optional<std::uint64_t> content_length(std::string_view headers) {
    std::optional<std::uint64_t> length;
    while (!headers.empty()) {
        const auto eol = headers.find("\r\n");
        const std::string_view line = headers.substr(0, eol);
        headers.remove_prefix(eol == std::string_view::npos ? headers.size() : eol + 2);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || !iequals(trim(line.substr(0, colon)), "Content-Length")) continue;
        const std::string_view value = trim(line.substr(colon + 1));
        if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        std::uint64_t n = 0;
        for (char c : value) n = n > (1ull << 59) ? (1ull << 63) : n * 10 + static_cast<std::uint64_t>(c - '0');
        length = n;
    }
    return length;
}

}  // namespace

void Framer::feed(std::string_view bytes) { buffer_.append(bytes); }

std::optional<Frame> Framer::read_header() {
    const auto end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (buffer_.size() <= max_header_bytes) return std::nullopt;
        buffer_.erase(0, buffer_.size() - 3);  // keep what may begin a "\r\n\r\n"
        if (garbage_reported_) return std::nullopt;
        garbage_reported_ = true;
        return Frame{Frame::Kind::bad_header, {}, 0};
    }
    const auto length = content_length(std::string_view(buffer_).substr(0, end));
    buffer_.erase(0, end + 4);
    if (!length) return Frame{Frame::Kind::bad_header, {}, 0};
    remaining_ = *length;
    state_ = *length > max_body_ ? State::skip : State::body;
    if (state_ == State::skip) return Frame{Frame::Kind::too_large, {}, *length};
    return std::nullopt;
}

std::optional<Frame> Framer::next() {
    for (;;) {
        if (state_ == State::header) {
            if (auto f = read_header()) return f;
            if (state_ == State::header) return std::nullopt;  // the header is incomplete
        } else if (state_ == State::skip) {
            const auto drop = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, buffer_.size()));
            buffer_.erase(0, drop);
            remaining_ -= drop;
            if (remaining_ > 0) return std::nullopt;
            state_ = State::header;
        } else {
            if (buffer_.size() < remaining_) return std::nullopt;
            Frame f{Frame::Kind::message, buffer_.substr(0, static_cast<std::size_t>(remaining_)), remaining_};
            buffer_.erase(0, static_cast<std::size_t>(remaining_));
            state_ = State::header;
            garbage_reported_ = false;
            return f;
        }
    }
}

}  // namespace hjob::lsp
