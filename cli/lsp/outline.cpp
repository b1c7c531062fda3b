// The token walk behind the outline (see outline.hpp). A stack of open brackets tells whether
// a token sits directly in a block body, where an identifier starts an argument or a block.
#include "outline.hpp"

#include "documents.hpp"
#include "grammar/tokens.hpp"

namespace hjob::lsp {

namespace {

using syntax::Token;
using syntax::TokenType;

struct Frame {
    enum Kind { block, brace, brack, paren, quote, heredoc, interp } kind;
    int index = 0;            ///< for `block`: its index in Outline::blocks
    std::uint32_t begin = 0;  ///< where the bracket opened
};

class Walker {
public:
    Walker(Outline& out, const std::vector<Token>& tokens) : out_(out), toks_(tokens) {}

    void run() {
        const auto size = static_cast<std::uint32_t>(out_.file->text().size());
        OutlineBlock root;
        root.range = root.body = Range{0, size};
        out_.blocks.push_back(std::move(root));
        stack_.push_back({Frame::block, 0, 0});
        for (std::size_t i = 0; i < toks_.size(); ++i) i = step(i);
    }

private:
    std::string_view text(Range r) const { return out_.file->slice(r); }
    TokenType type(std::size_t i) const { return i < toks_.size() ? toks_[i].type : TokenType::Eof; }
    Range range(std::size_t i) const { return toks_[std::min(i, toks_.size() - 1)].range; }

    std::size_t step(std::size_t i) {
        const Token& t = toks_[i];
        switch (t.type) {
        case TokenType::Comment:
            out_.regions.push_back({RegionKind::comment, t.range});
            if (text(t.range).ends_with('\n')) end_line(t.range.end - 1);
            return i;
        case TokenType::Newline:
        case TokenType::QuotedNewline: end_line(t.range.begin); return i;
        case TokenType::Eof: finish(t.range.begin); return i;
        default: break;
        }
        if (item_start_ && stack_.back().kind == Frame::block && t.type == TokenType::Ident) {
            item_start_ = false;
            return item(i);
        }
        item_start_ = false;
        bracket(t);
        return i;
    }

    // An unterminated string ends with its line; an argument ends with the line it is on
    // when no bracket of its value is open.
    void end_line(std::uint32_t at) {
        if (stack_.back().kind == Frame::quote) close(at);
        if (stack_.back().kind == Frame::block) item_start_ = true;
    }

    void finish(std::uint32_t at) {
        while (stack_.size() > 1) close(at);
    }

    // Pops the top frame, recording what it was, closed at `end`.
    void close(std::uint32_t end) {
        const Frame f = stack_.back();
        stack_.pop_back();
        if (f.kind == Frame::block) {
            OutlineBlock& b = out_.blocks[static_cast<std::size_t>(f.index)];
            b.body.end = end;
            b.range.end = end;
            return;
        }
        const RegionKind kind = f.kind == Frame::quote     ? RegionKind::string
                                : f.kind == Frame::heredoc ? RegionKind::heredoc
                                                           : RegionKind::expression;
        out_.regions.push_back({kind, Range{f.begin, end}});
    }

    // Closes frames up to the nearest of `kind` (frames left open inside end there); a closer
    // with no opener in the current block is ignored rather than allowed to close the block.
    void close_to(Frame::Kind kind, const Token& t) {
        for (std::size_t k = stack_.size(); k-- > 1;) {
            const Frame::Kind found = stack_[k].kind;
            if (found == kind || (kind == Frame::brace && found == Frame::block)) {
                while (stack_.size() > k + 1) close(t.range.begin);
                if (found == Frame::block) return close_block(t);
                return close(t.range.end);
            }
            if (found == Frame::block) return;
        }
    }

    void close_block(const Token& brace) {
        OutlineBlock& b = out_.blocks[static_cast<std::size_t>(stack_.back().index)];
        stack_.pop_back();
        b.body.end = brace.range.begin;
        b.range.end = brace.range.end;
        item_start_ = true;
    }

    void bracket(const Token& t) {
        switch (t.type) {
        case TokenType::OBrace: stack_.push_back({Frame::brace, 0, t.range.begin}); break;
        case TokenType::OBrack: stack_.push_back({Frame::brack, 0, t.range.begin}); break;
        case TokenType::OParen: stack_.push_back({Frame::paren, 0, t.range.begin}); break;
        case TokenType::OQuote: stack_.push_back({Frame::quote, 0, t.range.begin}); break;
        case TokenType::OHeredoc: stack_.push_back({Frame::heredoc, 0, t.range.begin}); break;
        case TokenType::TemplateInterp:
        case TokenType::TemplateControl: stack_.push_back({Frame::interp, 0, t.range.begin}); break;
        case TokenType::CBrace: close_to(Frame::brace, t); break;
        case TokenType::CBrack: close_to(Frame::brack, t); break;
        case TokenType::CParen: close_to(Frame::paren, t); break;
        case TokenType::CQuote: close_to(Frame::quote, t); break;
        case TokenType::CHeredoc: close_to(Frame::heredoc, t); break;
        case TokenType::TemplateSeqEnd: close_to(Frame::interp, t); break;
        default: break;
        }
    }

    // A quoted label `"..."` at `i`: its text and range, or nothing.
    std::optional<OutlineLabel> quoted_label(std::size_t& i) const {
        std::size_t k = i + 1;
        Range inner{range(i).end, range(i).end};
        if (type(k) == TokenType::QuotedLit) inner = range(k++);
        if (type(k) != TokenType::CQuote) return std::nullopt;
        OutlineLabel l{text(inner), Range{range(i).begin, range(k).end}};
        i = k + 1;
        return l;
    }

    // The identifier at `i` starts an item: a block header `type label... {` or an argument
    // `name =`. Returns the index of the last token consumed.
    std::size_t item(std::size_t i) {
        std::vector<OutlineLabel> labels;
        std::size_t j = i + 1;
        for (;;) {
            if (type(j) == TokenType::Ident) {
                labels.push_back({text(range(j)), range(j)});
                ++j;
            } else if (type(j) == TokenType::OQuote) {
                auto l = quoted_label(j);
                if (!l) break;
                labels.push_back(*l);
            } else {
                break;
            }
        }
        if (type(j) == TokenType::OBrace) return open_block(i, j, std::move(labels));
        if (j == i + 1 && type(j) == TokenType::Equal) return attribute(i, j);
        return i;
    }

    std::size_t open_block(std::size_t i, std::size_t brace, std::vector<OutlineLabel> labels) {
        OutlineBlock b;
        b.type = text(range(i));
        b.type_range = range(i);
        b.labels = std::move(labels);
        b.range = Range{range(i).begin, range(brace).end};
        b.body = Range{range(brace).end, range(brace).end};
        b.parent = stack_.back().index;
        out_.blocks.push_back(std::move(b));
        stack_.push_back({Frame::block, static_cast<int>(out_.blocks.size() - 1), range(brace).begin});
        item_start_ = true;
        return brace;
    }

    std::size_t attribute(std::size_t i, std::size_t equals) {
        OutlineAttribute a;
        a.name = text(range(i));
        a.name_range = range(i);
        a.equals_end = range(equals).end;
        if (type(equals + 1) == TokenType::OQuote) {
            std::size_t k = equals + 2;
            a.string_range = Range{range(equals + 1).end, range(equals + 1).end};
            if (type(k) == TokenType::QuotedLit) a.string_range = range(k++);
            const TokenType after = type(k);
            a.string_value = after == TokenType::CQuote || after == TokenType::QuotedNewline ||
                             after == TokenType::Newline || after == TokenType::Eof;
            a.string_range.end = range(k).begin;
            a.text = text(a.string_range);
        }
        out_.blocks[static_cast<std::size_t>(stack_.back().index)].attributes.push_back(a);
        return equals;
    }

    Outline& out_;
    const std::vector<Token>& toks_;
    std::vector<Frame> stack_;
    bool item_start_ = true;
};

}  // namespace

const OutlineAttribute* OutlineBlock::attribute(std::string_view name) const {
    for (const auto& a : attributes)
        if (a.name == name) return &a;
    return nullptr;
}

int Outline::innermost_block(std::uint32_t offset) const {
    int found = 0;
    for (std::size_t i = 1; i < blocks.size(); ++i)
        if (blocks[i].body.begin <= offset && offset <= blocks[i].body.end) found = static_cast<int>(i);
    return found;
}

const Region* Outline::region_at(std::uint32_t offset) const {
    const Region* best = nullptr;
    for (const auto& r : regions)
        if (r.range.begin <= offset && offset < r.range.end &&
            (best == nullptr || r.range.end - r.range.begin < best->range.end - best->range.begin))
            best = &r;
    return best;
}

const schema::Block* Outline::schema_of(int index) const {
    if (index <= 0) return &schema::file_root();
    const OutlineBlock& b = blocks[static_cast<std::size_t>(index)];
    const schema::Block* parent = schema_of(b.parent);
    if (parent == nullptr) return nullptr;
    if (b.type == "config" && parent->name == "task") {
        const auto* driver = blocks[static_cast<std::size_t>(b.parent)].attribute("driver");
        if (driver != nullptr && driver->string_value)
            if (const auto* typed = schema::driver_config(driver->text)) return typed;
    }
    return schema::find_block(*parent, b.type);
}

std::shared_ptr<const Outline> build_outline(const Document& doc) {
    auto out = std::make_shared<Outline>();
    out->file = std::make_unique<SourceFile>(doc.path, doc.text);
    const auto tokens = syntax::lex_tokens(*out->file);
    Walker(*out, tokens).run();
    return out;
}

}  // namespace hjob::lsp
