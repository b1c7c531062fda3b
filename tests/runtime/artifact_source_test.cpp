// go-getter source strings: the location, the parameters taken out, the archive type, and the
// sources refused with a reason.
#include <catch2/catch.hpp>

#include "runtime/artifact/source.hpp"

using namespace hjob;
using runtime::artifact::parse_source;

namespace {

runtime::artifact::Source parse(const std::string& source, ir::StringMap options = {}) {
    ir::Artifact a;
    a.source = source;
    a.options = std::move(options);
    return parse_source(a);
}

}  // namespace

TEST_CASE("artifact source: locations, parameters, archive types") {
    auto s = parse("https://example.com/dl/app-1.2.tar.gz?checksum=sha256:" + std::string(64, 'A') + "&token=x");
    CHECK(s.error.empty());
    CHECK(s.remote);
    CHECK(s.location == "https://example.com/dl/app-1.2.tar.gz?token=x");
    CHECK(s.filename == "app-1.2.tar.gz");
    CHECK(s.archive == "tar.gz");
    CHECK(s.checksum_type == "sha256");
    CHECK(s.checksum == std::string(64, 'a'));

    s = parse("http://example.com/a.zip?archive=false");
    CHECK(s.archive.empty());
    CHECK(s.location == "http://example.com/a.zip");

    s = parse("file:///srv/files/conf.tgz");
    CHECK_FALSE(s.remote);
    CHECK(s.location == "/srv/files/conf.tgz");
    CHECK(s.archive == "tar.gz");

    s = parse("local/bundle.bin", {{"archive", "tar.xz"}, {"checksum", "md5:" + std::string(32, '0')}});
    CHECK(s.location == "local/bundle.bin");
    CHECK(s.archive == "tar.xz");
    CHECK(s.checksum_type == "md5");

    s = parse("/opt/x.bin?checksum=" + std::string(40, 'f'));  // the length names sha1
    CHECK(s.checksum_type == "sha1");

    for (const auto& [src, type] : std::vector<std::pair<std::string, std::string>>{
             {"a.tar", "tar"}, {"a.tbz2", "tar.bz2"}, {"a.tar.bz2", "tar.bz2"}, {"a.txz", "tar.xz"}, {"A.ZIP", "zip"}, {"a.gz", "gz"}, {"a.bz2", "bz2"}, {"a.txt", ""}})
        CHECK(parse(src).archive == type);
}

TEST_CASE("artifact source: refused sources say why") {
    CHECK(parse("git::https://github.com/x/y").error.find("git:: getter is not supported") != std::string::npos);
    CHECK(parse("s3://bucket/key").error.find("s3:// scheme is not supported") != std::string::npos);
    CHECK(parse("").error == "the artifact has no source");
    CHECK(parse("x.bin?checksum=sha256:abc").error.find("a sha256 digest is 64 hex digits") != std::string::npos);
    CHECK(parse("x.bin?checksum=crc32:abcd").error.find("md5, sha1, sha256 or sha512") != std::string::npos);
    CHECK(parse("x.bin?checksum=file:http://x/SHA256SUMS").error.find("checksum files are not supported") != std::string::npos);
    CHECK(parse("x.bin?archive=rar").error.find("archive \"rar\"") != std::string::npos);
}
