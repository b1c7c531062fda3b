// The registry: one table per FunctionOptions, assembled from the families.
#include "functions.hpp"

#include <memory>
#include <mutex>
#include <utility>

#include "fn_util.hpp"

namespace hjob::cty {

namespace {

FunctionTable build_table(const FunctionOptions& options) {
    FunctionTable t;
    fn::add_string_functions(t);
    fn::add_string_edit_functions(t);
    fn::add_format_functions(t);
    fn::add_collection_functions(t);
    fn::add_collection_map_functions(t);
    fn::add_set_functions(t);
    fn::add_sequence_functions(t);
    fn::add_numeric_functions(t);
    fn::add_encoding_functions(t);
    fn::add_json_functions(t);
    fn::add_yaml_functions(t);
    fn::add_csv_functions(t);
    fn::add_filesystem_functions(t, options);
    fn::add_datetime_functions(t);
    fn::add_hashing_functions(t);
    fn::add_crypto_functions(t);
    fn::add_uuid_functions(t);
    fn::add_ipnet_functions(t);
    fn::add_conversion_functions(t);
    return t;
}

}  // namespace

const FunctionTable& nomad_functions(const FunctionOptions& options) {
    // A handful of distinct options per run (one base directory per job file): keep each
    // table alive for the program's lifetime so contexts may hold plain pointers to it.
    static std::mutex mutex;
    static std::vector<std::pair<FunctionOptions, std::unique_ptr<FunctionTable>>> tables;
    const std::lock_guard<std::mutex> lock(mutex);
    for (const auto& [opts, table] : tables)
        if (opts.base_dir == options.base_dir && opts.allow_filesystem == options.allow_filesystem) return *table;
    tables.emplace_back(options, std::make_unique<FunctionTable>(build_table(options)));
    return *tables.back().second;
}

std::vector<std::string> nomad_function_names() {
    std::vector<std::string> names;
    for (const auto& entry : nomad_functions()) names.push_back(entry.first);
    return names;
}

}  // namespace hjob::cty
