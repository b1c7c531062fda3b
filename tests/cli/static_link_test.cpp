// The hjob binary is linked statically with crtbegin.o in place of crtbeginT.o (cli/CMakeLists.txt),
// so that exceptions find their unwind tables through PT_GNU_EH_FRAME instead of sorting them all
// at the first throw. These tests check that the link kept what that relies on, and that exceptions
// still work in the binary: CLI11 reports a bad option by throwing, the parser an unclosed block.
#include <catch2/catch.hpp>

#include <elf.h>

#include <fstream>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace {

const std::string hjob_bin = std::string(HJOB_BINARY_DIR) + "/hjob";

std::vector<Elf64_Word> segment_types(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Elf64_Ehdr eh{};
    in.read(reinterpret_cast<char*>(&eh), sizeof eh);
    REQUIRE(in);
    REQUIRE(std::string(reinterpret_cast<const char*>(eh.e_ident), 4) == "\x7f" "ELF");
    REQUIRE(eh.e_ident[EI_CLASS] == ELFCLASS64);
    std::vector<Elf64_Word> types;
    for (int i = 0; i < eh.e_phnum; ++i) {
        Elf64_Phdr ph{};
        in.seekg(static_cast<std::streamoff>(eh.e_phoff + static_cast<Elf64_Off>(i) * eh.e_phentsize));
        in.read(reinterpret_cast<char*>(&ph), sizeof ph);
        REQUIRE(in);
        types.push_back(ph.p_type);
    }
    return types;
}

bool has(const std::vector<Elf64_Word>& types, Elf64_Word type) {
    for (auto t : types)
        if (t == type) return true;
    return false;
}

}  // namespace

TEST_CASE("static link: the hjob binary carries the unwind table index its exceptions use") {
    const auto types = segment_types(hjob_bin);
    REQUIRE(has(types, PT_LOAD));
    // A static link drops --eh-frame-hdr unless it is asked for; without the index every first
    // exception sorts all unwind tables.
    CHECK(has(types, PT_GNU_EH_FRAME));
}

TEST_CASE("static link: exceptions thrown inside hjob are caught and reported") {
    auto bad_option = hjob::test::run_process({hjob_bin, "check", "--no-such-option"});
    CHECK(bad_option.status == 2);
    CHECK(bad_option.err.find("--no-such-option") != std::string::npos);

    auto unclosed = hjob::test::run_process({hjob_bin, "check", "-"}, "job \"x\" {\n  group \"g\" {\n");
    CHECK(unclosed.status == 1);
    CHECK(unclosed.out.find("<stdin>:2:13: error") != std::string::npos);
    CHECK(unclosed.out.find("Unclosed configuration block") != std::string::npos);
}
