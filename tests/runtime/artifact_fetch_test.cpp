// Fetching artifacts into a task directory: local files and directories, archives (built here
// with python3), checksums, modes, and the escapes that must be refused with nothing written
// outside the task directory (issue 5, acceptance 6).
#include <catch2/catch.hpp>

#include "artifact_support.hpp"
#include "runtime/artifact/artifact.hpp"

using namespace hjob;
using hjob::test::TaskScratch;
using runtime::artifact::fetch;
namespace fs = std::filesystem;

namespace {

ir::Artifact art(const std::string& source, const std::string& dest = "local/", const std::string& mode = "any") {
    ir::Artifact a;
    a.source = source;
    a.destination = dest;
    a.mode = mode;
    return a;
}

// A tar.gz (or other format) at `path` with the members python's tarfile writes from `members`:
// a list of (name, content) for files, (name, "->target") for symlinks.
bool make_tar(const std::string& path, const std::string& mode, const std::vector<std::pair<std::string, std::string>>& members) {
    std::string py = "import tarfile, io\nt = tarfile.open('" + path + "', '" + mode + "')\n";
    for (const auto& [name, content] : members) {
        if (content.rfind("->", 0) == 0) {
            py += "i = tarfile.TarInfo('" + name + "'); i.type = tarfile.SYMTYPE; i.linkname = '" + content.substr(2) + "'; t.addfile(i)\n";
        } else {
            py += "d = b'''" + content + "'''\ni = tarfile.TarInfo('" + name + "'); i.size = len(d); i.mode = 0o640; t.addfile(i, io.BytesIO(d))\n";
        }
    }
    return test::python(py + "t.close()\n");
}

const std::string kHello = "hello\n";

}  // namespace

TEST_CASE("artifact: a local file lands in local/ and its checksum is verified") {
    TaskScratch s;
    test::write_file(s.root / "src" / "hello.txt", kHello);
    for (const char* sum : {"sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
                                   "md5:b1946ac92492d2347c6235b4d2611184", "sha1:f572d396fae9206628714fb2ce00f72e94f2258f"}) {
        auto r = fetch(art((s.root / "src" / "hello.txt").string() + "?checksum=" + std::string(sum)), s.task.string());
        INFO(r.error);
        REQUIRE(r.ok);
        CHECK(test::read_file(s.task / "local" / "hello.txt") == kHello);
        CHECK(r.written == std::vector<std::string>{(s.task / "local" / "hello.txt").string()});
    }
}

TEST_CASE("artifact: a checksum mismatch is refused and writes nothing") {
    TaskScratch s;
    test::write_file(s.root / "src" / "hello.txt", kHello);
    ir::Artifact a = art("file://" + (s.root / "src" / "hello.txt").string());
    a.options["checksum"] = "sha256:" + std::string(64, '0');
    auto r = fetch(a, s.task.string());
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("checksum mismatch: the sha256 of hello.txt is 5891b5b5") != std::string::npos);
    CHECK(fs::is_empty(s.task / "local"));
}

TEST_CASE("artifact: tar.gz, tar.bz2, tar.xz and zip archives are unpacked") {
    TaskScratch s;
    const std::vector<std::pair<std::string, std::string>> members = {
        {"bin/app", "#!/bin/sh\necho hi\n"}, {"conf/app.conf", "port = 8080\n"}, {"conf/current", "->app.conf"}};
    for (const auto& [file, mode] : std::vector<std::pair<std::string, std::string>>{
             {"a.tar.gz", "w:gz"}, {"b.tar.bz2", "w:bz2"}, {"c.tar.xz", "w:xz"}, {"d.tar", "w"}}) {
        std::string path = (s.root / file).string();
        REQUIRE(make_tar(path, mode, members));
        std::string dest = "local/" + file.substr(0, 1);
        auto r = fetch(art(path, dest), s.task.string());
        INFO(file << ": " << r.error);
        REQUIRE(r.ok);
        CHECK(test::read_file(s.task / dest / "conf" / "app.conf") == "port = 8080\n");
        CHECK(fs::read_symlink(s.task / dest / "conf" / "current") == "app.conf");
        CHECK((fs::status(s.task / dest / "bin" / "app").permissions() & fs::perms::group_read) != fs::perms::none);
        CHECK(r.written.size() == 3);
    }
    REQUIRE(test::python("import zipfile\nz = zipfile.ZipFile('" + (s.root / "e.zip").string() +
                         "', 'w', zipfile.ZIP_DEFLATED)\nz.writestr('www/index.html', '<h1>hi</h1>')\nz.close()\n"));
    auto r = fetch(art((s.root / "e.zip").string(), "local/site"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "site" / "www" / "index.html") == "<h1>hi</h1>");
}

TEST_CASE("artifact: a single gzip, bzip2 or xz file is decompressed") {
    TaskScratch s;
    REQUIRE(test::python("import gzip, bz2, lzma\n"
                         "open('" + (s.root / "app.conf.gz").string() + "', 'wb').write(gzip.compress(b'gz\\n'))\n"
                         "open('" + (s.root / "app.conf.bz2").string() + "', 'wb').write(bz2.compress(b'bz2\\n'))\n"
                         "open('" + (s.root / "app.conf.xz").string() + "', 'wb').write(lzma.compress(b'xz\\n'))\n"));
    auto r = fetch(art((s.root / "app.conf.gz").string()), s.task.string());
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "app.conf") == "gz\n");
    r = fetch(art((s.root / "app.conf.bz2").string(), "local/b.conf", "file"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "b.conf") == "bz2\n");
    r = fetch(art((s.root / "app.conf.xz").string(), "local/x/"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "x" / "app.conf") == "xz\n");
    r = fetch(art((s.root / "app.conf.gz").string() + "?archive=false", "local/raw/"), s.task.string());
    REQUIRE(r.ok);
    CHECK(fs::file_size(s.task / "local" / "raw" / "app.conf.gz") == fs::file_size(s.root / "app.conf.gz"));
    test::write_file(s.root / "fake.gz", "not gzip at all");
    r = fetch(art((s.root / "fake.gz").string()), s.task.string());
    CHECK(r.error == "fake.gz is not gzip, bzip2 or xz data");
    CHECK_FALSE(fs::exists(s.task / "local" / "fake"));
}

TEST_CASE("artifact: archive=false, mode file and dir, local directories") {
    TaskScratch s;
    REQUIRE(make_tar((s.root / "a.tgz").string(), "w:gz", {{"x", "1"}}));
    auto r = fetch(art((s.root / "a.tgz").string() + "?archive=false"), s.task.string());
    REQUIRE(r.ok);
    CHECK(fs::is_regular_file(s.task / "local" / "a.tgz"));

    r = fetch(art((s.root / "a.tgz").string(), "local/renamed.bin", "file"), s.task.string());
    REQUIRE(r.ok);
    CHECK(fs::file_size(s.task / "local" / "renamed.bin") == fs::file_size(s.root / "a.tgz"));

    test::write_file(s.root / "plain.txt", "x");
    r = fetch(art((s.root / "plain.txt").string(), "local/d", "dir"), s.task.string());
    CHECK(r.error == "mode \"dir\" needs an archive or a directory, and plain.txt is neither");

    test::write_file(s.root / "tree" / "a" / "b.txt", "b");
    r = fetch(art((s.root / "tree").string(), "local/tree", "dir"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "tree" / "a" / "b.txt") == "b");

    test::write_file(s.task / "rel.txt", "relative");  // relative sources are in the task directory
    r = fetch(art("rel.txt", "local/"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "rel.txt") == "relative");

    r = fetch(art((s.root / "missing.bin").string()), s.task.string());
    CHECK(r.error.find("does not exist") != std::string::npos);
    r = fetch(art("x", "local/", "sometimes"), s.task.string());
    CHECK(r.error == "mode \"sometimes\": expected any, file or dir");
}

TEST_CASE("artifact: escaping destinations and archive entries are refused, nothing written outside") {
    TaskScratch s;
    test::write_file(s.task / "f.txt", "f");

    SECTION("destination") {
        auto r = fetch(art("f.txt", "../../x"), s.task.string());
        CHECK(r.error == "destination \"../../x\" escapes the task directory");
        r = fetch(art("f.txt", "/tmp/hjob-escape"), s.task.string());
        CHECK(r.error.find("is absolute") != std::string::npos);
        r = fetch(art("f.txt", "local/../../.."), s.task.string());
        CHECK(r.error.find("escapes the task directory") != std::string::npos);
        fs::create_directory_symlink(s.root, s.task / "local" / "out");
        r = fetch(art("f.txt", "local/out/"), s.task.string());
        CHECK(r.error.find("resolves outside the task directory") != std::string::npos);
        fs::remove(s.task / "local" / "out");
    }
    SECTION("an entry ../../escape") {
        REQUIRE(make_tar((s.root / "evil.tgz").string(), "w:gz", {{"ok.txt", "fine"}, {"../../escape", "pwned"}}));
        auto r = fetch(art((s.root / "evil.tgz").string()), s.task.string());
        CHECK(r.error == "archive entry \"../../escape\" would be written outside the destination: refusing the archive");
        CHECK(fs::is_empty(s.task / "local"));  // refused as a whole: not even ok.txt
        fs::remove(s.root / "evil.tgz");
    }
    SECTION("an absolute entry") {
        std::string target = (s.root / "abs-escape").string();
        REQUIRE(make_tar((s.root / "evil.tar").string(), "w", {{target, "pwned"}}));
        auto r = fetch(art((s.root / "evil.tar").string()), s.task.string());
        CHECK(r.error.find("is an absolute path") != std::string::npos);
        fs::remove(s.root / "evil.tar");
    }
    SECTION("a symlink out, then a file through it") {
        REQUIRE(make_tar((s.root / "evil.tgz").string(), "w:gz", {{"link", "->../../.."}, {"link/escape", "pwned"}}));
        auto r = fetch(art((s.root / "evil.tgz").string()), s.task.string());
        CHECK(r.error.find("archive symlink \"link\" -> \"../../..\" points outside the destination") != std::string::npos);
        fs::remove(s.root / "evil.tgz");
    }
    SECTION("a symlink chain that only escapes once followed") {
        // x/y -> .. stays inside; x/y/z/w -> ../.. looks inside on paper but x/y/z is really
        // dest/z, so w would point above dest: writing through x/y must be refused.
        REQUIRE(make_tar((s.root / "evil.tgz").string(), "w:gz", {{"x/y", "->.."}, {"x/y/z/w", "->../.."}, {"x/y/z/w/escape", "p"}}));
        auto r = fetch(art((s.root / "evil.tgz").string()), s.task.string());
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("is a symlink: refusing to write through it") != std::string::npos);
        fs::remove(s.root / "evil.tgz");
    }
    SECTION("a zip entry ../../escape") {
        REQUIRE(test::python("import zipfile\nz = zipfile.ZipFile('" + (s.root / "evil.zip").string() +
                             "', 'w')\nz.writestr('../../escape', 'pwned')\nz.close()\n"));
        auto r = fetch(art((s.root / "evil.zip").string()), s.task.string());
        CHECK(r.error.find("would be written outside the destination") != std::string::npos);
        fs::remove(s.root / "evil.zip");
    }
    CHECK(s.outside().empty());
    CHECK_FALSE(fs::exists("/tmp/hjob-escape"));
}

TEST_CASE("artifact: http downloads, with checksum, archives and errors") {
    TaskScratch s;
    fs::path www = s.root / "www";
    test::write_file(www / "hello.txt", kHello);
    REQUIRE(make_tar((www / "app.tar.gz").string(), "w:gz", {{"app/run.sh", "echo run\n"}}));
    fs::remove_all(s.root / "alloc" / "web" / "tmp");  // downloads then go to the task directory itself
    test::HttpServer server(www);
    REQUIRE(server.accepts());

    auto r = fetch(art(server.url("hello.txt?checksum=md5:b1946ac92492d2347c6235b4d2611184")), s.task.string());
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "hello.txt") == kHello);

    r = fetch(art(server.url("app.tar.gz"), "local/pkg"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "pkg" / "app" / "run.sh") == "echo run\n");

    fs::create_directories(www / "sub");  // http.server answers /sub with a 301 to /sub/
    r = fetch(art(server.url("sub"), "local/listing", "file"), s.task.string());
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "listing").find("Directory listing for /sub/") != std::string::npos);
    fs::remove(www / "sub");

    r = fetch(art(server.url("missing.bin")), s.task.string());
    CHECK(r.error == "GET " + server.url("missing.bin") + ": 404 File not found");

    r = fetch(art(server.url("hello.txt?checksum=sha1:" + std::string(40, '0'))), s.task.string());
    CHECK(r.error.find("checksum mismatch") != std::string::npos);

    r = fetch(art("http://127.0.0.1:1/x.bin"), s.task.string());
    CHECK(r.error.find("connect") != std::string::npos);
    // No temporary download is left behind.
    for (auto& e : fs::directory_iterator(s.task)) CHECK(e.path().filename().string().rfind(".hjob-artifact", 0) != 0);
    CHECK(s.outside() == std::vector<std::string>{www.string(), (www / "app.tar.gz").string(), (www / "hello.txt").string()});
}

TEST_CASE("artifact: https verifies the certificate unless insecure") {
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
        WARN("openssl is not installed: skipping the https artifact test");
        return;
    }
    TaskScratch s;
    fs::path tls = s.root / "tls", www = s.root / "www";
    fs::create_directories(tls);
    test::write_file(www / "conf.txt", "secure\n");
    std::string gen = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 "
                      "-addext subjectAltName=IP:127.0.0.1 -keyout " + (tls / "key.pem").string() + " -out " +
                      (tls / "cert.pem").string() + " >/dev/null 2>&1";
    REQUIRE(std::system(gen.c_str()) == 0);
    test::HttpServer server(www, tls);
    REQUIRE(server.accepts());
    std::string url = "https://127.0.0.1:" + std::to_string(server.port) + "/conf.txt";

    auto r = fetch(art(url), s.task.string());
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("TLS handshake: certificate verify failed") != std::string::npos);
    CHECK(fs::is_empty(s.task / "local"));

    ir::Artifact a = art(url + "?checksum=md5:6bc48dd36a595dc33de11c26e0e3cc03");  // md5("secure\n")
    a.insecure = true;
    r = fetch(a, s.task.string());
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(test::read_file(s.task / "local" / "conf.txt") == "secure\n");
}

TEST_CASE("artifact: an archive with more entries than the limit is refused before writing") {
    TaskScratch s;
    REQUIRE(test::python("import tarfile\nt = tarfile.open('" + (s.root / "many.tar").string() + "', 'w')\n"
                         "for n in range(100001):\n    t.addfile(tarfile.TarInfo('f%d' % n))\nt.close()\n"));
    auto r = fetch(art((s.root / "many.tar").string()), s.task.string());
    CHECK(r.error == "the archive has more than 100000 entries");
    CHECK(fs::is_empty(s.task / "local"));
}
