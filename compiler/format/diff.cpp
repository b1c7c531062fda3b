// Myers' O(ND) line diff and its unified-diff rendering. The edit graph is searched only
// between the common prefix and suffix; past max_edit_distance edits the middle is shown
// as removed-then-added, which bounds memory (the trace is O(D^2)) on pathological input.
#include "diff.hpp"

#include <algorithm>
#include <vector>

namespace hjob::format {

namespace {

constexpr long max_edit_distance = 1000;

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    while (!s.empty()) {
        const auto nl = s.find('\n');
        const auto len = nl == std::string_view::npos ? s.size() : nl + 1;
        lines.push_back(s.substr(0, len));
        s.remove_prefix(len);
    }
    return lines;
}

enum class Op : char { keep = ' ', remove = '-', add = '+' };

struct Edit {
    Op op;
    std::size_t a, b;  ///< line index in before (keep, remove) / after (keep, add)
};

using Lines = std::vector<std::string_view>;

// Edits for a[a0,a1) -> b[b0,b1), shortest first; nullopt-like empty result with ok=false
// when the distance exceeds the limit.
bool myers(const Lines& a, const Lines& b, long a0, long a1, long b0, long b1, std::vector<Edit>& out) {
    const long n = a1 - a0, m = b1 - b0, max = std::min(n + m, max_edit_distance), off = max + 1;
    std::vector<long> v(2 * max + 3, 0);
    std::vector<std::vector<long>> trace;
    for (long d = 0; d <= max; ++d) {
        trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && a[a0 + x] == b[b0 + y]) ++x, ++y;
            v[off + k] = x;
            if (x < n || y < m) continue;
            // Walk the trace back from (n, m) to collect the path.
            std::vector<Edit> rev;
            for (long dd = d; dd > 0; --dd) {
                const auto& pv = trace[dd];  // v as it was before step dd, indices -dd..dd
                auto at = [&](long kk) { return pv[kk + dd]; };
                const bool down = k == -dd || (k != dd && at(k - 1) < at(k + 1));
                const long pk = down ? k + 1 : k - 1, px = at(pk), py = px - pk;
                while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) rev.push_back({Op::keep, std::size_t(a0 + --x), std::size_t(b0 + --y)});
                if (down) rev.push_back({Op::add, std::size_t(a0 + x), std::size_t(b0 + --y)});
                else rev.push_back({Op::remove, std::size_t(a0 + --x), std::size_t(b0 + y)});
                k = pk;
            }
            while (x > 0 && y > 0) rev.push_back({Op::keep, std::size_t(a0 + --x), std::size_t(b0 + --y)});
            out.insert(out.end(), rev.rbegin(), rev.rend());
            return true;
        }
    }
    return false;
}

std::vector<Edit> diff_lines(const Lines& a, const Lines& b) {
    long pre = 0, suf = 0;
    const long n = long(a.size()), m = long(b.size());
    while (pre < n && pre < m && a[pre] == b[pre]) ++pre;
    while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) ++suf;
    std::vector<Edit> edits;
    for (long i = 0; i < pre; ++i) edits.push_back({Op::keep, std::size_t(i), std::size_t(i)});
    if (!myers(a, b, pre, n - suf, pre, m - suf, edits)) {
        for (long i = pre; i < n - suf; ++i) edits.push_back({Op::remove, std::size_t(i), std::size_t(pre)});
        for (long j = pre; j < m - suf; ++j) edits.push_back({Op::add, std::size_t(n - suf), std::size_t(j)});
    }
    for (long i = 0; i < suf; ++i) edits.push_back({Op::keep, std::size_t(n - suf + i), std::size_t(m - suf + i)});
    return edits;
}

// GNU's hunk range: "l,n", with ",1" left out and an empty range placed at the line before.
std::string hunk_range(std::size_t first, std::size_t count) {
    if (count == 1) return std::to_string(first + 1);
    return std::to_string(count == 0 ? first : first + 1) + ',' + std::to_string(count);
}

void append_line(std::string& out, char op, std::string_view line) {
    out += op;
    out.append(line);
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

void append_hunk(std::string& out, const std::vector<Edit>& e, std::size_t lo, std::size_t hi, const Lines& a,
                 const Lines& b) {
    std::size_t na = 0, nb = 0;
    for (std::size_t i = lo; i < hi; ++i) {
        na += e[i].op != Op::add;
        nb += e[i].op != Op::remove;
    }
    out += "@@ -" + hunk_range(e[lo].a, na) + " +" + hunk_range(e[lo].b, nb) + " @@\n";
    for (std::size_t i = lo; i < hi; ++i)
        append_line(out, static_cast<char>(e[i].op), e[i].op == Op::add ? b[e[i].b] : a[e[i].a]);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name, std::size_t context) {
    if (before == after) return {};
    const Lines a = split_lines(before), b = split_lines(after);
    const auto e = diff_lines(a, b);
    std::string out = "--- " + std::string(name) + ".orig\n+++ " + std::string(name) + "\n";
    std::size_t i = 0;
    while (i < e.size()) {
        while (i < e.size() && e[i].op == Op::keep) ++i;
        if (i == e.size()) break;
        const std::size_t lo = i > context ? i - context : 0;
        std::size_t hi = i;  // grow the hunk while changes are within 2*context lines
        for (std::size_t keep_run = 0; hi < e.size() && keep_run <= 2 * context; ++hi)
            keep_run = e[hi].op == Op::keep ? keep_run + 1 : 0;
        while (hi > i && e[hi - 1].op == Op::keep) --hi;
        append_hunk(out, e, lo, std::min(e.size(), hi + context), a, b);
        i = hi;
    }
    return out;
}

}  // namespace hjob::format
