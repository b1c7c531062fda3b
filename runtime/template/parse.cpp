// The template parser (parse.hpp): recursive descent over the tokens, Go's grammar:
//   list     := (text | action | control)*
//   control  := '{{' (if|range|with) pipeline '}}' list ('{{' else (if|with ...)? '}}' list)? '{{' end '}}'
//   pipeline := (vars (':=' | '='))? command ('|' command)*
//   command  := operand+        operand := term ('.' field)*
#include "parse.hpp"

#include <cstdlib>

#include "template.hpp"

namespace hjob::runtime::tmpl {

namespace {

struct ParseError {
    std::string msg;
    std::size_t offset;
};

class Parser {
public:
    Parser(const std::vector<Token>& t, const std::function<std::string(const std::string&)>& known) : t_(t), known_(known) {}

    std::vector<Node> top() {
        std::string end;
        auto nodes = list(end);
        if (!end.empty()) throw ParseError{"unexpected {{" + end + "}}", t_[i_ - 1].offset};
        return nodes;
    }

private:
    const std::vector<Token>& t_;
    const std::function<std::string(const std::string&)>& known_;
    std::size_t i_ = 0;
    int depth_ = 0;
    int ranges_ = 0;  ///< enclosing {{range}} bodies, where break and continue may appear

    bool at(Tok k, std::size_t ahead = 0) const { return i_ + ahead < t_.size() && t_[i_ + ahead].kind == k; }
    bool at_word(const char* w, std::size_t ahead = 0) const { return at(Tok::ident, ahead) && t_[i_ + ahead].text == w; }
    std::size_t here() const { return i_ < t_.size() ? t_[i_].offset : (t_.empty() ? 0 : t_.back().offset); }
    [[noreturn]] void fail(const std::string& msg) const { throw ParseError{msg, here()}; }
    void expect_right(const char* after) {
        if (!at(Tok::right)) fail(std::string("unexpected ") + describe() + " in " + after);
        ++i_;
    }
    std::string describe() const {
        if (i_ >= t_.size()) return "end of template";
        const Token& k = t_[i_];
        return k.kind == Tok::right ? "closing delimiter" : k.kind == Tok::text ? "text" : "\"" + k.text + "\"";
    }
    void enter() {
        if (++depth_ > kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    }

    // Nodes up to {{end}} or {{else}} (consumed, its keyword stored in `end`) or the end.
    std::vector<Node> list(std::string& end) {
        std::vector<Node> nodes;
        while (i_ < t_.size()) {
            if (at(Tok::text)) {
                nodes.push_back(Node{Node::Kind::text, t_[i_].text, {}, {}, {}, t_[i_].offset});
                ++i_;
                continue;
            }
            std::size_t open = t_[i_++].offset;  // Tok::left
            if (at_word("end") || at_word("else")) {
                end = t_[i_++].text;
                return nodes;
            }
            if (at_word("if") || at_word("range") || at_word("with")) {
                std::string kw = t_[i_++].text;
                nodes.push_back(control(kw, open));
                continue;
            }
            if (at_word("break") || at_word("continue")) {
                bool brk = at_word("break");
                if (ranges_ == 0) fail(std::string("{{") + t_[i_].text + "}} outside {{range}}");
                ++i_;
                expect_right(brk ? "break" : "continue");
                nodes.push_back(Node{brk ? Node::Kind::break_ : Node::Kind::continue_, "", {}, {}, {}, open});
                continue;
            }
            for (const char* w : {"define", "template", "block"})
                if (at_word(w)) fail(std::string("{{") + w + "}} is not supported in hjob templates");
            Node n{Node::Kind::action, "", pipeline("action", false), {}, {}, open};
            expect_right("action");
            nodes.push_back(std::move(n));
        }
        return nodes;
    }

    Node control(const std::string& kw, std::size_t open) {
        enter();
        Node n;
        n.kind = kw == "if" ? Node::Kind::if_ : kw == "range" ? Node::Kind::range : Node::Kind::with;
        n.offset = open;
        n.pipe = pipeline(kw.c_str(), kw == "range");
        expect_right(kw.c_str());
        std::string end;
        ranges_ += kw == "range";
        n.list = list(end);
        ranges_ -= kw == "range";
        if (end.empty()) throw ParseError{"missing {{end}} for the {{" + kw + "}} here", open};
        if (end == "else") {
            if ((kw == "if" && at_word("if")) || (kw == "with" && at_word("with"))) {
                ++i_;
                n.else_list.push_back(control(kw, t_[i_ - 1].offset));  // shares our {{end}}
                --depth_;
                return n;
            }
            expect_right("else");
            n.else_list = list(end);
            if (end != "end") throw ParseError{"missing {{end}} for the {{" + kw + "}} here", open};
        }
        expect_right("end");
        --depth_;
        return n;
    }

    Pipe pipeline(const char* context, bool range) {
        Pipe p;
        p.offset = here();
        std::size_t save = i_;
        while (at(Tok::variable)) {
            p.decl.push_back(t_[i_++].text);
            if (at(Tok::comma) && range && p.decl.size() == 1) {
                ++i_;
                continue;
            }
            break;
        }
        if (!p.decl.empty() && (at(Tok::declare) || at(Tok::assign))) {
            p.assign = at(Tok::assign);
            ++i_;
        } else {
            p.decl.clear();
            i_ = save;
        }
        while (true) {
            p.cmds.push_back(command(context));
            if (!at(Tok::pipe)) break;
            ++i_;
        }
        return p;
    }

    Command command(const char* context) {
        Command c;
        c.offset = here();
        while (!at(Tok::right) && !at(Tok::pipe) && !at(Tok::rparen)) {
            if (i_ >= t_.size()) fail(std::string("unclosed ") + context);
            if (!c.args.empty() && !t_[i_].spaced && !at(Tok::lparen)) fail("missing space before " + describe());
            c.args.push_back(operand());
        }
        if (c.args.empty()) fail(std::string("missing value in ") + context);
        return c;
    }

    Arg operand() {
        Arg a = term();
        while (at(Tok::field) && !t_[i_].spaced) {
            if (a.kind == Arg::Kind::literal || a.kind == Arg::Kind::ident) fail("unexpected field ." + t_[i_].text);
            a.chain.push_back(t_[i_++].text);
        }
        return a;
    }

    Arg term() {
        const Token& k = t_[i_];
        Arg a;
        a.offset = k.offset;
        switch (k.kind) {
        case Tok::field: a.kind = Arg::Kind::field; a.chain.push_back(k.text); break;
        case Tok::variable: a.kind = Arg::Kind::variable; a.name = k.text; break;
        case Tok::dot: a.kind = Arg::Kind::dot; break;
        case Tok::string: a.literal = k.text; break;
        case Tok::boolean: a.literal = k.text == "true"; break;
        case Tok::nil: a.literal = nullptr; break;
        case Tok::number: a.literal = number(k); break;
        case Tok::ident: {
            if (std::string why = known_(k.text); !why.empty()) fail(why);
            a.kind = Arg::Kind::ident;
            a.name = k.text;
            break;
        }
        case Tok::lparen: {
            enter();
            ++i_;
            a.kind = Arg::Kind::pipe;
            a.sub = std::make_shared<Pipe>(pipeline("parenthesised pipeline", false));
            if (!at(Tok::rparen)) fail("unclosed left parenthesis");
            --depth_;
            break;
        }
        default: fail("unexpected " + describe() + " in operand");
        }
        ++i_;
        return a;
    }

    nlohmann::json number(const Token& k) const {
        const std::string& s = k.text;
        char* end = nullptr;
        errno = 0;
        bool floaty = s.find_first_of(".eEpP") != std::string::npos && s.find("0x") == std::string::npos;
        if (!floaty) {
            long long v = std::strtoll(s.c_str(), &end, 0);
            if (*end == '\0' && errno == 0) return v;
        }
        double d = std::strtod(s.c_str(), &end);
        if (*end != '\0' || errno != 0) throw ParseError{"bad number syntax: " + s, k.offset};
        return d;
    }
};

}  // namespace

Parsed parse(const std::vector<Token>& tokens, const std::function<std::string(const std::string&)>& known) {
    Parsed out;
    try {
        out.nodes = Parser(tokens, known).top();
    } catch (const ParseError& e) {
        out.error = e.msg;
        out.error_offset = e.offset;
    }
    return out;
}

}  // namespace hjob::runtime::tmpl
