// The evaluation scope `hjob inspect` compiles a job in: Nomad's functions, `var` from the
// variable blocks, NOMAD_VAR_<name>, --var-file and --var (in that precedence), and `local`.
// Interim: a minimal version until compiler/eval provides variable handling of its own,
// which will replace this file.
#pragma once

#include <string>
#include <vector>

#include "compiler/eval/context.hpp"
#include "grammar/syntax.hpp"

namespace hjob::cli {

class InspectContext {
public:
    InspectContext(const SourceFile& file, const syntax::SyntaxTree& tree, const std::vector<std::string>& vars,
                   const std::vector<std::string>& var_files);

    const eval::EvalContext& scope() const { return locals_; }
    Diagnostics& diagnostics() { return diags_; }
    /// Set when a --var is malformed or a --var-file cannot be read.
    const std::string& io_error() const { return io_error_; }

private:
    struct Declared {
        std::string name;
        std::optional<cty::Type> type;
        std::optional<cty::Value> value;
        Range where;
    };
    void declare(const syntax::SyntaxTree& tree);
    void assign(const std::string& name, cty::Value v, bool from_flag);
    void read_var_file(const std::string& path);
    void evaluate_locals(const syntax::SyntaxTree& tree);

    const SourceFile& file_;
    eval::EvalContext functions_;
    eval::EvalContext locals_{&functions_};
    std::vector<Declared> declared_;
    std::vector<std::unique_ptr<SourceFile>> var_files_;
    Diagnostics diags_;
    std::string io_error_;
};

}  // namespace hjob::cli
