// yamlencode through libyaml's emitter (go-cty-yaml's marshal), and the registration of
// both YAML functions.
#include <yaml.h>

#include "fn_util.hpp"

namespace hjob::cty::fn {

std::optional<Value> yaml_decode(const std::string& src, std::string& error);

namespace {

class YamlEncoder {
public:
    YamlEncoder() {
        yaml_emitter_initialize(&e_);
        yaml_emitter_set_output(&e_, &YamlEncoder::write, this);
        yaml_emitter_set_unicode(&e_, 1);
    }
    ~YamlEncoder() { yaml_emitter_delete(&e_); }
    YamlEncoder(const YamlEncoder&) = delete;
    YamlEncoder& operator=(const YamlEncoder&) = delete;

    std::optional<std::string> document(const Value& v, std::string& error) {
        yaml_event_t ev;
        yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
        if (!emit(ev, error)) return std::nullopt;
        yaml_document_start_event_initialize(&ev, nullptr, nullptr, nullptr, 1);
        if (!emit(ev, error) || !value(v, error, 0)) return std::nullopt;
        yaml_document_end_event_initialize(&ev, 1);
        if (!emit(ev, error)) return std::nullopt;
        yaml_stream_end_event_initialize(&ev);
        if (!emit(ev, error)) return std::nullopt;
        return out_;
    }

private:
    static int write(void* self, unsigned char* buffer, std::size_t size) {
        static_cast<YamlEncoder*>(self)->out_.append(reinterpret_cast<const char*>(buffer), size);
        return 1;
    }
    bool emit(yaml_event_t& ev, std::string& error) {
        if (yaml_emitter_emit(&e_, &ev)) return true;
        error = e_.problem ? e_.problem : "YAML emitter error";
        return false;
    }
    bool scalar(const std::string& text, yaml_scalar_style_t style, std::string& error) {
        yaml_event_t ev;
        yaml_scalar_event_initialize(&ev, nullptr, nullptr, reinterpret_cast<const yaml_char_t*>(text.data()),
                                     static_cast<int>(text.size()), 1, 1, style);
        return emit(ev, error);
    }

    bool value(const Value& v, std::string& error, int depth) {
        const Type& t = v.type();
        if (depth > 1000) {
            error = "nesting too deep";
            return false;
        }
        if (v.is_null()) return scalar("null", YAML_PLAIN_SCALAR_STYLE, error);
        if (!v.is_known()) {
            error = "cannot serialize unknown value as YAML";
            return false;
        }
        if (t == Type::string())
            return scalar(v.as_string(), v.as_string().find('\n') != std::string::npos ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE, error);
        if (t == Type::number()) {
            const Number& n = v.as_number();
            return scalar(n.is_inf() ? (n.is_negative() ? "-.Inf" : "+.Inf") : n.text(), YAML_PLAIN_SCALAR_STYLE, error);
        }
        if (t == Type::boolean()) return scalar(v.as_bool() ? "true" : "false", YAML_PLAIN_SCALAR_STYLE, error);
        yaml_event_t ev;
        if (t.is_list() || t.is_set() || t.is_tuple()) {
            yaml_sequence_start_event_initialize(&ev, nullptr, nullptr, 1, YAML_BLOCK_SEQUENCE_STYLE);
            if (!emit(ev, error)) return false;
            for (const Value& e : v.elements())
                if (!value(e, error, depth + 1)) return false;
            yaml_sequence_end_event_initialize(&ev);
            return emit(ev, error);
        }
        yaml_mapping_start_event_initialize(&ev, nullptr, nullptr, 1, YAML_BLOCK_MAPPING_STYLE);
        if (!emit(ev, error)) return false;
        for (const auto& [k, e] : v.attributes())
            if (!value(Value::string(k), error, depth + 1) || !value(e, error, depth + 1)) return false;
        yaml_mapping_end_event_initialize(&ev);
        return emit(ev, error);
    }

    yaml_emitter_t e_{};
    std::string out_;
};

}  // namespace

void add_yaml_functions(FunctionTable& t) {
    Function decode = make({param("src", Type::string())}, Type::dynamic(), [](std::span<const Value> a, const Type&) {
        std::string error;
        auto v = yaml_decode(a[0].as_string(), error);
        return v ? ok(*v) : fail(error);
    });
    decode.return_type = [](std::span<const Value> a) -> std::variant<Type, FunctionError> {
        if (!a[0].is_known()) return Type::dynamic();
        std::string error;
        auto v = yaml_decode(a[0].as_string(), error);
        if (!v) return type_error(error);
        return v->type();
    };
    t["yamldecode"] = std::move(decode);
    t["yamlencode"] = make({param("value", Type::dynamic(), null | dynamic)}, Type::string(), [](std::span<const Value> a, const Type& ret) {
        if (!a[0].is_wholly_known()) return ok(Value::unknown(ret));
        std::string error;
        auto s = YamlEncoder().document(a[0], error);
        return s ? ok(Value::string(*s)) : fail(error);
    });
}

}  // namespace hjob::cty::fn
