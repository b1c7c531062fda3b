// Differential conformance against HashiCorp's parser (hclref, ../shared/peers): for every
// corpus job file and HCL spec-suite file, `hjob syntax --json --ranges` must accept and
// reject exactly what `hclref json -ranges` does, put the first error on the same
// line:column, and print the same JSON. Skips with a notice when hclref or the corpus is
// absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_process.hpp"

namespace fs = std::filesystem;
using hjob::test::run_process;

namespace {

std::string find_hclref() {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("HCLREF")) candidates.emplace_back(env);
    candidates.emplace_back(HJOB_BINARY_DIR "/peers/hclref");
    candidates.emplace_back(HJOB_SHARED_DIR "/peers/hclref/hclref");
    candidates.emplace_back("/tmp/hclref/hclref");  // the scratch build of peers/README.md
    for (const auto& c : candidates)
        if (hjob::test::is_executable(c)) return c;
    return {};
}

std::vector<std::string> corpus_files() {
    const fs::path shared = HJOB_SHARED_DIR "/corpus";
    std::vector<std::string> files;
    for (const char* dir : {"jobs", "templated"})
        if (fs::is_directory(shared / dir))
            for (const auto& e : fs::directory_iterator(shared / dir))
                if (e.is_regular_file()) files.push_back(e.path().string());
    const fs::path spec = shared / "hcl-spec/hashicorp__hcl/specsuite/tests";
    if (fs::is_directory(spec))
        for (const auto& e : fs::recursive_directory_iterator(spec))
            if (e.is_regular_file() && e.path().extension() == ".hcl") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

/// "LINE:COL" of the first error line ("FILE:LINE:COL: error: ...") in a diagnostics dump.
std::string first_error_position(const std::string& err, const std::string& file) {
    const std::string prefix = file + ":";
    for (std::size_t at = 0; at < err.size();) {
        const std::size_t nl = std::min(err.find('\n', at), err.size());
        const std::string line = err.substr(at, nl - at);
        at = nl + 1;
        if (line.rfind(prefix, 0) != 0) continue;
        const std::size_t sev = line.find(": error: ", prefix.size());
        if (sev != std::string::npos) return line.substr(prefix.size(), sev - prefix.size());
    }
    return "(none)";
}

/// The JSON pointer of the first difference between a and b, with both sides.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b, const std::string& path = "") {
    if (a.type() == b.type() && (a.is_object() || a.is_array()) && a.size() == b.size()) {
        if (a.is_object()) {
            for (auto it = a.begin(); it != a.end(); ++it) {
                if (!b.contains(it.key())) return path + "/" + it.key() + ": missing in hjob";
                if (it.value() != b[it.key()]) return first_difference(it.value(), b[it.key()], path + "/" + it.key());
            }
        } else {
            for (std::size_t i = 0; i < a.size(); ++i)
                if (a[i] != b[i]) return first_difference(a[i], b[i], path + "/" + std::to_string(i));
        }
    }
    return path + ": hclref " + a.dump().substr(0, 200) + " vs hjob " + b.dump().substr(0, 200);
}

struct Outcome {
    bool agree = false;
    bool identical = false;  ///< byte-identical JSON, or identical verdict and position
    std::string why;
};

Outcome compare_file(const std::string& hclref, const std::string& file) {
    const auto ref = run_process({hclref, "json", "-ranges", file});
    const auto mine = run_process({HJOB_BINARY_DIR "/hjob", "syntax", "--json", "--ranges", file});
    Outcome o;
    if ((ref.status == 0) != (mine.status == 0)) {
        o.why = "hclref exit " + std::to_string(ref.status) + " vs hjob exit " + std::to_string(mine.status) +
                "; first errors: hclref " + first_error_position(ref.err, file) + ", hjob " + first_error_position(mine.err, file);
        return o;
    }
    if (ref.status != 0) {
        const auto a = first_error_position(ref.err, file), b = first_error_position(mine.err, file);
        o.agree = o.identical = a == b;
        if (!o.agree) o.why = "first error at " + a + " (hclref) vs " + b + " (hjob)";
        return o;
    }
    const auto ja = nlohmann::json::parse(ref.out, nullptr, false), jb = nlohmann::json::parse(mine.out, nullptr, false);
    o.agree = !jb.is_discarded() && ja == jb;
    o.identical = ref.out == mine.out;
    if (!o.agree) o.why = jb.is_discarded() ? "hjob printed invalid JSON" : first_difference(ja, jb);
    return o;
}

}  // namespace

TEST_CASE("conformance with hclref over the corpus") {
    const std::string hclref = find_hclref();
    if (hclref.empty() || !fs::is_directory(HJOB_SHARED_DIR "/corpus")) {
        WARN("conformance: skipped (no hclref: set HCLREF, or no corpus at " HJOB_SHARED_DIR ")");
        SUCCEED();
        return;
    }
    const auto files = corpus_files();
    std::vector<Outcome> outcomes(files.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next++) < files.size();) outcomes[i] = compare_file(hclref, files[i]);
    };
    std::thread t1(worker), t2(worker);  // the machines this runs on have two cores
    t1.join();
    t2.join();
    std::size_t passed = 0, identical = 0;
    std::vector<std::string> failures;
    for (std::size_t i = 0; i < files.size(); ++i) {
        passed += outcomes[i].agree ? 1 : 0;
        identical += outcomes[i].identical ? 1 : 0;
        if (!outcomes[i].agree) failures.push_back(files[i] + ": " + outcomes[i].why);
    }
    std::cout << "conformance: " << passed << " passed, " << failures.size() << " failed, of " << files.size()
              << " files (" << identical << " byte-identical)\n";
    for (std::size_t i = 0; i < failures.size() && i < 10; ++i) std::cout << "  " << failures[i] << "\n";
    if (!failures.empty())
        std::cout << "  diff hint: diff <(" << hclref << " json -ranges F) <(" HJOB_BINARY_DIR "/hjob syntax --json --ranges F)\n";
    CHECK(files.size() > 500);
    CHECK(failures.empty());
}
