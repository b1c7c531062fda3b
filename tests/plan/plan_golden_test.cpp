// Golden plans: every directory under tests/plan/ is a case (see README.md); its plan as text
// and JSON must equal plan.txt and plan.json. HJOB_REGENERATE=1 rewrites them instead.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "plan_case.hpp"

namespace fs = std::filesystem;

namespace {

fs::path cases_dir() { return fs::path(HJOB_SOURCE_DIR) / "tests" / "plan"; }

std::vector<fs::path> case_dirs() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(cases_dir()))
        if (e.is_directory() && fs::exists(e.path() / "after.hcl")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

bool regenerate() {
    const char* v = std::getenv("HJOB_REGENERATE");
    return v && std::string(v) == "1";
}

void check_golden(const fs::path& file, const std::string& actual) {
    if (regenerate()) {
        std::ofstream(file, std::ios::binary) << actual;
        return;
    }
    INFO("golden " << file.string() << " (HJOB_REGENERATE=1 rewrites it)");
    REQUIRE(fs::exists(file));
    CHECK(hjob::test::read_file(file) == actual);
}

}  // namespace

TEST_CASE("plan goldens match their expected text and JSON", "[plan]") {
    const auto dirs = case_dirs();
    REQUIRE(dirs.size() >= 30);
    for (const auto& dir : dirs) {
        SECTION(dir.filename().string()) {
            const auto c = hjob::test::load_case(dir);
            const auto plan = hjob::runtime::make_plan(c.input());
            check_golden(dir / "plan.txt", hjob::runtime::render_plan_text(plan));
            check_golden(dir / "plan.json", hjob::runtime::plan_to_json(plan).dump(2) + "\n");
        }
    }
}

TEST_CASE("planning the same input twice gives the same plan", "[plan]") {
    for (const auto& dir : case_dirs()) {
        const auto c = hjob::test::load_case(dir);
        const auto in = c.input();
        INFO(dir.filename().string());
        CHECK(hjob::runtime::plan_to_json(hjob::runtime::make_plan(in)) == hjob::runtime::plan_to_json(hjob::runtime::make_plan(in)));
    }
}
