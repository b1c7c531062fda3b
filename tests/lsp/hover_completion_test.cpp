// Hover and completion at many cursor positions: stanza types, labels, arguments, allowed
// values, a driver's typed config, and the places where nothing is offered (heredocs,
// comments, labels for completion, arguments the schema does not know).
#include <catch2/catch.hpp>

#include <set>

#include "lsp_client.hpp"

using namespace hjob::test;

namespace {

const std::string job = R"(# a comment about the job
job "web" {
  type = "batch"

  group "app" {
    count = 2

    task "server" {
      driver = "docker"

      config {
        image = "nginx"

      }

      template {
        data        = <<EOF
job group task driver
EOF
        destination = "local/app.conf"
        change_mode = "signal"
      }

    }
  }

}
)";

const std::string uri = "file:///hjob-lsp-test/hover.nomad.hcl";

// The position `delta` bytes into the first occurrence of `needle` in `job`.
Json at(const std::string& needle, std::size_t delta = 0) {
    const std::size_t p = job.find(needle);
    REQUIRE(p != std::string::npos);
    return lsp_position(job, p + delta);
}

// A session with `job` open.
struct Session {
    Session() {
        lsp.initialize();
        lsp.open(uri, job);
    }
    Json hover(const Json& pos) {
        return lsp.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", pos}})["result"];
    }
    std::string hover_text(const Json& pos) {
        const Json h = hover(pos);
        return h.is_null() ? std::string() : h["contents"]["value"].get<std::string>();
    }
    std::set<std::string> labels(const Json& pos) {
        const Json r = lsp.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", pos}})["result"];
        std::set<std::string> out;
        for (const auto& item : r["items"]) out.insert(item["label"].get<std::string>());
        return out;
    }
    LspClient lsp;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("hover shows the schema docs of stanzas labels arguments and allowed values") {
    Session s;
    // 1. a block type, with the range of the word
    const std::string job_doc = s.hover_text(at("job \"web\"", 1));
    CHECK(has(job_doc, "**job**"));
    CHECK(has(job_doc, "The job: the unit submitted to Nomad."));
    CHECK(s.hover(at("job \"web\"", 1))["range"] == Json{{"start", at("job \"web\"")}, {"end", at("job \"web\"", 3)}});
    // 2. a nested block type
    CHECK(has(s.hover_text(at("group \"app\"", 2)), "**group**"));
    // 3. inside a label: the stanza it names
    const std::string label = s.hover_text(at("\"server\"", 3));
    CHECK(has(label, "**task**"));
    CHECK(has(label, "A process run by a driver."));
    // 4. an argument: type and description
    CHECK(has(s.hover_text(at("count = 2", 2)), "**count** `number`"));
    // 5. a required argument
    CHECK(has(s.hover_text(at("driver = ")), "required"));
    // 6. an allowed value: the argument, its default and every allowed value
    const std::string batch = s.hover_text(at("\"batch\"", 2));
    CHECK(has(batch, "`batch` is an allowed value of **type**"));
    CHECK(has(batch, "Default: `service`"));
    CHECK(has(batch, "`sysbatch`"));
    // 7. another allowed value, deeper
    CHECK(has(s.hover_text(at("\"signal\"", 1)), "is an allowed value of **change_mode**"));
    // 8. the docker driver's typed config
    CHECK(has(s.hover_text(at("image = ", 1)), "Image to run."));
    // 9. an argument of a repeatable block
    CHECK(has(s.hover_text(at("destination = ")), "**destination**"));
    // 10. inside a heredoc: nothing, though its words are stanza names
    CHECK(s.hover(at("job group task", 4)).is_null());
    // 11. inside a comment: nothing
    CHECK(s.hover(at("a comment", 3)).is_null());
    // 12. a free-form string value: nothing to say about it
    CHECK(s.hover(at("\"nginx\"", 2)).is_null());
    // 13. blank space
    CHECK(s.hover(at("\n\n    task", 1)).is_null());
}

TEST_CASE("completion: what the schema allows at the cursor") {
    Session s;
    // 1. an empty line in a task: arguments not yet set and blocks that may be added
    const auto task = s.labels(at("\n\n    }\n  }", 1));
    CHECK(task.count("user") == 1);
    CHECK(task.count("kill_timeout") == 1);
    CHECK(task.count("resources") == 1);
    CHECK(task.count("service") == 1);
    CHECK(task.count("template") == 1);  // repeatable: offered again
    CHECK(task.count("driver") == 0);    // already set
    CHECK(task.count("config") == 0);    // present, and only one is allowed
    // 2. at the top level, after the job: a file has one job
    CHECK(s.labels(lsp_position(job, job.size())) == std::set<std::string>{"variable", "variables", "locals"});
    // 3. an empty line in the job body
    const auto in_job = s.labels(at("\n\n}\n", 1));
    CHECK(in_job.count("datacenters") == 1);
    CHECK(in_job.count("group") == 1);
    CHECK(in_job.count("type") == 0);
    // 4. in the value of an argument with allowed values
    CHECK(s.labels(at("\"batch\"", 1)) == std::set<std::string>{"service", "batch", "system", "sysbatch"});
    CHECK(s.labels(at("\"signal\"", 4)) == std::set<std::string>{"noop", "restart", "signal", "script"});
    // 5. inside a label: nothing
    CHECK(s.labels(at("\"server\"", 2)).empty());
    // 6. inside a heredoc: nothing
    CHECK(s.labels(at("job group task", 0)).empty());
    CHECK(s.labels(at("job group task", 10)).empty());
    // 7. inside a comment: nothing
    CHECK(s.labels(at("a comment", 2)).empty());
    // 8. in the docker config: docker's arguments
    const auto docker = s.labels(at("\n\n      }\n\n      template", 1));
    CHECK(docker.count("command") == 1);
    CHECK(docker.count("network_mode") == 1);
    CHECK(docker.count("image") == 0);
    // 9. at the end of an argument name being typed: the names (the client filters)
    CHECK(s.labels(at("count = 2", 3)).count("count") == 1);
    // 10. in a free-form value: nothing
    CHECK(s.labels(at("\"nginx\"", 2)).empty());
}

TEST_CASE("completion while typing a half-written line or right after the equals sign") {
    LspClient lsp;
    lsp.initialize({{"textDocument", {{"completion", {{"completionItem", {{"snippetSupport", true}}}}}}}});
    const std::string text =
        "job \"a\" {\n  group \"g\" {\n    task \"t\" {\n      drive\n      logs {\n      }\n    }\n  }\n  type = \n}\n";
    lsp.open(uri, text);
    auto items = [&](std::size_t offset) {
        return lsp.request("textDocument/completion",
                           {{"textDocument", {{"uri", uri}}}, {"position", lsp_position(text, offset)}})["result"]["items"];
    };
    // "drive" alone on its line does not parse, yet the task around it is known.
    Json found;
    for (const auto& i : items(text.find("drive") + 5))
        if (i["label"] == "driver") found = i;
    REQUIRE(found.is_object());
    CHECK(found["insertText"] == "driver = ");
    CHECK(has(found["documentation"]["value"].get<std::string>(), "required"));
    // A block comes as a snippet with its label placeholder.
    Json task;
    for (const auto& i : items(text.find("    task")))
        if (i["label"] == "task") task = i;
    REQUIRE(task.is_object());
    CHECK(task["insertTextFormat"] == 2);
    CHECK(task["insertText"] == "task \"${1:name}\" {\n\t$0\n}");
    // Right after `type = `: the allowed values, quoted.
    std::set<std::string> values;
    for (const auto& i : items(text.find("type = ") + 7)) values.insert(i["label"].get<std::string>());
    CHECK(values == std::set<std::string>{"\"service\"", "\"batch\"", "\"system\"", "\"sysbatch\""});
}
