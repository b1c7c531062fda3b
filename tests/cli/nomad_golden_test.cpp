// Acceptance 3 of issue 3: `hjob inspect --format nomad` equals the `Job` that a real Nomad
// agent stored for each nomad-autoscaler fixture (../shared/corpus/golden, paired with its
// source by MANIFEST.tsv), ignoring only what the server generates: indexes, SubmitTime,
// Status, StatusDescription, Stable, Version and generated IDs. Prints the counts and the
// first differing JSON path of each failure; skips with a notice without the corpus.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Pair {
    std::string job, golden;
};

/// (job file, golden file) pairs from the MANIFEST's golden rows ("GOLDEN for jobs/X: ...").
std::vector<Pair> golden_pairs(const fs::path& corpus) {
    std::vector<Pair> out;
    std::ifstream manifest(corpus / "MANIFEST.tsv");
    for (std::string line; std::getline(manifest, line);) {
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
        if (cols.size() < 7 || cols[5] != "golden") continue;
        const auto at = cols[6].find("GOLDEN for ");
        if (at == std::string::npos) continue;
        std::string job = cols[6].substr(at + 11);
        job = job.substr(0, job.find(':'));
        out.push_back({(corpus / job).string(), (corpus / cols[0]).string()});
    }
    return out;
}

bool ignored(const std::string& path, const std::string& key) {
    for (const char* k : {"CreateIndex", "ModifyIndex", "JobModifyIndex"})
        if (key == k) return true;
    if (path == "Job")
        for (const char* k : {"SubmitTime", "Status", "StatusDescription", "Stable", "Version"})
            if (key == k) return true;
    // Scaling policy IDs are UUIDs the server makes (the fixtures force them to "id").
    return key == "ID" && (path.ends_with(".Scaling") || path.find("ScalingPolicies") != std::string::npos);
}

/// The first path where `got` differs from `want`, or "" when they are equal.
std::string first_difference(const json& want, const json& got, const std::string& path) {
    if (want.is_number() && got.is_number())
        return want.get<double>() == got.get<double>() ? "" : path + ": want " + want.dump() + ", got " + got.dump();
    if (want.type() != got.type()) return path + ": want " + want.dump() + ", got " + got.dump();
    if (want.is_array()) {
        if (want.size() != got.size())
            return path + ": want " + std::to_string(want.size()) + " items, got " + std::to_string(got.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            if (auto d = first_difference(want[i], got[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
        return "";
    }
    if (want.is_object()) {
        for (const auto& [key, value] : want.items()) {
            if (ignored(path, key)) continue;
            if (!got.contains(key)) return path + "." + key + ": missing";
            if (auto d = first_difference(value, got[key], path + "." + key); !d.empty()) return d;
        }
        for (const auto& [key, value] : got.items())
            if (!want.contains(key) && !ignored(path, key)) return path + "." + key + ": unexpected";
        return "";
    }
    return want == got ? "" : path + ": want " + want.dump() + ", got " + got.dump();
}

json read_json(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in, nullptr, false);
}

}  // namespace

TEST_CASE("hjob inspect --format nomad equals Nomad's canonical job for every golden file", "[cli][golden]") {
    const fs::path corpus = HJOB_SHARED_DIR "/corpus";
    if (!fs::is_directory(corpus / "golden")) {
        std::cout << "WARN: " << corpus << " is absent; Nomad golden test skipped\n";
        return;
    }
    const auto pairs = golden_pairs(corpus);
    REQUIRE(pairs.size() == 28);
    int passed = 0, failed = 0;
    for (const auto& p : pairs) {
        const auto r = hjob::test::run_process({HJOB_BINARY_DIR "/hjob", "inspect", "--format", "nomad", p.job});
        const json got = json::parse(r.out, nullptr, false);
        const json want = read_json(p.golden);
        std::string diff;
        if (r.status != 0 || got.is_discarded()) diff = "exit " + std::to_string(r.status) + ": " + r.err;
        else diff = first_difference(want.at("Job"), got.value("Job", json()), "Job");
        if (diff.empty()) {
            ++passed;
            continue;
        }
        ++failed;
        std::cout << "FAIL " << fs::path(p.job).filename().string() << ": " << diff << '\n';
    }
    std::cout << "nomad golden: " << passed << " passed, " << failed << " failed\n";
    CHECK(failed == 0);
}
