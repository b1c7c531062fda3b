// Formatting (see formatting.hpp).
#include "formatting.hpp"

#include "compiler/format/format.hpp"
#include "grammar/parser.hpp"

namespace hjob::lsp {

Json format_document(const Document& doc, Encoding encoding) {
    const SourceFile file(doc.path, doc.text);
    if (has_errors(syntax::parse_config(file).diagnostics)) return Json::array();
    std::string formatted = format::format_source(file);
    if (formatted == doc.text) return Json::array();
    const Range whole{0, static_cast<std::uint32_t>(doc.text.size())};
    return Json::array({{{"range", doc.lines.range_json(whole, encoding)}, {"newText", std::move(formatted)}}});
}

}  // namespace hjob::lsp
