// Timestamp parsing, formatting and arithmetic for the datetime and YAML functions.
#include "fn_time.hpp"

#include <limits>

namespace hjob::cty::fn {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2);
}

int days_in_month(std::int64_t y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

std::string pad(std::int64_t v, int width) {
    std::string s = std::to_string(v < 0 ? -v : v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return v < 0 ? "-" + s : s;
}

bool digits(std::string_view s, std::size_t i, std::size_t n) {
    if (i + n > s.size()) return false;
    for (std::size_t k = i; k < i + n; ++k)
        if (s[k] < '0' || s[k] > '9') return false;
    return true;
}

int number(std::string_view s, std::size_t i, std::size_t n) {
    int v = 0;
    for (std::size_t k = i; k < i + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
}

/// Fields read by both parsers; range checks happen in `make`.
struct Fields {
    std::int64_t year = 0;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0;
    std::int32_t nanos = 0, offset = 0;
};

std::optional<Timestamp> make(const Fields& f, std::string& error) {
    if (f.month < 1 || f.month > 12) error = "month out of range";
    else if (f.day < 1 || f.day > days_in_month(f.year, f.month)) error = "day out of range";
    else if (f.hour > 23) error = "hour out of range";
    else if (f.minute > 59) error = "minute out of range";
    else if (f.second > 59) error = "second out of range";
    if (!error.empty()) {
        error = "not a valid RFC3339 timestamp: " + error;
        return std::nullopt;
    }
    Timestamp t;
    t.unix = days_from_civil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second - f.offset;
    t.nanos = f.nanos;
    t.offset = f.offset;
    return t;
}

/// ".123" after the seconds: Go accepts 1 to 9 digits.
bool fraction(std::string_view s, std::size_t& i, std::int32_t& nanos) {
    if (i >= s.size() || s[i] != '.') return true;
    std::size_t k = ++i;
    std::int32_t v = 0, scale = 100000000;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
        if (scale > 0) v += (s[k] - '0') * scale;
        scale /= 10;
        ++k;
    }
    if (k == i) return false;
    nanos = v;
    i = k;
    return true;
}

}  // namespace

Timestamp::Civil Timestamp::civil() const {
    const std::int64_t local = unix + offset;
    std::int64_t days = local / 86400, secs = local % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    Civil c{};
    civil_from_days(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>(secs / 60 % 60);
    c.second = static_cast<int>(secs % 60);
    c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
    return c;
}

std::optional<Timestamp> parse_rfc3339(std::string_view s, std::string& error) {
    Fields f;
    std::size_t i = 0;
    auto field = [&](std::size_t n, const char* what, auto& out) {
        if (digits(s, i, n)) {
            out = number(s, i, n);
            i += n;
            return true;
        }
        std::size_t e = i;
        while (e < s.size() && e < i + n && s[e] >= '0' && s[e] <= '9') ++e;
        if (i >= s.size()) error = std::string("not a valid RFC3339 timestamp: end of string before ") + what;
        else error = "not a valid RFC3339 timestamp: cannot use \"" + std::string(s.substr(i, std::max<std::size_t>(e - i, 1))) + "\" as " + what;
        return false;
    };
    auto sep = [&](char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        if (i >= s.size()) error = std::string("not a valid RFC3339 timestamp: end of string where \"") + c + "\" is expected";
        else error = "not a valid RFC3339 timestamp: found \"" + std::string(s.substr(i, 1)) + "\" where \"" + c + "\" is expected";
        return false;
    };
    if (!field(4, "year", f.year) || !sep('-') || !field(2, "month", f.month) || !sep('-') || !field(2, "day of month", f.day))
        return std::nullopt;
    if (i >= s.size() || s[i] != 'T') {
        error = "not a valid RFC3339 timestamp: missing required time introducer 'T'";
        return std::nullopt;
    }
    ++i;
    if (!field(2, "hour", f.hour) || !sep(':') || !field(2, "minute", f.minute) || !sep(':') || !field(2, "second", f.second))
        return std::nullopt;
    if (!fraction(s, i, f.nanos)) {
        error = "not a valid RFC3339 timestamp: cannot use \"" + std::string(s.substr(i)) + "\" as UTC offset";
        return std::nullopt;
    }
    if (i < s.size() && s[i] == 'Z') {
        ++i;
    } else if (i + 6 <= s.size() && (s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) && s[i + 3] == ':' && digits(s, i + 4, 2)) {
        f.offset = (number(s, i + 1, 2) * 3600 + number(s, i + 4, 2) * 60) * (s[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        error = i >= s.size() ? "not a valid RFC3339 timestamp: end of string before UTC offset"
                              : "not a valid RFC3339 timestamp: cannot use \"" + std::string(s.substr(i)) + "\" as UTC offset";
        return std::nullopt;
    }
    if (i != s.size()) {
        error = "not a valid RFC3339 timestamp: extra text: \"" + std::string(s.substr(i)) + "\"";
        return std::nullopt;
    }
    return make(f, error);
}

std::string format_offset(std::int32_t offset, bool colon) {
    const char sign = offset < 0 ? '-' : '+';
    const std::int32_t a = offset < 0 ? -offset : offset;
    return sign + pad(a / 3600, 2) + (colon ? ":" : "") + pad(a / 60 % 60, 2);
}

std::string format_rfc3339(const Timestamp& t) {
    const auto c = t.civil();
    return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" +
           pad(c.second, 2) + (t.offset == 0 ? "Z" : format_offset(t.offset, true));
}

std::optional<Timestamp> add_duration(const Timestamp& t, std::int64_t d) {
    Timestamp r = t;
    r.unix += d / 1000000000;
    r.nanos += static_cast<std::int32_t>(d % 1000000000);
    if (r.nanos < 0) {
        r.nanos += 1000000000;
        --r.unix;
    } else if (r.nanos >= 1000000000) {
        r.nanos -= 1000000000;
        ++r.unix;
    }
    return r;
}

std::optional<std::int64_t> parse_duration(std::string_view orig, std::string& error) {
    const std::string quoted = std::string("\"").append(orig).append("\"");
    std::string_view s = orig;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return 0;
    if (s.empty()) {
        error = "time: invalid duration " + quoted;
        return std::nullopt;
    }
    std::uint64_t total = 0;
    constexpr std::uint64_t limit = std::uint64_t{1} << 63;
    while (!s.empty()) {
        std::size_t i = 0;
        std::uint64_t pre = 0, frac = 0;
        double scale = 1;
        bool any = false, overflow = false;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, any = true) {
            overflow = overflow || pre > (limit - 9) / 10;
            pre = pre * 10 + static_cast<std::uint64_t>(s[i] - '0');
        }
        if (i < s.size() && s[i] == '.') {
            for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, any = true)
                if (frac < (limit - 9) / 10) {  // Go drops digits that would overflow
                    frac = frac * 10 + static_cast<std::uint64_t>(s[i] - '0');
                    scale *= 10;
                }
        }
        if (!any || overflow) {
            error = "time: invalid duration " + quoted;
            return std::nullopt;
        }
        std::size_t u = i;
        while (u < s.size() && s[u] != '.' && (s[u] < '0' || s[u] > '9')) ++u;
        const std::string_view unit = s.substr(i, u - i);
        if (unit.empty()) {
            error = "time: missing unit in duration " + quoted;
            return std::nullopt;
        }
        std::uint64_t mult = 0;
        if (unit == "ns") mult = 1;
        else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") mult = 1000;
        else if (unit == "ms") mult = 1000000;
        else if (unit == "s") mult = 1000000000;
        else if (unit == "m") mult = 60000000000;
        else if (unit == "h") mult = 3600000000000;
        else {
            error = "time: unknown unit \"" + std::string(unit) + "\" in duration " + quoted;
            return std::nullopt;
        }
        // Go's arithmetic, including float64 for the fraction.
        if (pre > (limit - 1) / mult) {
            error = "time: invalid duration " + quoted;
            return std::nullopt;
        }
        std::uint64_t v = pre * mult;
        if (frac > 0) v += static_cast<std::uint64_t>(static_cast<double>(frac) * (static_cast<double>(mult) / scale));
        total += v;
        if (v > limit || total > limit) {
            error = "time: invalid duration " + quoted;
            return std::nullopt;
        }
        s.remove_prefix(u);
    }
    if (total == limit && !neg) {
        error = "time: invalid duration " + quoted;
        return std::nullopt;
    }
    if (total == limit) return std::numeric_limits<std::int64_t>::min();
    const auto n = static_cast<std::int64_t>(total);
    return neg ? -n : n;
}

std::optional<Timestamp> parse_yaml_timestamp(std::string_view s) {
    Fields f;
    std::size_t i = 0;
    auto num = [&](std::size_t min, std::size_t max, auto& out) {
        std::size_t n = 0;
        while (i + n < s.size() && n < max && s[i + n] >= '0' && s[i + n] <= '9') ++n;
        if (n < min) return false;
        out = number(s, i, n);
        i += n;
        return true;
    };
    auto lit = [&](char c) { return i < s.size() && s[i] == c ? (++i, true) : false; };
    if (!num(4, 4, f.year) || !lit('-') || !num(1, 2, f.month) || !lit('-') || !num(1, 2, f.day)) return std::nullopt;
    std::string error;
    if (i == s.size()) return make(f, error);
    const char sep = s[i++];
    if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
    if (!num(1, 2, f.hour) || !lit(':') || !num(1, 2, f.minute) || !lit(':') || !num(1, 2, f.second) || !fraction(s, i, f.nanos))
        return std::nullopt;
    if (sep == ' ') return i == s.size() ? make(f, error) : std::nullopt;
    if (lit('Z')) return i == s.size() ? make(f, error) : std::nullopt;
    if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) && s[i + 3] == ':' && digits(s, i + 4, 2)) {
        f.offset = (number(s, i + 1, 2) * 3600 + number(s, i + 4, 2) * 60) * (s[i] == '-' ? -1 : 1);
        return make(f, error);
    }
    return std::nullopt;
}

}  // namespace hjob::cty::fn
