// One run of a check, asynchronous on a Boost.Asio io_context so one thread can drive hundreds
// of checks: http (status 2xx passing, 429 warning, anything else critical), tcp (a connect),
// script (exit 0 passing, 1 warning, anything else critical). Each probe ends within its
// timeout (then critical) and calls `done` exactly once, on the io_context's thread.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "status.hpp"

namespace hjob::runtime::health {

struct CheckSpec {
    std::string id;    ///< unique in a runner (the agent uses "<alloc>/<task>/<service>/<check>")
    std::string name, type;  ///< type: http | tcp | script
    std::string address;     ///< an IP address (the node's); http and tcp
    int port = 0;
    std::string protocol = "http", method = "GET", path = "/", body;
    std::map<std::string, std::vector<std::string>> headers;
    std::string command;  ///< script: run in the task's environment and directory
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string work_dir = "/";
    std::chrono::milliseconds interval{10000}, timeout{2000};
    Status initial = Status::critical;
    int success_before_passing = 0, failures_before_critical = 0, failures_before_warning = 0;
};

struct Result {
    Status status = Status::critical;
    std::string output;  ///< what the check saw ("HTTP GET http://127.0.0.1:8080/health: 200 OK")
};

using Done = std::function<void(Result)>;

void probe_http(boost::asio::io_context& io, const CheckSpec& spec, Done done);
void probe_tcp(boost::asio::io_context& io, const CheckSpec& spec, Done done);
void probe_script(boost::asio::io_context& io, const CheckSpec& spec, Done done);
/// Dispatches on spec.type; an unsupported type completes critical with the reason.
void probe(boost::asio::io_context& io, const CheckSpec& spec, Done done);

}  // namespace hjob::runtime::health
