// parse_bench FILE [N]: parses FILE N times in-process with parse_config and prints throughput
// and allocation per input byte; runs HashiCorp's parser (hclref bench) on the same file for a
// ratio. A program that prints figures, never a test: timing assertions would be flaky.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>

#include "grammar/parser.hpp"

namespace {

// Every heap allocation of the program goes through these counters; only the parse loop runs
// while they are compared, so the difference is what parsing allocates.
std::size_t g_alloc_bytes = 0;
std::size_t g_alloc_count = 0;

void* counted_alloc(std::size_t size) {
    g_alloc_bytes += size;
    ++g_alloc_count;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

struct Figures {
    double seconds = 0;
    std::size_t alloc_bytes = 0;
    std::size_t alloc_count = 0;
    std::size_t arena_bytes = 0;
    std::size_t diagnostics = 0;
};

/// Parses `file` n times; allocation figures are totals over the n parses.
Figures run(const hjob::SourceFile& file, int n) {
    Figures f;
    const std::size_t bytes0 = g_alloc_bytes, count0 = g_alloc_count;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
        const auto tree = hjob::syntax::parse_config(file);
        f.arena_bytes += tree.arena ? tree.arena->bytes_reserved() : 0;
        f.diagnostics = tree.diagnostics.size();
    }
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.alloc_bytes = g_alloc_bytes - bytes0;
    f.alloc_count = g_alloc_count - count0;
    return f;
}

/// HCLREF, else build/peers/hclref under the working directory, else /tmp/hclref/hclref.
std::string find_hclref() {
    if (const char* env = std::getenv("HCLREF"); env && *env) return env;
    for (const char* p : {"build/peers/hclref", "/tmp/hclref/hclref"})
        if (std::filesystem::exists(p)) return p;
    return {};
}

/// Runs `hclref bench FILE N` and returns its MB/s, or 0 when it cannot be run or read.
double hclref_mbps(const std::string& hclref, const std::string& path, int n) {
    const std::string cmd = "'" + hclref + "' bench '" + path + "' " + std::to_string(n);
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return 0;
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe)) out += buf;
    pclose(pipe);
    const std::string prefix = "hclref bench: ";
    std::cout << "  hclref: " << (out.rfind(prefix, 0) == 0 ? out.substr(prefix.size()) : out);
    const auto at = out.find("MB/s=");
    return at == std::string::npos ? 0 : std::atof(out.c_str() + at + 5);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: parse_bench FILE [N]\n";
        return 2;
    }
    const std::string path = argv[1];
    const int n = argc == 3 ? std::atoi(argv[2]) : 100;
    std::ifstream in(path, std::ios::binary);
    if (!in || n <= 0) {
        std::cerr << "parse_bench: cannot read " << path << " or bad N\n";
        return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    const hjob::SourceFile file(path, text.str());
    const double size = static_cast<double>(file.text().size());

    run(file, 1);  // warm-up: caches, page faults, lazily built tables
    const Figures f = run(file, n);
    const double mbps = size * n / f.seconds / 1e6;
    std::printf("parse_bench: file=%s bytes=%zu n=%d diagnostics=%zu\n", path.c_str(), file.text().size(), n,
                f.diagnostics);
    std::printf("  hjob:   MB/s=%.2f per_parse=%.4fms alloc=%.1f B/input byte (arena %.1f) allocs_per_parse=%.0f\n",
                mbps, f.seconds * 1e3 / n, f.alloc_bytes / size / n, f.arena_bytes / size / n,
                static_cast<double>(f.alloc_count) / n);

    const std::string hclref = find_hclref();
    if (hclref.empty()) {
        std::printf("  hclref: not found (set HCLREF or build build/peers/hclref); no ratio\n");
        return 0;
    }
    if (const double ref = hclref_mbps(hclref, path, n); ref > 0)
        std::printf("  ratio:  hjob/hclref throughput = %.2fx\n", mbps / ref);
    return 0;
}
