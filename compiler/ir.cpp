// The IR's source map: which source range an IR path came from.
#include "ir.hpp"

namespace hjob::ir {

SourceRange SourceMap::at(std::string_view path) const {
    std::string key(path);
    while (true) {
        if (const auto it = ranges.find(key); it != ranges.end()) return SourceRange{file, it->second};
        const auto slash = key.rfind('/');
        if (slash == std::string::npos || key.empty()) break;
        key.resize(slash);
    }
    return SourceRange{file, Range{}};
}

}  // namespace hjob::ir
