// The data functions against fake sources: service (health filter, tags, fields), services,
// nomadService, secret (both KV v2 shapes, missing, not available), and the dependencies that
// each render records.
#include <catch2/catch.hpp>

#include "runtime/template/template.hpp"

using namespace hjob::runtime;

namespace {

catalog::Instance inst(const std::string& service, const std::string& id, int port, const std::string& status,
                       std::vector<std::string> tags = {}) {
    catalog::Instance i;
    i.service = service;
    i.id = id;
    i.address = "127.0.0.1";
    i.port = port;
    i.status = status;
    i.tags = std::move(tags);
    i.meta = {{"version", "v" + std::to_string(port % 10)}};
    i.node_name = "client-1";
    return i;
}

struct Fake {
    std::vector<catalog::Instance> instances = {inst("web", "w1", 8001, "passing", {"prod", "urlprefix-/"}),
                                                inst("web", "w2", 8002, "critical", {"prod"}),
                                                inst("web", "w3", 8003, "warning", {"canary"}),
                                                inst("db", "d1", 5432, "passing")};
    std::map<std::string, nlohmann::json> secrets = {
        {"secret/data/app", {{"data", {{"data", {{"password", "s3cret"}}}, {"metadata", {{"version", 2}}}}}}},
        {"secret/data/flat", {{"data", {{"user", "u"}}}, {"metadata", {{"version", 1}}}}}};

    tmpl::Sources sources() {
        tmpl::Sources s;
        s.service = [this](const std::string& name) {
            std::vector<catalog::Instance> out;
            for (const auto& i : instances)
                if (name.empty() || i.service == name) out.push_back(i);
            return out;
        };
        s.secret = [this](const std::string& path) -> std::optional<nlohmann::json> {
            auto it = secrets.find(path);
            return it == secrets.end() ? std::nullopt : std::optional<nlohmann::json>(it->second);
        };
        return s;
    }
};

}  // namespace

TEST_CASE("template service: passing instances by default, filters, tags and fields") {
    Fake f;
    auto r = tmpl::render("{{ range service \"web\" }}{{ .Address }}:{{ .Port }} {{ end }}", f.sources());
    REQUIRE(r.ok);
    CHECK(r.text == "127.0.0.1:8001 ");
    CHECK(r.services == std::set<std::string>{"web"});

    r = tmpl::render("{{ range service \"web|passing,warning\" }}{{ .ID }},{{ end }}", f.sources());
    CHECK(r.text == "w1,w3,");
    r = tmpl::render("{{ range service \"web\" \"any\" }}{{ .ID }},{{ end }}", f.sources());
    CHECK(r.text == "w1,w2,w3,");
    r = tmpl::render("{{ range service \"prod.web|any\" }}{{ .ID }},{{ end }}", f.sources());
    CHECK(r.text == "w1,w2,");
    r = tmpl::render("{{ range nomadService \"web\" }}{{ .ID }}={{ .Status }},{{ end }}", f.sources());
    CHECK(r.text == "w1=passing,w2=critical,w3=warning,");
    r = tmpl::render("{{ with index (service \"web\") 0 }}{{ .ServiceMeta.version }} {{ .Tags | join \",\" }} {{ .Node }}{{ end }}",
                     f.sources());
    CHECK(r.text == "v1 prod,urlprefix-/ client-1");
    r = tmpl::render("{{ range services }}{{ .Name }}[{{ join \" \" .Tags }}] {{ end }}", f.sources());
    CHECK(r.text == "db[] web[canary prod urlprefix-/] ");
    CHECK(r.services == std::set<std::string>{"*"});

    r = tmpl::render("{{ service \"web|healthy\" }}", f.sources());
    CHECK(r.error == "1:4: error calling service: service: unknown health filter \"healthy\" (passing, warning, critical, maintenance, any)");
    r = tmpl::render("{{ service \"web\" }}", tmpl::Sources{});
    CHECK(r.error == "1:4: error calling service: service: no service catalog is available to this template");
}

TEST_CASE("template secret: .Data.data.key, both answer shapes, dependencies") {
    Fake f;
    auto r = tmpl::render("{{ with secret \"secret/data/app\" }}pw={{ .Data.data.password }} v{{ .Data.metadata.version }}{{ end }}",
                          f.sources());
    REQUIRE(r.ok);
    CHECK(r.text == "pw=s3cret v2");
    CHECK(r.secrets == std::set<std::string>{"secret/data/app"});
    r = tmpl::render("{{ (secret \"secret/data/flat\").Data.data.user }}", f.sources());
    CHECK(r.text == "u");
    r = tmpl::render("{{ with secret \"secret/data/app\" }}[{{ .Data.data.nokey }}]{{ end }}", f.sources());
    CHECK(r.text == "[<no value>]");
    tmpl::Options strict;
    strict.error_on_missing_key = true;
    r = tmpl::render("{{ with secret \"secret/data/app\" }}{{ .Data.data.nokey }}{{ end }}", f.sources(), strict);
    CHECK(r.error == "1:39: map has no entry for key \"nokey\"");
    r = tmpl::render("\n{{ secret \"secret/data/other\" }}", f.sources());
    CHECK(r.error == "2:4: error calling secret: secret \"secret/data/other\": not found, or the task's token may not read it");
    CHECK_FALSE(r.ok);
    CHECK(r.text.empty());
    r = tmpl::render("{{ secret \"secret/data/app\" \"k=v\" }}", f.sources());
    CHECK(r.error.find("writing secrets from a template") != std::string::npos);
    r = tmpl::render("{{ secret \"secret/data/app\" }}", tmpl::Sources{});
    CHECK(r.error.find("no secrets store is available to this task") != std::string::npos);
}
