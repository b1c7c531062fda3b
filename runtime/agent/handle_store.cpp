// Task handles in the state (handle_store.hpp).
#include "handle_store.hpp"

namespace hjob::runtime::agent {

std::vector<StoredHandle> load_handles(state::Store& store) {
    std::vector<StoredHandle> out;
    auto s = store.db().prepare(
        "SELECT alloc_id, task, driver, pid, start_ticks, boot_id, alloc_dir, log_max_files, log_rotate_bytes, "
        "logs_disabled FROM task_handles ORDER BY alloc_id, task");
    while (s.step()) {
        StoredHandle h;
        h.handle.alloc_id = s.text(0);
        h.handle.task = s.text(1);
        h.driver = s.text(2);
        h.handle.pid = s.int32(3);
        h.handle.start_ticks = static_cast<std::uint64_t>(s.integer(4));
        h.handle.boot_id = s.text(5);
        h.handle.alloc_dir = s.text(6);
        h.handle.log_max_files = s.int32(7);
        h.handle.log_rotate_bytes = s.integer(8);
        h.handle.logs_disabled = s.integer(9) != 0;
        out.push_back(std::move(h));
    }
    return out;
}

void save_handle(state::Store& store, const StoredHandle& h) {
    auto s = store.db().prepare(
        "INSERT OR REPLACE INTO task_handles (alloc_id, task, driver, pid, start_ticks, boot_id, alloc_dir, "
        "log_max_files, log_rotate_bytes, logs_disabled) VALUES (?,?,?,?,?,?,?,?,?,?)");
    const auto& t = h.handle;
    s.bind(1, t.alloc_id).bind(2, t.task).bind(3, h.driver).bind(4, t.pid);
    s.bind(5, static_cast<std::int64_t>(t.start_ticks)).bind(6, t.boot_id).bind(7, t.alloc_dir);
    s.bind(8, t.log_max_files).bind(9, t.log_rotate_bytes).bind(10, t.logs_disabled).run();
}

void remove_handle(state::Store& store, const std::string& alloc_id, const std::string& task) {
    auto s = store.db().prepare("DELETE FROM task_handles WHERE alloc_id = ? AND task = ?");
    s.bind(1, alloc_id).bind(2, task).run();
}

}  // namespace hjob::runtime::agent
