// Copies task output from FIFOs into rotated log files, for every task of the agent on one
// thread (Boost.Asio), so 500 idle tasks cost no thread each and no CPU.
//
// Why FIFOs and not pipes: a task's stdout and stderr are named FIFOs in alloc/logs/
// (.<task>.stdout.fifo), which the task opens read-write. A pipe would die with the agent and the
// task's next write would get SIGPIPE; a FIFO the task itself holds open has a reader as long as
// the task lives, so the task survives an agent restart (writes block once the pipe buffer,
// raised to 1 MiB, is full) and the next agent reopens the FIFO and carries on (Nomad's logmon
// does the same with its FIFOs).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/executor_work_guard.hpp>

#include "log_rotator.hpp"

namespace hjob::runtime::drivers {

class LogCollector {
public:
    LogCollector();
    ~LogCollector();
    LogCollector(const LogCollector&) = delete;
    LogCollector& operator=(const LogCollector&) = delete;

    /// Starts copying the FIFO at `fifo` into `out` under `key`. Returns false if the FIFO cannot
    /// be opened (the output is then not collected).
    bool add(const std::string& key, const std::filesystem::path& fifo, std::unique_ptr<LogRotator> out);
    /// Copies what the FIFO still holds, then stops collecting `key`. Blocks until done.
    void finish(const std::string& key);

private:
    struct Stream;
    void read_more(const std::shared_ptr<Stream>& s);

    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::map<std::string, std::shared_ptr<Stream>> streams_;  ///< touched on the io thread only
    std::thread thread_;
};

/// Creates the FIFO at `path` if it is not there yet; empty on success, else the error.
std::string make_fifo(const std::filesystem::path& path);

}  // namespace hjob::runtime::drivers
