// Long options with one dash, as Nomad and Terraform write them: `hjob check -var image=x` is
// `hjob check --var image=x` (cli/single_dash.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "run_process.hpp"

using hjob::test::run_process;

namespace {

const std::string hjob_bin = std::string(HJOB_BINARY_DIR) + "/hjob";
const std::string job = std::string(HJOB_SOURCE_DIR) + "/tests/check/ok.variable-from-var-argument.hcl";

}  // namespace

TEST_CASE("single-dash long options are read as Nomad writes them", "[cli][single-dash]") {
    CHECK(run_process({hjob_bin, "check", job}).status == 1);  // the variable has no value
    const auto dashed = run_process({hjob_bin, "check", "-var", "image=nginx:1.27", job});
    CHECK(dashed.status == 0);
    CHECK(dashed.err.empty());
    CHECK(run_process({hjob_bin, "check", "-var=image=nginx:1.27", job}).status == 0);
    CHECK(run_process({hjob_bin, "check", "--var", "image=nginx:1.27", "-format", "json", job}).out.find("\"diagnostics\"") !=
          std::string::npos);
}

TEST_CASE("single-dash words that are no long option are left alone", "[cli][single-dash]") {
    const auto r = run_process({hjob_bin, "check", "-nosuchoption", job});
    CHECK(r.status == 2);  // a usage error, as before, not a rewritten option
    CHECK(r.err.find("-nosuchoption") != std::string::npos);
    // After `--` a word is an operand, even one spelled like an option.
    CHECK(run_process({hjob_bin, "fmt", "--", "-var"}).status == 2);  // no file named -var
}
