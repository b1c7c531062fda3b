// Date and time functions (go-cty datetime.go): formatdate and timeadd over RFC 3339
// timestamps. Nomad has no `timestamp()`: job files stay reproducible.
#include "fn_time.hpp"
#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
constexpr const char* weekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// splitDateFormat: a quoted literal ('' escapes a quote), a run of one letter, or a run of
// other characters.
std::vector<std::string> tokens(const std::string& f) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < f.size();) {
        std::size_t j = i + 1;
        if (f[i] == '\'') {
            for (; j < f.size(); ++j) {
                if (f[j] != '\'') continue;
                if (j + 1 < f.size() && f[j + 1] == '\'' && j != i + 1) {
                    ++j;
                    continue;
                }
                ++j;
                break;
            }
        } else if (is_letter(f[i])) {
            while (j < f.size() && f[j] == f[i]) ++j;
        } else {
            while (j < f.size() && !is_letter(f[j]) && f[j] != '\'') ++j;
        }
        out.push_back(f.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string two(int v) {
    std::string s = std::to_string(v);
    if (v < 10) s.insert(s.begin(), '0');
    return s;
}

std::optional<std::string> verb(const std::string& tok, const Timestamp& ts, const Timestamp::Civil& c, std::string& error) {
    const std::size_t n = tok.size();
    auto bad = [&](const std::string& why) {
        error = "invalid date format verb " + go_quote(tok) + (why.empty() ? "" : ": " + why);
        return std::nullopt;
    };
    auto num = [&](int v, const char* what) -> std::optional<std::string> {
        if (n == 1) return std::to_string(v);
        if (n == 2) return two(v);
        return bad(std::string(what) + " must either be \"" + tok[0] + "\" or \"" + tok[0] + tok[0] + "\"");
    };
    switch (tok[0]) {
    case 'Y':
        if (n == 2) return two(static_cast<int>(((c.year % 100) + 100) % 100));
        if (n == 4) return c.year < 1000 && c.year >= 0 ? std::string(4 - std::to_string(c.year).size(), '0') + std::to_string(c.year) : std::to_string(c.year);
        return bad("year must either be \"YY\" or \"YYYY\"");
    case 'M':
        if (n == 3) return std::string(months[c.month - 1]).substr(0, 3);
        if (n == 4) return std::string(months[c.month - 1]);
        if (n <= 2) return num(c.month, "month");
        return bad("month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
    case 'D': return num(c.day, "day of month");
    case 'E':
        if (n == 3) return std::string(weekdays[c.weekday]).substr(0, 3);
        if (n == 4) return std::string(weekdays[c.weekday]);
        return bad("day of week must either be \"EEE\" or \"EEEE\"");
    case 'h': return num(c.hour, "24-hour");
    case 'H': return num(c.hour % 12 == 0 ? 12 : c.hour % 12, "12-hour");
    case 'A': case 'a':
        if (n != 2) return bad(std::string("must be \"") + tok[0] + tok[0] + "\"");
        return std::string(c.hour < 12 ? (tok[0] == 'A' ? "AM" : "am") : (tok[0] == 'A' ? "PM" : "pm"));
    case 'm': return num(c.minute, "minute");
    case 's': return num(c.second, "second");
    case 'Z':
        if (n == 1) return ts.offset == 0 ? std::string("Z") : format_offset(ts.offset, true);
        if (n == 3) return ts.offset == 0 ? std::string("UTC") : format_offset(ts.offset, false);
        if (n == 4) return format_offset(ts.offset, false);
        if (n == 5) return format_offset(ts.offset, true);
        return bad("timezone must be Z, ZZZZ, or ZZZZZ");
    default: return bad("");
    }
}

CallResult formatdate(std::span<const Value> a, const Type&) {
    std::string error;
    const auto ts = parse_rfc3339(a[1].as_string(), error);
    if (!ts) return fail(error, 1);
    const auto c = ts->civil();
    std::string out;
    for (const std::string& tok : tokens(a[0].as_string())) {
        if (tok[0] == '\'') {
            if (tok.size() == 1 || tok.back() != '\'') return fail("unterminated literal '", 0);
            if (tok.size() == 2) {
                out += '\'';
                continue;
            }
            const std::string raw = tok.substr(1, tok.size() - 2);
            for (std::size_t i = 0; i < raw.size(); ++i) {
                out += raw[i];
                if (raw[i] == '\'') ++i;
            }
        } else if (is_letter(tok[0])) {
            auto s = verb(tok, *ts, c, error);
            if (!s) return fail(error, 0);
            out += *s;
        } else {
            out += tok;
        }
    }
    return ok(Value::string(out));
}

}  // namespace

void add_datetime_functions(FunctionTable& t) {
    const Type S = Type::string();
    t["formatdate"] = make({param("format", S), param("time", S)}, S, formatdate);
    t["timeadd"] = make({param("timestamp", S), param("duration", S)}, S, [](std::span<const Value> a, const Type&) {
        std::string error;
        const auto ts = parse_rfc3339(a[0].as_string(), error);
        if (!ts) return fail(error);
        const auto d = parse_duration(a[1].as_string(), error);
        if (!d) return fail(error);
        return ok(Value::string(format_rfc3339(*add_duration(*ts, *d))));
    });
}

}  // namespace hjob::cty::fn
