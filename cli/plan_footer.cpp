// The plan footer (plan_footer.hpp).
#include "plan_footer.hpp"

#include <sstream>

namespace hjob::cli {

std::string shell_quote(const std::string& arg) {
    const bool plain = !arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789-_./=:,+@%") == std::string::npos;
    if (plain) return arg;
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string plan_text(const runtime::Plan& plan, const runtime::RenderOptions& options) {
    std::string text = runtime::render_plan_text(plan, options);
    while (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') text.pop_back();
    return text;
}

std::string plan_footer(const FooterInput& in) {
    std::ostringstream o;
    const std::string dir = in.data_dir.empty() ? "" : " --data-dir " + shell_quote(in.data_dir);
    o << "\nJob Modify Index: " << in.job_modify_index << '\n';
    if (!in.out.empty()) {
        o << "Saved the plan to: " << in.out << "\n\nTo apply exactly this plan run:\n\n"
          << "hjob apply" << dir << ' ' << shell_quote(in.out) << "\n";
        return o.str();
    }
    o << "To submit the job with version verification run:\n\nhjob apply" << dir << " --check-index "
      << in.job_modify_index;
    for (const auto& v : in.vars) o << " --var " << shell_quote(v);
    for (const auto& f : in.var_files) o << " --var-file " << shell_quote(f);
    o << ' ' << shell_quote(in.file) << "\n\n"
      << "With --check-index the job is applied only if its modify index still matches the state;\n"
         "if it changed, someone else modified the job and this plan may no longer hold.\n";
    return o.str();
}

}  // namespace hjob::cli
