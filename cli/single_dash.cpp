// One-dash long options, as Nomad and Terraform write them (single_dash.hpp).
#include "single_dash.hpp"

#include <CLI/CLI.hpp>

#include <cctype>

namespace hjob::cli {

namespace {

bool has_long_option(const CLI::App& app, const std::string& name) {
    if (app.get_option_no_throw("--" + name)) return true;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (has_long_option(*sub, name)) return true;
    return false;
}

}  // namespace

std::vector<std::string> accept_single_dash(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> out(argv, argv + argc);
    if (argc < 3) return out;
    const std::string first = argv[1];
    const auto subs = app.get_subcommands([&](const CLI::App* a) { return a->get_name() == first; });
    if (subs.empty()) return out;
    const CLI::App* sub = subs.front();
    for (std::size_t i = 2; i < out.size(); ++i) {
        std::string& arg = out[i];
        if (arg == "--") break;
        if (arg.size() < 3 || arg[0] != '-' || arg[1] == '-' || !std::isalpha(static_cast<unsigned char>(arg[1]))) continue;
        const std::string name = arg.substr(1, arg.find('=') - 1);
        if (name.size() >= 2 && has_long_option(*sub, name)) arg.insert(0, "-");
    }
    return out;
}

}  // namespace hjob::cli
