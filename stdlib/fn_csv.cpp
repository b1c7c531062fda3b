// csvdecode (go-cty csv.go over Go's encoding/csv): RFC 4180 records, the first one naming
// the columns; every row must have as many fields as the header.
#include <map>

#include "fn_util.hpp"

namespace hjob::cty::fn {

namespace {

/// Go's csv.Reader with default settings: empty lines skipped, "\r\n" read as "\n",
/// quoted fields may span lines, a bare or stray quote is an error.
class CsvReader {
public:
    explicit CsvReader(std::string_view s) : s_(s) {}

    /// The next record; nullopt at the end or on error (then `error` is set).
    std::optional<std::vector<std::string>> read(std::string& error) {
        while (i_ < s_.size() && (s_[i_] == '\n' || (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n'))) next_line();
        if (i_ >= s_.size()) return std::nullopt;
        record_line_ = line_;
        std::vector<std::string> fields;
        for (;;) {
            std::string field;
            if (i_ < s_.size() && s_[i_] == '"') {
                if (!quoted(field, error)) return std::nullopt;
            } else {
                while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && !crlf()) {
                    if (s_[i_] == '"') {
                        error = parse_error(line_, "bare \" in non-quoted-field");
                        return std::nullopt;
                    }
                    field += s_[i_++];
                }
            }
            fields.push_back(std::move(field));
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (crlf()) ++i_;
            if (i_ < s_.size()) next_line();
            return fields;
        }
    }
    std::size_t record_line() const { return record_line_; }

private:
    bool crlf() const { return s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n'; }
    void next_line() {
        if (s_[i_] == '\r') ++i_;
        ++i_;
        ++line_;
    }
    static std::string parse_error(std::size_t line, const std::string& what) {
        return "CSV parse error on line " + std::to_string(line) + ": " + what;
    }
    bool quoted(std::string& field, std::string& error) {
        ++i_;
        for (;;) {
            if (i_ >= s_.size()) {
                error = parse_error(line_, "extraneous or missing \" in quoted-field");
                return false;
            }
            if (s_[i_] == '"') {
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
                    field += '"';
                    i_ += 2;
                    continue;
                }
                ++i_;
                if (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && !crlf()) {
                    error = parse_error(line_, "extraneous or missing \" in quoted-field");
                    return false;
                }
                return true;
            }
            if (crlf()) ++i_;
            if (s_[i_] == '\n') ++line_;
            field += s_[i_++];
        }
    }

    std::string_view s_;
    std::size_t i_ = 0, line_ = 1, record_line_ = 1;
};

std::variant<Type, FunctionError> csv_type(std::span<const Value> a) {
    if (!a[0].is_known()) return Type::dynamic();
    CsvReader r(a[0].as_string());
    std::string error;
    const auto headers = r.read(error);
    if (!headers) return type_error(error.empty() ? "missing header line" : error);
    AttributeTypes attrs;
    for (const auto& h : *headers) {
        for (const auto& [name, t] : attrs)
            if (name == h) return type_error("duplicate column name " + go_quote(h));
        attrs.emplace_back(h, Type::string());
    }
    return Type::list(Type::object(std::move(attrs)));
}

CallResult csvdecode(std::span<const Value> a, const Type& ret) {
    CsvReader r(a[0].as_string());
    std::string error;
    const auto headers = *r.read(error);
    std::vector<Value> rows;
    while (auto cols = r.read(error)) {
        if (cols->size() != headers.size())
            return fail("CSV parse error on line " + std::to_string(r.record_line()) + ": wrong number of fields");
        Attributes attrs;
        for (std::size_t i = 0; i < cols->size(); ++i) attrs.emplace_back(headers[i], Value::string((*cols)[i]));
        rows.push_back(Value::object(std::move(attrs)));
    }
    if (!error.empty()) return fail(error);
    return ok(rows.empty() ? Value::list_empty(ret.element()) : Value::list(std::move(rows)));
}

}  // namespace

void add_csv_functions(FunctionTable& t) {
    t["csvdecode"] = make({param("str", Type::string())}, csv_type, csvdecode);
}

}  // namespace hjob::cty::fn
