// The agent's loop, start and stop (agent.hpp).
#include "agent.hpp"

#include <filesystem>
#include <iostream>
#include <thread>

#include "agent_impl.hpp"
#include "hook_vault.hpp"

#if __has_include("runtime/deploy/step.hpp")
#include "runtime/deploy/step.hpp"
#define HJOB_HAVE_DEPLOY_STEP 1
#endif

namespace hjob::runtime::agent {

Agent::Impl::Impl(AgentOptions o)
    : opt(std::move(o)),
      store(state::Store::open(opt.data_dir)),
      catalog(store),
      services(catalog, [this] { wake(); }),
      watcher([this](const drivers::TaskHandle& h) {
          {
              std::lock_guard lock(mu);
              exits.emplace_back(h.alloc_id, h.task);
              woken = true;
          }
          cv.notify_one();
      }),
      // SECRETS: the agent's secrets API (VAULT_ADDR of tasks with a vault stanza), hook_vault.hpp.
      hook_services{store, &catalog, start_vault_api(vault_api, opt.data_dir, [this](const std::string& l) { log(0, l); }),
                    opt.data_dir},
      deps{store, {{"raw_exec", &raw_exec}, {"exec", &exec}}, watcher, services, hook_services,
           [this](const std::string& line) { log(1, line); }} {}

void Agent::Impl::log(int level, const std::string& line) const {
    if (level <= opt.log_level && opt.log) opt.log(line);
}

void Agent::Impl::wake() {
    {
        std::lock_guard lock(mu);
        woken = true;
    }
    cv.notify_one();
}

void Agent::Impl::loop() {
    for (const auto& h : load_handles(store)) handles[h.handle.alloc_id + "/" + h.handle.task] = h;
    log(1, "agent: data directory " + opt.data_dir + ", " + std::to_string(handles.size()) + " task handles to adopt");
    bool first = true;
    long ticks = 0;
    while (stop.load() == 0) {
        std::deque<std::pair<std::string, std::string>> ended;
        {
            std::unique_lock lock(mu);
            cv.wait_for(lock, opt.tick, [&] { return woken || stop.load() != 0; });
            woken = false;
            ended.swap(exits);
        }
        if (stop.load() != 0) break;
        if (++ticks % 10 == 0 && !std::filesystem::exists(store.path())) {
            // The data directory was deleted under us (a test's temporary state, rm -rf):
            // nothing is left to supervise, and tasks must not outlive it unseen.
            log(0, "agent: " + store.path() + " is gone: stopping every task and exiting");
            stop.store(1);
            break;
        }
        try {
            step(ended, first);
            first = false;
        } catch (const std::exception& e) {  // a busy or failing state: log, retry next tick
            log(0, std::string("agent: error: ") + e.what());
        }
    }
    shutdown(stop.load() == 2);
}

// One pass: exits, state changes, ticks, writes back; then the deployments advance.
void Agent::Impl::step(const std::deque<std::pair<std::string, std::string>>& ended, bool first) {
    const auto now = now_nanos();
    for (const auto& [alloc, task] : ended)
        if (auto it = allocs.find(alloc); it != allocs.end()) it->second->on_exit(task, now);
    if (state_changed() || need_reconcile) reconcile(now);
    if (first) stop_orphans();
    for (auto& [id, r] : allocs) r->tick(now);
    services.flush();
    flush(now);
#ifdef HJOB_HAVE_DEPLOY_STEP
    if (deploy::step(store, now)) need_reconcile = true;  // our own commits do not move data_version
#endif
}

// Stops (or leaves) every task, then writes their states once more.
void Agent::Impl::shutdown(bool leave) {
    const auto now = now_nanos();
    if (leave) {
        for (auto& [id, r] : allocs) r->leave();
        log(1, "agent: stopped, leaving " + std::to_string(allocs.size()) + " allocations running");
    } else {
        for (auto& [id, r] : allocs) r->kill("agent stopped", now, true);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        for (bool done = false; !done && std::chrono::steady_clock::now() < deadline;) {
            done = true;
            for (auto& [id, r] : allocs) r->tick(now_nanos()), done = done && r->done();
            if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        log(1, "agent: stopped " + std::to_string(allocs.size()) + " allocations");
    }
    flush(now_nanos());
    for (auto& f : orphan_stops) f.wait();
}

Agent::Agent(AgentOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Agent::~Agent() = default;

int Agent::run() {
    impl_->loop();
    return 0;
}

void Agent::request_stop(bool leave_tasks) {
    impl_->stop.store(leave_tasks ? 2 : 1);
    impl_->wake();
}

}  // namespace hjob::runtime::agent
