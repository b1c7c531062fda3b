// Message validation, lifecycle and routing (see dispatch.hpp).
#include "dispatch.hpp"

#include <iostream>

namespace hjob::lsp {

namespace {

// LSP messages nest a few levels; copying or printing a value nested a million levels deep
// would recurse that deep and overflow the stack, so such a body is refused before parsing.
constexpr int max_json_depth = 512;

bool too_deep(std::string_view body) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : body) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if ((c == '[' || c == '{') && ++depth > max_json_depth) {
            return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

bool valid_id(const Json& id) { return id.is_number_integer() || id.is_string() || id.is_null(); }

// The id of a $/cancelRequest notification, as the key it is compared by; "" when none.
std::string cancelled_id(const Json& m) {
    if (!m.is_object() || m.value("method", Json()) != "$/cancelRequest") return {};
    static const Json none;
    const Json& params = m.contains("params") ? m["params"] : none;  // not copied: it may hold a whole document
    return params.is_object() && params.contains("id") ? params["id"].dump() : std::string();
}

}  // namespace

void Dispatcher::on_request(const std::string& method, RequestHandler handler) { requests_[method] = std::move(handler); }

void Dispatcher::on_notification(const std::string& method, NotificationHandler handler) {
    notifications_[method] = std::move(handler);
}

void Dispatcher::handle(const std::vector<Frame>& frames) {
    std::vector<Json> parsed;
    std::set<std::string> cancelled;
    for (const auto& f : frames) {
        const bool parse = f.kind == Frame::Kind::message && !too_deep(f.body);
        parsed.push_back(parse ? Json::parse(f.body, nullptr, false) : Json(Json::value_t::discarded));
        if (const auto id = cancelled_id(parsed.back()); !id.empty()) cancelled.insert(id);
    }
    for (std::size_t i = 0; i < frames.size() && !exit_; ++i) handle_frame(frames[i], parsed[i], cancelled);
}

void Dispatcher::handle_frame(const Frame& frame, const Json& message, const std::set<std::string>& cancelled) {
    switch (frame.kind) {
    case Frame::Kind::too_large:
        return out_.send(error_response(nullptr, error_code::invalid_request,
                                        "message of " + std::to_string(frame.declared) + " bytes refused: the limit is " +
                                            std::to_string(max_message_bytes) + " bytes"));
    case Frame::Kind::bad_header:
        return out_.send(error_response(nullptr, error_code::parse_error, "expected a Content-Length header"));
    case Frame::Kind::message:
        if (message.is_discarded())
            return out_.send(error_response(nullptr, error_code::parse_error,
                                            too_deep(frame.body) ? "JSON nested too deep" : "invalid JSON"));
        return handle_message(message, cancelled);
    }
}

void Dispatcher::handle_message(const Json& m, const std::set<std::string>& cancelled) {
    const bool has_id = m.is_object() && m.contains("id");
    const Json id = has_id && valid_id(m["id"]) ? m["id"] : Json();
    auto invalid = [&](const std::string& why) { out_.send(error_response(id, error_code::invalid_request, why)); };
    if (!m.is_object()) return invalid("a message must be a JSON object");
    if (has_id && !valid_id(m["id"])) return invalid("an id must be an integer or a string");
    if (m.value("jsonrpc", Json()) != "2.0") return invalid("\"jsonrpc\" must be \"2.0\"");
    if (!m.contains("method")) {
        if (has_id && (m.contains("result") || m.contains("error"))) return;  // a response: we send no requests
        return invalid("a message needs a method");
    }
    if (!m["method"].is_string()) return invalid("\"method\" must be a string");
    static const Json none;
    const Json& params = m.contains("params") ? m["params"] : none;  // not copied: it may hold a whole document
    if (!params.is_null() && !params.is_object() && !params.is_array()) return invalid("\"params\" must be an object or an array");
    const std::string method = m["method"].get<std::string>();
    if (!has_id) return notify(method, params);
    if (cancelled.count(id.dump()) != 0)
        return out_.send(error_response(id, error_code::request_cancelled, "request cancelled"));
    request(id, method, params);
}

void Dispatcher::request(const Json& id, const std::string& method, const Json& params) {
    if (method == "initialize" && initialized_)
        return out_.send(error_response(id, error_code::invalid_request, "initialize may be sent only once"));
    if (method != "initialize" && !initialized_)
        return out_.send(error_response(id, error_code::server_not_initialized, "the server is not initialized"));
    if (shutdown_) return out_.send(error_response(id, error_code::invalid_request, "the server is shut down"));
    if (method == "shutdown") {
        shutdown_ = true;
        return out_.send(response(id, nullptr));
    }
    const auto it = requests_.find(method);
    if (it == requests_.end()) return out_.send(error_response(id, error_code::method_not_found, "unknown method " + method));
    try {
        Json result = it->second(params);
        if (method == "initialize") initialized_ = true;
        out_.send(response(id, std::move(result)));
    } catch (const RpcError& e) {
        out_.send(error_response(id, e.code, e.what()));
    } catch (const Json::exception& e) {
        out_.send(error_response(id, error_code::invalid_params, std::string("invalid params: ") + e.what()));
    } catch (const std::exception& e) {
        out_.send(error_response(id, error_code::internal_error, e.what()));
    }
}

void Dispatcher::notify(const std::string& method, const Json& params) {
    if (method == "exit") {
        exit_ = shutdown_ ? 0 : 1;
        return;
    }
    // Before initialize and after shutdown, notifications other than exit are dropped.
    if (!initialized_ || shutdown_) return;
    const auto it = notifications_.find(method);
    if (it == notifications_.end()) return;  // unknown notifications ($/ ones included) are ignored
    try {
        it->second(params);
    } catch (const std::exception& e) {
        std::cerr << "hjob lsp: " << method << ": " << e.what() << '\n';  // a notification has no reply
    }
}

}  // namespace hjob::lsp
