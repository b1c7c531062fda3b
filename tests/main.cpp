// The one Catch2 main shared by every test binary.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <string>

int main(int argc, char* argv[]) {
    // ctest runs test cases side by side, each in its own process with its own data directory,
    // but their nodes share this machine's loopback addresses. Each process takes its own
    // window of dynamic ports (HJOB_DYNAMIC_PORTS, inherited by every hjob it starts), so two
    // agents never hand their tasks the same port.
    const int lo = 20000 + static_cast<int>(::getpid() % 200) * 50;
    ::setenv("HJOB_DYNAMIC_PORTS", (std::to_string(lo) + "-" + std::to_string(lo + 49)).c_str(), 0);
    return Catch::Session().run(argc, argv);
}
