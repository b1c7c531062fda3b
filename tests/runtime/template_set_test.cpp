// TemplateSet: files written inside the task directory with their perms, `source` files,
// env templates, confinement of destinations (issue 5, acceptance 6), and refresh() reporting
// the templates whose output changed with their change_mode.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "artifact_support.hpp"
#include "runtime/template/change_script.hpp"
#include "runtime/template/template_set.hpp"

using namespace hjob;
using hjob::test::TaskScratch;
namespace fs = std::filesystem;

namespace {

ir::Template tpl(const std::string& dest, const std::string& data, const std::string& mode = "restart") {
    ir::Template t;
    t.destination = dest;
    t.data = data;
    t.change_mode = mode;
    return t;
}

struct Catalog {
    std::vector<runtime::catalog::Instance> instances;
    std::string password = "one";
    runtime::tmpl::Sources sources() {
        runtime::tmpl::Sources s;
        s.service = [this](const std::string&) { return instances; };
        s.secret = [this](const std::string&) -> std::optional<nlohmann::json> {
            return nlohmann::json{{"data", {{"password", password}}}};
        };
        s.env = [](const std::string& n) -> std::optional<std::string> {
            return n == "NOMAD_ALLOC_ID" ? std::optional<std::string>("a1") : std::nullopt;
        };
        return s;
    }
    void add(int port) {
        runtime::catalog::Instance i;
        i.service = "api";
        i.id = "api-" + std::to_string(port);
        i.address = "127.0.0.1";
        i.port = port;
        i.status = "passing";
        instances.push_back(i);
    }
};

int mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return int(st.st_mode & 07777);
}

}  // namespace

TEST_CASE("template set: renders files with perms, sources and env templates") {
    TaskScratch s;
    Catalog c;
    c.add(9001);
    test::write_file(s.task / "local" / "in.tpl", "alloc={{ env \"NOMAD_ALLOC_ID\" }}");
    ir::Template from_file = tpl("local/from_file.txt", "");
    from_file.source = "local/in.tpl";
    ir::Template secret = tpl("secrets/app.env", "DB_PASSWORD={{ with secret \"secret/data/app\" }}{{ .Data.data.password }}{{ end }}\n# c\nexport MODE='prod'\n");
    secret.env = true;
    secret.perms = "0600";
    ir::Template custom = tpl("local/deep/dir/upstreams.conf", "<% range service \"api\" %>server <% .Address %>:<% .Port %>;\n<% end %>");
    custom.left_delimiter = "<%";
    custom.right_delimiter = "%>";
    runtime::tmpl::TemplateSet set({from_file, secret, custom}, s.task.string(), c.sources());
    REQUIRE(set.render_all() == "");
    CHECK(test::read_file(s.task / "local" / "from_file.txt") == "alloc=a1");
    CHECK(mode_of(s.task / "local" / "from_file.txt") == 0644);
    CHECK(test::read_file(s.task / "secrets" / "app.env").rfind("DB_PASSWORD=one\n", 0) == 0);
    CHECK(mode_of(s.task / "secrets" / "app.env") == 0600);
    CHECK(set.env() == std::map<std::string, std::string>{{"DB_PASSWORD", "one"}, {"MODE", "prod"}});
    CHECK(test::read_file(s.task / "local" / "deep" / "dir" / "upstreams.conf") == "server 127.0.0.1:9001;\n");
    CHECK(set.reads_services());
    CHECK(set.reads_secrets());
}

TEST_CASE("template set: refresh reports changed outputs with their change_mode") {
    TaskScratch s;
    Catalog c;
    c.add(9001);
    ir::Template up = tpl("local/up.conf", "{{ range service \"api\" }}{{ .Port }} {{ end }}", "signal");
    up.change_signal = "SIGHUP";
    ir::Template pw = tpl("secrets/pw", "{{ with secret \"secret/data/app\" }}{{ .Data.data.password }}{{ end }}", "restart");
    ir::Template stat = tpl("local/static", "static", "noop");
    runtime::tmpl::TemplateSet set({up, pw, stat}, s.task.string(), c.sources());
    REQUIRE(set.render_all() == "");

    auto r = set.refresh(true, true);
    CHECK(r.error.empty());
    CHECK(r.changed.empty());  // same data, same text: nothing to do

    c.add(9002);
    r = set.refresh(true, false);
    REQUIRE(r.changed.size() == 1);
    CHECK(r.changed[0].destination == "local/up.conf");
    CHECK(r.changed[0].change_mode == "signal");
    CHECK(r.changed[0].change_signal == "SIGHUP");
    CHECK(test::read_file(s.task / "local" / "up.conf") == "9001 9002 ");

    c.password = "two";
    r = set.refresh(true, false);  // the secret changed but only services were said to change
    CHECK(r.changed.empty());
    r = set.refresh(false, true);
    REQUIRE(r.changed.size() == 1);
    CHECK(r.changed[0].destination == "secrets/pw");
    CHECK(r.changed[0].change_mode == "restart");
    CHECK(test::read_file(s.task / "secrets" / "pw") == "two");
}

TEST_CASE("template set: a destination outside the task directory is refused") {
    TaskScratch s;
    Catalog c;
    for (const auto& [dest, why] : std::vector<std::pair<std::string, std::string>>{
             {"../../x", "template ../../x: template destination \"../../x\" escapes the task directory"},
             {"/etc/hjob-x", "template /etc/hjob-x: template destination \"/etc/hjob-x\" is absolute: it must be relative to the task directory"},
             {"local/../../x", "template local/../../x: template destination \"local/../../x\" escapes the task directory"}}) {
        runtime::tmpl::TemplateSet set({tpl(dest, "x")}, s.task.string(), c.sources());
        CHECK(set.render_all() == why);
    }
    ir::Template src = tpl("local/x", "");
    src.source = "../../../etc/passwd";
    runtime::tmpl::TemplateSet set({src}, s.task.string(), c.sources());
    CHECK(set.render_all().find("template source \"../../../etc/passwd\" escapes the task directory") != std::string::npos);
    // A symlink the task planted at the destination is not followed (Nomad's symlink CVE fix).
    test::write_file(s.root / "victim", "keep");
    fs::create_symlink(s.root / "victim", s.task / "local" / "planted");
    runtime::tmpl::TemplateSet planted({tpl("local/planted", "new")}, s.task.string(), c.sources());
    CHECK(planted.render_all() ==
          "template local/planted: template destination \"local/planted\" resolves outside the task directory (through a symlink)");
    CHECK(test::read_file(s.root / "victim") == "keep");
    CHECK(s.outside() == std::vector<std::string>{(s.root / "victim").string()});
}

TEST_CASE("template set: render errors name the template, env files are checked") {
    TaskScratch s;
    Catalog c;
    runtime::tmpl::TemplateSet bad({tpl("local/a", "ok"), tpl("local/b", "line\n{{ nope }}")}, s.task.string(), c.sources());
    CHECK(bad.render_all() == "template local/b: 2:4: function \"nope\" not defined");
    ir::Template env = tpl("local/e.env", "not an env line\n");
    env.env = true;
    runtime::tmpl::TemplateSet bad_env({env}, s.task.string(), c.sources());
    CHECK(bad_env.render_all() == "template local/e.env: env template line 1: expected KEY=value");
    ir::Template perms = tpl("local/p", "x");
    perms.perms = "rw-r--r--";
    runtime::tmpl::TemplateSet bad_perms({perms}, s.task.string(), c.sources());
    CHECK(bad_perms.render_all() == "template local/p: perms \"rw-r--r--\" is not an octal mode");
}

TEST_CASE("template change script: runs in the task directory, fails clearly, is killed at its timeout") {
    TaskScratch s;
    ir::ChangeScript ok{"/bin/sh", {"-c", "echo \"$GREETING\" > ran.txt"}, 5'000'000'000, false};
    CHECK(runtime::tmpl::run_change_script(ok, s.task.string(), {{"GREETING", "hi"}, {"PATH", "/usr/bin:/bin"}}) == "");
    CHECK(test::read_file(s.task / "ran.txt") == "hi\n");
    ir::ChangeScript fails{"/bin/sh", {"-c", "exit 3"}, 5'000'000'000, true};
    CHECK(runtime::tmpl::run_change_script(fails, s.task.string(), {}) == "the change script /bin/sh failed (exit 3)");
    ir::ChangeScript hangs{"/bin/sh", {"-c", "sleep 30"}, 200'000'000, true};
    auto start = std::chrono::steady_clock::now();
    CHECK(runtime::tmpl::run_change_script(hangs, s.task.string(), {}) == "the change script /bin/sh did not finish within its timeout");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    ir::ChangeScript missing{"/no/such/script", {}, 5'000'000'000, false};
    CHECK(runtime::tmpl::run_change_script(missing, s.task.string(), {}) == "the change script /no/such/script could not be run");
}

TEST_CASE("template set: once templates are not re-rendered, oversized sources are refused") {
    TaskScratch s;
    Catalog c;
    c.add(9001);
    ir::Template once = tpl("local/once", "{{ range service \"api\" }}{{ .Port }}{{ end }}");
    once.once = true;
    runtime::tmpl::TemplateSet set({once}, s.task.string(), c.sources());
    REQUIRE(set.render_all() == "");
    c.add(9002);
    CHECK(set.refresh(true, true).changed.empty());
    CHECK(test::read_file(s.task / "local" / "once") == "9001");

    test::write_file(s.task / "local" / "big.tpl", std::string((4u << 20) + 1, 'x'));
    ir::Template big = tpl("local/big", "");
    big.source = "local/big.tpl";
    runtime::tmpl::TemplateSet too_big({big}, s.task.string(), c.sources());
    CHECK(too_big.render_all().find("is larger than 4 MiB") != std::string::npos);
    CHECK_FALSE(fs::exists(s.task / "local" / "big"));
}
