// The front end's one PEGTL translation unit: runs the grammar (grammar.hpp) with its actions
// and error control over the whole text, then puts HCL's lexical diagnostics first, where
// hclsyntax reports them.
#include "parser.hpp"

#include <tao/pegtl.hpp>

#include "actions.hpp"
#include "control.hpp"
#include "grammar.hpp"
#include "rescan.hpp"

namespace hjob::syntax {

namespace pegtl = tao::pegtl;

SyntaxTree parse_config(const SourceFile& file) {
    SyntaxTree tree;
    tree.file = &file;
    const std::string& text = file.text();
    tree.arena = std::make_unique<Arena>(4096);  // the builder sizes its chunks itself
    detail::ParseState st(file, *tree.arena);
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> in(text.data(), text.size(), "");
    try {
        pegtl::parse<grammar, detail::action, detail::control>(in, st);
    } catch (const detail::ItemFailed&) {
        // Only items raise, and each recovers; nothing reaches here but is handled anyway.
    }
    tree.body = st.top_body();
    tree.diagnostics = std::move(st.diagnostics);
    if (!tree.diagnostics.empty()) {
        Diagnostics lexical = rescan::lexical_diagnostics(file, max_syntax_errors);
        tree.diagnostics.insert(tree.diagnostics.begin(), std::make_move_iterator(lexical.begin()),
                                std::make_move_iterator(lexical.end()));
    }
    return tree;
}

}  // namespace hjob::syntax
