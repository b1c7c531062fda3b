// Jobs and their submitted versions in the state (store.hpp). A version keeps the IR as JSON
// (compiler/ir.hpp to_json) beside the source text it was compiled from.
#include "store.hpp"

namespace hjob::runtime::state {

using nlohmann::json;

namespace {

// A job's status as Nomad derives it from its allocations: dead once stopped or when every
// allocation is terminal, running while one is not (placed and not yet finished), else the
// stored status (pending: nothing placed yet). `T` is the jobs table's name or alias.
#define HJOB_JOB_STATUS(T)                                                                                      \
    "CASE WHEN " T ".stopped THEN 'dead' "                                                                      \
    "WHEN EXISTS (SELECT 1 FROM allocations a WHERE a.job_id = " T ".id AND a.desired_status = 'run' "          \
    "AND a.client_status IN ('pending', 'running')) THEN 'running' "                                            \
    "WHEN EXISTS (SELECT 1 FROM allocations a WHERE a.job_id = " T ".id) THEN 'dead' ELSE " T ".status END"

constexpr const char* job_columns =
    "id, namespace, " HJOB_JOB_STATUS("jobs") ", stopped, current_version, job_modify_index, modify_index";

JobRecord read_job(const Stmt& s) {
    JobRecord j;
    j.id = s.text(0);
    j.namespace_ = s.text(1);
    j.status = s.text(2);
    j.stopped = s.integer(3) != 0;
    j.current_version = s.int32(4);
    j.job_modify_index = s.integer(5);
    j.modify_index = s.integer(6);
    return j;
}

constexpr const char* version_columns =
    "version, ir_json, source, source_hash, variables, submitter, submit_time, stable, job_modify_index";

JobVersion read_version(const Stmt& s, const std::string& job_id) {
    JobVersion v;
    v.version = s.int32(0);
    std::string error;
    auto job = ir::from_json(json::parse(s.text(1), nullptr, false), &error);
    if (!job) throw StateError("version " + std::to_string(v.version) + " of job \"" + job_id + "\" is unreadable: " + error);
    v.job = std::move(*job);
    v.source = s.text(2);
    v.source_hash = s.text(3);
    v.variables = json::parse(s.text(4)).get<std::map<std::string, std::string>>();
    v.submitter = s.text(5);
    v.submit_time = s.integer(6);
    v.stable = s.integer(7) != 0;
    v.job_modify_index = s.integer(8);
    return v;
}

}  // namespace

std::vector<JobRecord> Store::jobs() {
    std::vector<JobRecord> out;
    auto s = db_.prepare(std::string("SELECT ") + job_columns + " FROM jobs ORDER BY id");
    while (s.step()) out.push_back(read_job(s));
    return out;
}

std::vector<JobSummary> Store::job_summaries() {
    std::vector<JobSummary> out;
    auto s = db_.prepare(
        "SELECT j.id, j.namespace, " HJOB_JOB_STATUS("j") ", j.stopped, j.current_version, j.job_modify_index, j.modify_index, "
        "coalesce(json_extract(v.ir_json, '$.job.type'), ''), coalesce(json_extract(v.ir_json, '$.job.priority'), 0), "
        "coalesce(v.submit_time, 0) FROM jobs j LEFT JOIN job_versions v ON v.job_id = j.id AND v.version = "
        "j.current_version ORDER BY j.id");
    while (s.step()) out.push_back(JobSummary{read_job(s), s.text(7), s.int32(8), s.integer(9)});
    return out;
}

std::optional<JobRecord> Store::job(const std::string& id) {
    auto s = db_.prepare(std::string("SELECT ") + job_columns + " FROM jobs WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_job(s);
}

void Store::put_job(const JobRecord& j) {
    // An upsert: REPLACE would delete the row first and cascade to versions and allocations.
    auto s = db_.prepare(
        "INSERT INTO jobs (id, namespace, status, stopped, current_version, job_modify_index, modify_index) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET namespace = excluded.namespace, "
        "status = excluded.status, stopped = excluded.stopped, current_version = excluded.current_version, "
        "job_modify_index = excluded.job_modify_index, modify_index = excluded.modify_index");
    s.bind(1, j.id).bind(2, j.namespace_).bind(3, j.status).bind(4, j.stopped).bind(5, j.current_version);
    s.bind(6, j.job_modify_index).bind(7, j.modify_index).run();
}

void Store::delete_job(const std::string& id) {
    std::set<std::string> touched;
    auto nodes = db_.prepare("SELECT DISTINCT node_id FROM allocations WHERE job_id = ?");
    nodes.bind(1, id);
    while (nodes.step()) touched.insert(nodes.text(0));
    db_.prepare("DELETE FROM jobs WHERE id = ?").bind(1, id).run();
    refresh_usage(touched);
}

std::optional<JobVersion> Store::job_version(const std::string& job_id, int version) {
    auto s = db_.prepare(std::string("SELECT ") + version_columns + " FROM job_versions WHERE job_id = ? AND version = ?");
    s.bind(1, job_id).bind(2, version);
    if (!s.step()) return std::nullopt;
    return read_version(s, job_id);
}

std::vector<JobVersion> Store::job_versions(const std::string& job_id) {
    std::vector<JobVersion> out;
    auto s = db_.prepare(std::string("SELECT ") + version_columns +
                         " FROM job_versions WHERE job_id = ? ORDER BY version DESC");
    s.bind(1, job_id);
    while (s.step()) out.push_back(read_version(s, job_id));
    return out;
}

void Store::put_job_version(const std::string& job_id, const JobVersion& v) {
    auto s = db_.prepare(
        "INSERT OR REPLACE INTO job_versions (job_id, version, ir_json, source, source_hash, variables, submitter, "
        "submit_time, stable, job_modify_index) VALUES (?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, job_id).bind(2, v.version).bind(3, ir::to_json(v.job).dump()).bind(4, v.source).bind(5, v.source_hash);
    s.bind(6, json(v.variables).dump()).bind(7, v.submitter).bind(8, v.submit_time).bind(9, v.stable);
    s.bind(10, v.job_modify_index).run();
}

}  // namespace hjob::runtime::state
