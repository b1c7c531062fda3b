// The pieces together: a task environment built from an allocation reaches the process, which
// binds the port and address it was given (NOMAD_IP_http:NOMAD_PORT_http), and a check built
// from the interpolated service passes against it.
#include <catch2/catch.hpp>

#include <csignal>

#include <boost/asio/ip/tcp.hpp>

#include "driver_support.hpp"
#include "runtime/health/runner.hpp"
#include "runtime/taskenv/taskenv.hpp"

using namespace hjob;
using namespace hjob::test;

TEST_CASE("taskenv: the task binds what its environment says and its check passes there") {
    ScratchDir dir;
    int free_port = 0;
    {
        boost::asio::io_context io;
        boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
        free_port = a.local_endpoint().port();
    }
    runtime::Allocation alloc;
    alloc.id = "0d5c3f8e-1111-4222-8333-944455566677";
    alloc.name = "hashiapp.web[0]";
    alloc.resources.ports = {{"http", free_port}};
    runtime::Node node;
    node.id = "local", node.name = "local", node.address = "127.0.0.1";
    ir::Job job;
    job.id = job.name = "hashiapp";
    ir::Group group;
    group.name = "web";
    ir::Network net;
    net.dynamic_ports.push_back(ir::Port{"http"});
    group.networks.push_back(net);
    ir::Task task;
    task.name = "server";
    task.driver = "raw_exec";
    task.config = {{"command", hashiapp}, {"args", {"--version", "${NOMAD_ALLOC_NAME}"}}};
    ir::Service service;
    service.name = "${NOMAD_JOB_NAME}";
    service.port = "http";
    ir::Check check;
    check.type = "http", check.path = "/health", check.interval = 50'000'000, check.timeout = 1'000'000'000;
    service.checks.push_back(check);

    const std::string alloc_dir = (dir.path / alloc.id).string();
    const auto env = runtime::taskenv::TaskEnv::build(alloc, node, job, group, task, alloc_dir);
    const auto config = env.interpolate(task.config);
    drivers::TaskSpec spec;
    spec.alloc_id = alloc.id, spec.task = task.name, spec.alloc_dir = alloc_dir;
    spec.command = config["command"];
    for (const auto& a : config["args"]) spec.args.push_back(a);
    spec.env = env.env();
    drivers::ExecDriver driver(drivers::ExecDriver::Mode::exec);
    const auto started = driver.start(spec);
    REQUIRE(started.handle);
    CHECK(eventually([&] { return hashiapp_port(spec) == free_port; }));
    CHECK(slurp(fs::path(alloc_dir) / "alloc/logs/server.stdout.0").find("hashiapp hashiapp.web[0] listening") == 0);

    const auto svc = runtime::taskenv::interpolate_service(service, env);
    CHECK(svc.name == "hashiapp");
    runtime::health::CheckRunner runner;
    runner.add(runtime::health::make_check_spec("c", svc.checks[0], node.address, alloc.resources.ports.at(svc.port),
                                                env.env(), alloc_dir + "/server"));
    CHECK(eventually([&] { return runner.snapshot("c")->status == runtime::health::Status::passing; }));
    driver.stop(*started.handle, SIGINT, std::chrono::seconds(2));
}
