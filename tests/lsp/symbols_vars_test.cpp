// Document symbols (job, groups, tasks, services, variables as a tree) and the *.vars.hcl
// convention: var files beside a job give its variables their values, and saving one
// re-checks the jobs of its directory.
#include <catch2/catch.hpp>

#include "lsp_client.hpp"

using namespace hjob::test;

namespace {

const std::string job = R"(variable "image" {
  type = string
}

job "shop" {
  group "web" {
    service {
      name = "web-http"
      port = "http"
    }

    task "nginx" {
      driver = "docker"

      config {
        image = var.image
      }

      service {
        port = "http"
      }
    }
  }

  group "db" {
    task "mysql" {
      driver = "docker"

      config {
        image = "mysql:8"
      }
    }
  }
}
)";

// A job whose only problem, without a value for `image`, is that variable.
const std::string vars_job = R"(variable "image" {
  type = string
}

job "shop" {
  group "db" {
    task "mysql" {
      driver = "docker"

      config {
        image = var.image
      }
    }
  }
}
)";

Json names(const Json& symbols) {
    Json out = Json::array();
    for (const auto& s : symbols) {
        Json entry{{"name", s["name"]}, {"kind", s["kind"]}};
        if (!s["children"].empty()) entry["children"] = names(s["children"]);
        out.push_back(entry);
    }
    return out;
}

}  // namespace

TEST_CASE("documentSymbol gives the job and its groups tasks and services as a tree") {
    LspClient lsp;
    lsp.initialize();
    const std::string uri = "file:///hjob-lsp-test/shop.nomad.hcl";
    lsp.open(uri, job);
    const Json r = lsp.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}})["result"];
    const Json expected = R"([
      {"name": "image", "kind": 13},
      {"name": "shop", "kind": 2, "children": [
        {"name": "web", "kind": 3, "children": [
          {"name": "web-http", "kind": 11},
          {"name": "nginx", "kind": 5, "children": [{"name": "service", "kind": 11}]}]},
        {"name": "db", "kind": 3, "children": [{"name": "mysql", "kind": 5}]}]}
    ])"_json;
    CHECK(names(r) == expected);
    // The job's range covers the whole block; its selection range is the label.
    CHECK(r[1]["range"]["start"] == Json{{"line", 4}, {"character", 0}});
    CHECK(r[1]["range"]["end"] == Json{{"line", 33}, {"character", 1}});
    CHECK(r[1]["selectionRange"] == Json{{"start", {{"line", 4}, {"character", 4}}}, {"end", {{"line", 4}, {"character", 10}}}});
}

TEST_CASE("variables: the vars.hcl files beside the job are read as var files") {
    TempDir dir;
    const std::string path = dir.write("shop.nomad.hcl", vars_job);
    const std::string uri = file_uri(path);
    {
        // Without a var file, the variable has no value: the same error as `hjob check`.
        LspClient lsp;
        lsp.initialize();
        lsp.open(uri, vars_job);
        const Json d = lsp.diagnostics(uri, 1);
        REQUIRE(d.is_object());
        const Json check = Json::parse(run_hjob({"check", "--format", "json", path}))["diagnostics"];
        REQUIRE(check.size() == 1);
        REQUIRE(d["diagnostics"].size() == 1);
        CHECK(d["diagnostics"][0]["code"] == check[0]["code"]);
    }
    const std::string vars = dir.write("prod.vars.hcl", "image = \"nginx:1.27\"\n");
    LspClient lsp;
    lsp.initialize();
    lsp.open(uri, vars_job);
    const Json clean = lsp.diagnostics(uri, 1);
    REQUIRE(clean.is_object());
    CHECK(clean["diagnostics"] == Json::array());
    // The var file is edited and saved with a value of the wrong kind: the job beside it is
    // checked again, and the problem, located in the var file, is shown at the job's top.
    const std::string bad = "image = \"nginx\"\nreplicas = 3\n";
    lsp.open(file_uri(vars), "image = \"nginx:1.27\"\n");
    REQUIRE(lsp.diagnostics(file_uri(vars), 1)["diagnostics"] == Json::array());  // a var file: parsed only
    dir.write("prod.vars.hcl", bad);
    lsp.notify("textDocument/didChange", {{"textDocument", {{"uri", file_uri(vars)}, {"version", 2}}},
                                          {"contentChanges", Json::array({{{"text", bad}}})}});
    lsp.notify("textDocument/didSave", {{"textDocument", {{"uri", file_uri(vars)}}}});
    const Json after = lsp.diagnostics(uri, 1);
    REQUIRE(after.is_object());
    REQUIRE(after["diagnostics"].size() == 1);
    const Json& d = after["diagnostics"][0];
    CHECK(d["range"]["start"] == Json{{"line", 0}, {"character", 0}});
    CHECK(d["message"].get<std::string>().find("prod.vars.hcl:2:1: Undefined variable") != std::string::npos);
    CHECK(d["relatedInformation"][0]["location"]["uri"] == file_uri(vars));
    CHECK(d["relatedInformation"][0]["location"]["range"]["start"] == Json{{"line", 1}, {"character", 0}});
}
