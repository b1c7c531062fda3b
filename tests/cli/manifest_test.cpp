// Acceptance 1 of issue 3: `hjob check` over every valid-job and invalid-job file that
// ../shared/corpus/MANIFEST.tsv lists. A valid job must give exit 0 and no error; an invalid
// one exit 1 with, as its first error, the one Nomad's test expects when the note quotes it.
//
// What the corpus cannot give, and how each case is treated (all counted and printed):
// - Variables the note lists as "need -var": given on the command line, with a value of the
//   variable's declared type ("x" for string or none, 1, true, [] or {}), since "any string"
//   does not convert to a number or a list, for Nomad either.
// - file() inputs: the corpus holds the job files, not the templates they read. A job whose
//   note says "uses filesystem functions" passes when its only errors are file() calls failing
//   with "no file exists". HOME is a fresh empty directory, so that pathexpand("~/.ssh/id_rsa")
//   (demo/csi/kadalu-csi/controller.nomad) never reads the real key of whoever runs the test.
// - Files that Nomad itself rejects as written (nomad_rejects below, each with the evidence):
//   they must fail with the listed first error; if hjob ever accepts one, the test fails.
// Comparing with a quoted Nomad error: the quote loses HCL1's context prefix ("group: 'x',
// task: 'y', ... -> "), then must appear, ignoring case, in the first error's summary or
// detail. HCL1's decoder said "invalid key: K" where HCL2 says "Unsupported argument" naming
// "K": that one translation is made explicitly.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

const fs::path corpus = fs::path(HJOB_SHARED_DIR) / "corpus";
const std::string hjob = std::string(HJOB_BINARY_DIR) + "/hjob";

struct Row {
    std::string file, kind, note;
};

struct Rejected {
    std::string code, evidence;
};

/// Valid-job files that Nomad rejects too, with the first error hjob must give.
const std::map<std::string, Rejected> nomad_rejects = {
    {"jobs/brucellino__nomad-jobs__mailman__mailman.nomad.hcl",
     {"eval/unsupported-attribute", "uses var.postgres_user, never declared: jobspec2 fails with Unsupported attribute"}},
    {"jobs/brucellino__nomad-jobs__observability-plane__loki.nomad.hcl",
     {"bind/unsupported-argument", "template `wait = {...}` is an argument; api.Template has `wait` as a block only"}},
    {"jobs/perrymanuk__hashi-homelab__nomad_jobs__ai-ml__crawl4ai__nomad.job",
     {"bind/duplicate-block", "two update blocks in one group: HCL decoding rejects the second"}},
    {"jobs/perrymanuk__hashi-homelab__nomad_jobs__observability__grafana__nomad.job",
     {"bind/duplicate-block", "two update blocks in one group: HCL decoding rejects the second"}},
    {"jobs/hashicorp__nomad__e2e__scaling__input__namespace_default_2.nomad",
     {"validate/scaling-range", "e2e/scaling/scaling.go registers it expecting \"task group count must not be greater than maximum count\""}},
    {"jobs/hashicorp__nomad__e2e__scaling__input__namespace_default_3.nomad",
     {"validate/scaling-range", "e2e/scaling/scaling.go registers it expecting an error (count below the scaling minimum)"}},
    {"jobs/hashicorp__nomad__jobspec2__test-fixtures__config-compatibility.hcl",
     {"validate/missing-driver", "parse-only fixture of jobspec2/parse_test.go; the server rejects a task without driver"}},
    {"jobs/hashicorp__nomad__jobspec2__test-fixtures__restart-render-templates.hcl",
     {"validate/missing-driver", "parse-only fixture of jobspec2/parse_test.go; the server rejects a task without driver"}},
    {"jobs/hashicorp__nomad__jobspec2__test-fixtures__template-err-missing-key.hcl",
     {"validate/missing-driver", "parse-only fixture of jobspec2/parse_test.go; the server rejects a task without driver"}},
    {"jobs/hashicorp__nomad__jobspec2__test-fixtures__template-wait-config.hcl",
     {"validate/missing-driver", "parse-only fixture of jobspec2/parse_test.go; the server rejects a task without driver"}},
    {"jobs/jedd__nomad-recipes__registry-hac.nomad",
     {"validate/job-datacenters", "datacenters = [var.nomad_dc] defaults to \"\" (the file says to set NOMAD_VAR_nomad_dc); "
                                  "Nomad rejects an empty datacenter"}},
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Row> manifest_rows(const std::string& kind) {
    std::vector<Row> rows;
    std::istringstream in(read(corpus / "MANIFEST.tsv"));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cols;
        std::stringstream ls(line);
        for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
        if (cols.size() >= 7 && cols[5] == kind) rows.push_back({cols[0], cols[5], cols[6]});
    }
    return rows;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// "--var NAME=VALUE" for each variable the note says needs one, VALUE of the declared type.
std::string var_args(const Row& row) {
    static const std::regex need("variables without default \\(need -var\\): ([^;]*)");
    std::smatch m;
    if (!std::regex_search(row.note, m, need)) return "";
    const std::string text = read(corpus / row.file);
    std::string out;
    std::stringstream names(m[1].str());
    for (std::string name; std::getline(names, name, ',');) {
        std::string value = "x";
        const std::regex decl("variable\\s+\"" + name + "\"\\s*\\{[^}]*?\\btype\\s*=\\s*([a-z]+)");
        if (std::smatch t; std::regex_search(text, t, decl)) {
            const std::string type = t[1];
            if (type == "number") value = "1";
            else if (type == "bool") value = "true";
            else if (type == "list" || type == "set" || type == "tuple") value = "[]";
            else if (type == "map" || type == "object") value = "{}";
        }
        out += " --var '" + name + "=" + value + "'";
    }
    return out;
}

struct Result {
    int status = -1;
    nlohmann::json report;
};

/// `hjob check --format json` on the file, from corpus/jobs, with an empty environment but
/// PATH and a throwaway HOME.
Result check(const Row& row, const fs::path& home) {
    const std::string cmd = "cd '" + (corpus / "jobs").string() + "' && env -i PATH=\"$PATH\" HOME='" + home.string() + "' '" +
                            hjob + "' check --color never --format json" + var_args(row) + " '" +
                            fs::path(row.file).filename().string() + "' 2>/dev/null";
    std::string out;
    Result r;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[8192];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
        const int st = pclose(pipe);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    }
    r.report = nlohmann::json::parse(out, nullptr, false);
    return r;
}

std::vector<nlohmann::json> errors_of(const Result& r) {
    std::vector<nlohmann::json> out;
    if (!r.report.is_object() || !r.report.contains("diagnostics")) return out;
    for (const auto& d : r.report["diagnostics"])
        if (d.value("severity", "") == "error") out.push_back(d);
    return out;
}

std::string describe(const nlohmann::json& d) {
    return d.value("code", "") + ": " + d.value("summary", "") + "; " + d.value("detail", "");
}

/// The only errors are file() calls that found no file (the corpus lacks the job's templates).
bool only_absent_files(const std::vector<nlohmann::json>& errors) {
    return !errors.empty() && std::all_of(errors.begin(), errors.end(), [](const nlohmann::json& d) {
        const std::string detail = d.value("detail", "");
        return d.value("code", "") == "eval/call-failed" && detail.find("\"file\"") != std::string::npos &&
               detail.find("no file exists") != std::string::npos;
    });
}

/// The Nomad error a note quotes, or "" when it quotes none.
std::string quoted_error(const std::string& note) {
    static const std::regex quoted("expects error[^\"]*\"([^\"]+)\"");
    std::smatch m;
    return std::regex_search(note, m, quoted) ? m[1].str() : "";
}

/// Whether the first error `d` is the one Nomad's test quotes (see the file comment).
bool matches_quote(const nlohmann::json& d, std::string quote) {
    if (quote.rfind("* ", 0) == 0) quote.erase(0, 2);
    if (const auto arrow = quote.rfind(" -> "); arrow != std::string::npos) quote.erase(0, arrow + 4);
    const std::string text = lower(d.value("summary", "") + " " + d.value("detail", ""));
    if (quote.rfind("invalid key: ", 0) == 0)
        return d.value("summary", "") == "Unsupported argument" &&
               text.find("\"" + lower(quote.substr(13)) + "\"") != std::string::npos;
    return text.find(lower(quote)) != std::string::npos;
}

bool have_corpus() {
    if (fs::exists(corpus / "MANIFEST.tsv")) return true;
    WARN("../shared/corpus is absent: the MANIFEST acceptance test is skipped");
    return false;
}

fs::path fresh_home() {
    const fs::path home = fs::temp_directory_path() / ("hjob-manifest-home-" + std::to_string(::getpid()));
    fs::remove_all(home);
    fs::create_directories(home);
    return home;
}

}  // namespace

TEST_CASE("manifest: every valid-job file passes hjob check", "[cli][manifest]") {
    if (!have_corpus()) return;
    const fs::path home = fresh_home();
    int passed = 0, failed = 0, absent_files = 0, rejected = 0;
    for (const Row& row : manifest_rows("valid-job")) {
        const Result r = check(row, home);
        const auto errors = errors_of(r);
        const auto known = nomad_rejects.find(row.file);
        bool ok = false;
        if (known != nomad_rejects.end()) {
            ok = r.status == 1 && !errors.empty() && errors[0].value("code", "") == known->second.code;
            rejected += ok ? 1 : 0;
        } else if (r.status == 0 && errors.empty()) {
            ok = true;
        } else if (row.note.find("uses filesystem functions") != std::string::npos && only_absent_files(errors)) {
            ok = true;
            ++absent_files;
        }
        (ok ? passed : failed)++;
        if (!ok) {
            std::cout << "manifest: FAIL " << row.file << " (exit " << r.status << ")"
                      << (errors.empty() ? std::string() : ": " + describe(errors[0])) << '\n';
            if (known != nomad_rejects.end()) std::cout << "  expected " << known->second.code << ": " << known->second.evidence << '\n';
        }
    }
    fs::remove_all(home);
    std::cout << "manifest valid-job: " << passed << " passed, " << failed << " failed (" << absent_files
              << " passed with only file() inputs missing from the corpus, " << rejected
              << " rejected as Nomad rejects them)\n";
    CHECK(passed >= 400);
    CHECK(failed == 0);
}

TEST_CASE("manifest: every invalid-job file fails with Nomad's error", "[cli][manifest]") {
    if (!have_corpus()) return;
    const fs::path home = fresh_home();
    int passed = 0, failed = 0, quoted = 0;
    for (const Row& row : manifest_rows("invalid-job")) {
        const Result r = check(row, home);
        const auto errors = errors_of(r);
        const std::string quote = quoted_error(row.note);
        quoted += quote.empty() ? 0 : 1;
        const bool ok = r.status == 1 && !errors.empty() && (quote.empty() || matches_quote(errors[0], quote));
        (ok ? passed : failed)++;
        if (!ok)
            std::cout << "manifest: FAIL " << row.file << " (exit " << r.status << ")"
                      << (quote.empty() ? "" : ", Nomad expects \"" + quote + "\"")
                      << (errors.empty() ? std::string() : ", first error " + describe(errors[0])) << '\n';
    }
    fs::remove_all(home);
    std::cout << "manifest invalid-job: " << passed << " passed, " << failed << " failed (" << quoted
              << " compared with the error Nomad's test quotes)\n";
    CHECK(passed >= 15);
    CHECK(failed == 0);
}

TEST_CASE("manifest: the quoted-error comparison can fail", "[cli][manifest]") {
    const nlohmann::json unsupported = {{"summary", "Unsupported argument"},
                                        {"detail", "An argument named \"nterval\" is not expected here."}};
    CHECK(matches_quote(unsupported, "* group: 'binsl', task: 'binstore', service (0): 'foo', check -> invalid key: nterval"));
    CHECK_FALSE(matches_quote(unsupported, "* group: 'binsl', check -> invalid key: timeout"));
    const nlohmann::json collision = {{"summary", "Port label collision"}, {"detail", "found a port label collision: http"}};
    CHECK(matches_quote(collision, "found a port label collision"));
    CHECK_FALSE(matches_quote(collision, "Port label does not conform to naming requirements"));
}
