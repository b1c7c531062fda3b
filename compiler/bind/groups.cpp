// A job's groups, decoded on two threads when the job is large. Groups are independent: each
// reads only the job level and its own block. Each half gets a child binder with its own
// diagnostics, ranges and dynamic-block expansions; the halves are then adopted in order, so
// the result is the same as decoding the groups one by one, diagnostics and ranges included.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>

#include "decode.hpp"

namespace hjob::bind::detail {

namespace {

// Below this much group text a thread costs more than it saves (about 50 us to start one,
// and a typical job binds in about 100 us).
constexpr std::size_t parallel_bytes = 256 * 1024;

std::size_t text_size(const syntax::Block& b) {
    return b.close_brace.end > b.type_range.begin ? b.close_brace.end - b.type_range.begin : 0;
}

void decode_range(Binder& b, const std::vector<GroupBlock>& blocks, std::size_t from, std::size_t to,
                  const JobLevel& job, std::vector<ir::Group>& out) {
    for (std::size_t i = from; i < to; ++i) {
        const std::string path = "/groups/" + std::to_string(i);
        out[i] = blocks[i].implicit ? implicit_group(b, *blocks[i].block, job, path)
                                    : decode_group(b, *blocks[i].block, job, path);
    }
}

}  // namespace

std::vector<ir::Group> decode_groups(Binder& b, const std::vector<GroupBlock>& blocks, const JobLevel& job) {
    std::vector<ir::Group> out(blocks.size());
    std::size_t total = 0;
    for (const auto& g : blocks) total += text_size(*g.block);
    const bool automatic = b.threads == 0 && total >= parallel_bytes && std::thread::hardware_concurrency() >= 2;
    if (blocks.size() < 2 || !(automatic || b.threads >= 2)) {
        decode_range(b, blocks, 0, blocks.size(), job, out);
        return out;
    }
    // Split where half of the group text has gone by.
    std::size_t split = 0, seen = 0;
    while (split + 1 < blocks.size() && seen < total / 2) seen += text_size(*blocks[split++].block);
    split = std::max<std::size_t>(split, 1);

    b.file().line_count();  // the file computes its line table on first use: not on two threads at once
    Diagnostics first_diags, second_diags;
    ir::SourceMap first_map, second_map;
    first_map.reserve(total / 80 + 64, total / 2);  // about a path of 30 bytes per 40 bytes of text
    second_map.reserve(total / 80 + 64, total / 2);
    Binder first(b, first_diags, first_map), second(b, second_diags, second_map);
    std::exception_ptr failed;
    std::thread worker([&] {
        try {
            decode_range(second, blocks, split, blocks.size(), job, out);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        decode_range(first, blocks, 0, split, job, out);
    } catch (...) {
        worker.join();
        throw;
    }
    worker.join();
    if (failed) std::rethrow_exception(failed);
    b.adopt(std::move(first_diags), first_map);
    b.adopt(std::move(second_diags), second_map);
    return out;
}

}  // namespace hjob::bind::detail
