// The life of one task in the agent (task_runner.hpp). Event types and messages are Nomad's.
#include "task_runner.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>

#include "handle_store.hpp"
#include "runtime/drivers/alloc_dir.hpp"
#include "task_spec.hpp"

namespace hjob::runtime::agent {

namespace {

/// Nomad keeps the last 10 events of a task.
constexpr std::size_t max_events = 10;

std::string exit_message(const drivers::ExitStatus& s) {
    std::string m = "Exit Code: " + std::to_string(s.exit_code);
    if (s.signal) m += ", Signal: " + std::to_string(s.signal);
    if (s.oom_killed) m += ", OOM Killed";
    return m;
}

}  // namespace

UnixNanos now_nanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

TaskRunner::TaskRunner(AllocContext& alloc, const ir::Task& task, RunnerDeps& deps)
    : alloc_(alloc),
      task_(task),
      deps_(deps),
      ctx_{alloc.alloc,
           alloc.node,
           alloc.version->job,
           *alloc.group,
           task,
           alloc.alloc_dir,
           alloc.alloc_dir + "/" + task.name,
           env_,
           [this](const std::string& type, const std::string& message) { event(type, message); },
           deps.hook_services},
      tracker_(task.restart, alloc.version->job.type),
      driver_name_(task.driver) {
    env_ = taskenv::TaskEnv::build(alloc.alloc, alloc.node, alloc.version->job, *alloc.group, task, alloc.alloc_dir);
    hooks_ = make_task_hooks(ctx_);
}

void TaskRunner::event(const std::string& type, const std::string& message, UnixNanos now) {
    auto& events = state().events;
    events.push_back({now ? now : now_nanos(), type, message});
    if (deps_.log) deps_.log("alloc " + alloc_.alloc.id.substr(0, 8) + " task " + task_.name + ": " + type + ": " + message);
    if (events.size() > max_events) events.erase(events.begin(), events.end() - max_events);
    alloc_.dirty = true;
}

void TaskRunner::set_state(const std::string& s) {
    state().state = s;
    alloc_.dirty = true;
}

drivers::Driver* TaskRunner::driver() {
    auto it = deps_.drivers.find(driver_name_);
    return it == deps_.drivers.end() ? nullptr : it->second;
}

void TaskRunner::start(UnixNanos now) {
    event("Received", "Task received by client", now);
    event("Task Setup", "Building Task Directory", now);
    run(now);
}

void TaskRunner::adopt(const std::string& driver, const drivers::TaskHandle& recorded, UnixNanos now) {
    driver_name_ = driver;
    std::string why;
    auto* d = this->driver();
    auto handle = d ? d->adopt(recorded, &why) : std::nullopt;
    if (!handle) {
        remove_handle(deps_.store, recorded.alloc_id, recorded.task);
        driver_name_ = task_.driver;
        event("Terminated", "Exit Code: -1 (the process ended while no agent ran" + (why.empty() ? "" : ": " + why) + ")", now);
        decide(false, now);
        return;
    }
    handle_ = handle;
    save_handle(deps_.store, {driver_name_, *handle_});  // again: it may have been found without one
    phase_ = Phase::running;
    started_at_ = state().started_at ? state().started_at : now;
    set_state("running");
    watched_ = deps_.watcher.watch(*handle_);
    deps_.services.register_task(ctx_);
}

// One start: hooks, driver, handle saved before anything else can fail.
void TaskRunner::run(UnixNanos now) {
    drivers::TaskSpec spec;
    if (!prepare(now, spec)) return;
    auto* d = driver();
    if (!d) {
        event("Driver Failure", "unknown driver \"" + task_.driver + "\" (this agent runs exec and raw_exec)", now);
        go_dead(true, now);
        return;
    }
    started(d->start(spec), now);
}

bool TaskRunner::prepare(UnixNanos now, drivers::TaskSpec& spec) {
    if (auto err = drivers::make_task_dirs(drivers::AllocDir{alloc_.alloc_dir}, task_.name); !err.empty()) {
        event("Setup Failure", err, now);
        decide(false, now);
        return false;
    }
    env_ = taskenv::TaskEnv::build(alloc_.alloc, alloc_.node, alloc_.version->job, *alloc_.group, task_, alloc_.alloc_dir);
    for (auto& h : hooks_) {
        if (auto err = h->prestart(ctx_)) {
            event("Setup Failure", h->name() + ": " + *err, now);
            decide(false, now);
            return false;
        }
    }
    spec = make_task_spec(alloc_.alloc.id, task_, env_, alloc_.alloc_dir);
    return true;
}

void TaskRunner::started(const drivers::StartResult& r, UnixNanos now) {
    if (!r.handle) {
        event("Driver Failure", r.error, now);
        decide(false, now);
        return;
    }
    handle_ = r.handle;
    save_handle(deps_.store, {driver_name_, *handle_});
    phase_ = Phase::running;
    started_at_ = now;
    state().started_at = now;
    set_state("running");
    std::string notes;
    for (const auto& n : r.notes) notes += (notes.empty() ? "" : "; ") + n;
    if (!notes.empty() && state().restarts == 0) event("Driver", notes, now);  // once: restarts say the same
    event("Started", "Task started by client", now);
    watched_ = deps_.watcher.watch(*handle_);
    deps_.services.register_task(ctx_);
}

void TaskRunner::on_exit(UnixNanos now) {
    if (phase_ != Phase::running || !handle_) return;
    auto* d = driver();
    auto status = d->try_wait(*handle_);
    if (!status) status = d->wait(*handle_, std::chrono::milliseconds(200));
    if (!status) return;  // not ended after all (a stale notification)
    ended(*status, now);
}

void TaskRunner::ended(const drivers::ExitStatus& s, UnixNanos now) {
    deps_.watcher.forget(*handle_);
    remove_handle(deps_.store, handle_->alloc_id, handle_->task);
    deps_.services.deregister_task(alloc_.alloc.id, task_.name);
    handle_.reset();
    event("Terminated", exit_message(s), now);
    decide(s.exit_code == 0 && s.signal == 0, now);
}

void TaskRunner::decide(bool success, UnixNanos now) {
    if (killed_) return go_dead(false, now);
    const auto d = tracker_.next(success, now);
    if (d.kind == RestartDecision::Kind::done) return go_dead(false, now);
    if (d.kind == RestartDecision::Kind::fail) {
        event("Not Restarting", d.reason, now);
        return go_dead(true, now);
    }
    state().restarts = tracker_.restarts();
    event("Restarting", "Task restarting in " + format_duration(d.wait) +
                            (d.reason == "Restart within policy" ? "" : " (" + d.reason + ")"), now);
    set_state("pending");
    phase_ = Phase::waiting;
    restart_at_ = now + d.wait;
}

void TaskRunner::go_dead(bool failed, UnixNanos now) {
    phase_ = Phase::dead;
    if (suspend_) {  // the agent stops: the next agent starts the task again
        set_state("pending");
        return;
    }
    state().failed = failed;
    state().finished_at = now;
    set_state("dead");
    for (auto& h : hooks_) h->poststop(ctx_);
}

void TaskRunner::tick(UnixNanos now) {
    if (phase_ == Phase::waiting && now >= restart_at_) {
        phase_ = Phase::idle;
        run(now);
    } else if (phase_ == Phase::stopping && stopping_.valid() &&
               stopping_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        finish_stop(now);
    } else if (phase_ == Phase::running) {
        if (!watched_) {
            if (auto s = driver()->try_wait(*handle_)) return ended(*s, now);
        }
        if (auto why = deps_.services.restart_due(alloc_.alloc.id, task_.name, started_at_, now)) {
            event("Restart Signaled", *why, now);
            return stop_async(*why, After::restart_policy);
        }
        for (auto& h : hooks_) {
            const auto u = h->poll(ctx_);
            if (u.action == Update::Action::restart) {
                event("Restart Signaled", u.reason, now);
                return stop_async(u.reason, After::restart_now);
            }
            if (u.action == Update::Action::signal) {
                event("Signaling", u.reason, now);
                ::kill(-handle_->pid, u.signal);
            }
        }
    }
}

void TaskRunner::kill(const std::string& reason, UnixNanos now, bool suspend) {
    killed_ = true;
    suspend_ = suspend_ || suspend;
    if (phase_ == Phase::running) return stop_async(reason, After::dead);
    if (phase_ == Phase::waiting || phase_ == Phase::idle) go_dead(state().failed, now);
}

void TaskRunner::stop_async(const std::string& reason, After after) {
    const int sig = drivers::signal_number(task_.kill_signal.empty() ? "SIGINT" : task_.kill_signal);
    const auto timeout = std::chrono::milliseconds(task_.kill_timeout / 1'000'000);
    event("Killing", "Sent interrupt. Waiting " + format_duration(task_.kill_timeout) + " before force killing" +
                         (reason.empty() ? "" : " (" + reason + ")"));
    deps_.watcher.forget(*handle_);
    deps_.services.deregister_task(alloc_.alloc.id, task_.name);
    // Nomad's shutdown_delay: the services are out of the catalog now, and the task keeps
    // answering what routers still send it until they have seen that; only then the signal.
    // Only for a stop for good (Nomad waits in Kill, not in Restart), never when the agent
    // itself stops. A group's delay is waited here too, the longer of the two.
    const auto delay = after == After::dead && !suspend_ ? std::max(task_.shutdown_delay, alloc_.group->shutdown_delay.value_or(0)) : 0;
    if (delay > 0) event("Waiting for shutdown delay", "Waiting for shutdown_delay of " + format_duration(delay) + " before killing the task.");
    phase_ = Phase::stopping;
    after_stop_ = after;
    stopping_ = std::async(std::launch::async, [d = driver(), h = *handle_, sig, timeout, delay] {
        std::this_thread::sleep_for(std::chrono::nanoseconds(delay));
        return d->stop(h, sig ? sig : SIGINT, timeout);
    });
}

void TaskRunner::finish_stop(UnixNanos now) {
    const auto r = stopping_.get();
    remove_handle(deps_.store, handle_->alloc_id, handle_->task);
    handle_.reset();
    event("Killed", r.escalated ? "Task killed with SIGKILL after kill_timeout" : "Task successfully killed", now);
    if (after_stop_ == After::dead || killed_) return go_dead(false, now);
    if (after_stop_ == After::restart_policy) return decide(false, now);
    event("Restarting", "Task restarting in 0s", now);
    phase_ = Phase::idle;
    run(now);
}

void TaskRunner::leave() {
    if (handle_) deps_.watcher.forget(*handle_);
    if (phase_ == Phase::stopping && stopping_.valid()) stopping_.wait();
    phase_ = Phase::dead;
}

}  // namespace hjob::runtime::agent
