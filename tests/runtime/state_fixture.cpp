// Test helpers for the state suites (state_fixture.hpp).
#include "state_fixture.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hjob::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    static std::atomic<int> n{0};
    path = (fs::temp_directory_path() / ("hjob_state_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++)))
               .string();
    fs::remove_all(path);
    fs::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
    const std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string hjob_path() { return std::string(HJOB_BINARY_DIR) + "/hjob"; }

HjobRun run_hjob(const std::vector<std::string>& args, const std::string& input) {
    // Output goes to files, so that neither side can block on a full pipe.
    TempDir io;
    const std::string in = io.write("in", input), out = io.path + "/out", err = io.path + "/err";
    HjobRun r;
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fi = ::open(in.c_str(), O_RDONLY), fo = ::open(out.c_str(), O_WRONLY | O_CREAT, 0644),
                  fe = ::open(err.c_str(), O_WRONLY | O_CREAT, 0644);
        ::dup2(fi, 0);
        ::dup2(fo, 1);
        ::dup2(fe, 2);
        std::vector<std::string> all{hjob_path()};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::setenv("NO_COLOR", "1", 1);
        // hjob apply would start an agent running the tests' jobs; the agent tests start theirs.
        if (!::getenv("HJOB_NO_AGENT")) ::setenv("HJOB_NO_AGENT", "1", 1);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int st = 0;
    ::waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

std::string small_job(const std::string& id, int count, const std::string& version) {
    return "job \"" + id + "\" {\n  datacenters = [\"dc1\"]\n  group \"web\" {\n    count = " + std::to_string(count) +
           "\n    update {\n      max_parallel = 0\n    }\n    task \"server\" {\n      driver = \"exec\"\n"
           "      config {\n        command = \"/bin/sleep\"\n        args    = [\"3600\"]\n      }\n"
           "      env {\n        VERSION = \"" + version + "\"\n      }\n"
           "      resources {\n        cpu    = 100\n        memory = 64\n      }\n    }\n  }\n}\n";
}

}  // namespace hjob::test
