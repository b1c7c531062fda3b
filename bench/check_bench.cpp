// check_bench FILE [N]: runs the whole checking pipeline of `hjob check` (parse, variables and
// locals, binding to the IR, validation) on FILE N times in-process and prints throughput; then
// runs HashiCorp's parser (hclref bench, parse only) on the same file for a ratio. In-process
// on both sides, as `hclref bench` is: start-up is measured separately with hyperfine.
// CHECK_BENCH_PHASES=1 prints each pass's parse, scope, compile (binding and validation) and
// free times on standard error.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "compiler/bind/bind.hpp"
#include "compiler/eval/variables.hpp"
#include "compiler/validate/validate.hpp"
#include "grammar/parser.hpp"
#include "stdlib/functions.hpp"

namespace {

struct Pass {
    std::size_t errors = 0, warnings = 0;
};

// The pipeline of cli/check.cpp's check_file, without the HCL1 detection (a parse-error path).
Pass check_once(const hjob::SourceFile& file, const hjob::cty::FunctionTable& functions) {
    using clock = std::chrono::steady_clock;
    const bool phases = std::getenv("CHECK_BENCH_PHASES") != nullptr;
    auto t = clock::now();
    auto lap = [&](const char* what) {
        if (!phases) return;
        const auto now = clock::now();
        std::fprintf(stderr, "  %-9s %7.1f ms\n", what, std::chrono::duration<double, std::milli>(now - t).count());
        t = now;
    };
    Pass p;
    {
        hjob::Diagnostics diags;
        auto tree = hjob::syntax::parse_config(file);
        diags = std::move(tree.diagnostics);
        lap("parse");
        const auto scope = hjob::eval::build_root_scope(tree, hjob::eval::VariableInputs{}, functions, diags);
        hjob::bind::CompileOptions options;
        options.context = &scope.context;
        lap("scope");
        auto result = hjob::validate::compile_and_validate(tree, options, &diags);
        lap("compile");
        for (const auto* list : {&diags, &result.diagnostics})
            for (const auto& d : *list) (d.severity == hjob::Severity::error ? p.errors : p.warnings)++;
    }
    lap("free");
    return p;
}

std::string hclref_path() {
    if (const char* env = std::getenv("HCLREF"); env != nullptr && *env != '\0') return env;
    return "";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: check_bench FILE [N]\n");
        return 2;
    }
    const std::string path = argv[1];
    const int n = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "check_bench: cannot read %s\n", path.c_str());
        return 2;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const hjob::SourceFile file(path, buf.str());
    hjob::cty::FunctionOptions fo;
    fo.base_dir = std::filesystem::path(path).parent_path().string();
    const auto& functions = hjob::cty::nomad_functions(fo);

    check_once(file, functions);  // warm-up: the function table, the allocator's pages
    Pass last;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) last = check_once(file, functions);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double bytes = static_cast<double>(file.text().size());
    const double mbs = bytes * n / seconds / 1e6;
    std::printf("check_bench: file=%s bytes=%.0f n=%d errors=%zu warnings=%zu\n", path.c_str(), bytes, n, last.errors,
                last.warnings);
    std::printf("  hjob check (in-process): MB/s=%.2f per_check=%.3fms\n", mbs, seconds * 1e3 / n);

    const std::string hclref = hclref_path();
    if (hclref.empty()) {
        std::printf("  NOTICE: HCLREF not set: no ratio against hclref\n");
        return 0;
    }
    const std::string cmd = "'" + hclref + "' bench '" + path + "' " + std::to_string(std::max(1, n / 5)) + " parse";
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return 0;
    char line[1024];
    std::string out;
    while (std::fgets(line, sizeof line, p) != nullptr) out += line;
    pclose(p);
    std::printf("  hclref: %s", out.c_str());
    if (const auto at = out.find("MB/s="); at != std::string::npos) {
        const double ref = std::atof(out.c_str() + at + 5);
        if (ref > 0) std::printf("  ratio:  hjob check / hclref parse throughput = %.2fx\n", mbs / ref);
    }
    return 0;
}
