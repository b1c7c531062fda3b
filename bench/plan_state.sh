#!/bin/bash
# `hjob plan` as a whole process against a state holding 10,000 jobs (and 200 nodes, 20,000
# allocations): builds the state with hjob for one seed job, then copies it by direct SQL bulk
# insert, and times `hjob plan examples/jobs/hashiapp.hcl` with hyperfine. Target: under 5 ms.
# Usage: bench/plan_state.sh [JOBS [NODES]]   (default 10000 jobs on 200 nodes; BUILD=build dir,
# default build/; needs hjob and sqlite3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${BUILD:-build}
jobs=${1:-10000}
nodes=${2:-200}
hjob=$(cd "$build" && pwd)/hjob  # BUILD may be relative or absolute
[[ -x $hjob ]] || { echo "bench/plan_state.sh: build hjob first" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "NOTICE: sqlite3 absent: skipping the plan-against-state benchmark"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HJOB_DATA_DIR=$tmp/state

# Nodes of 100 GHz x (200 / NODES) and 512 GB, so that 20,000 allocations leave room for hashiapp.
python3 - "$tmp/nodes.json" "$nodes" <<'PY'
import json, sys
n = int(sys.argv[2])
nodes = [{"name": f"bench-{i:03}", "cpu": 100000 * max(1, 200 // n), "memory": 524288 * max(1, 200 // n),
          "attributes": {"kernel.name": "linux"}} for i in range(n)]
json.dump(nodes, open(sys.argv[1], "w"))
PY
cat > "$tmp/seed.hcl" <<'HCL'
job "seed" {
  datacenters = ["dc1"]
  group "g" {
    count = 2
    task "t" {
      driver = "exec"
      config {
        command = "/bin/sleep"
        args    = ["3600"]
      }
      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
HCL
"$hjob" node register --from "$tmp/nodes.json" >/dev/null
"$hjob" apply --auto-approve "$tmp/seed.hcl" >/dev/null 2>&1

# Copy the seed job: one job row, one version, its two allocations spread over the nodes.
sqlite3 "$HJOB_DATA_DIR/state.db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $jobs) INSERT INTO n SELECT i FROM c;
CREATE TEMP TABLE nodes_n AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM nodes WHERE is_local = 0;
INSERT INTO jobs SELECT 'seed-' || n.i, namespace, status, stopped, current_version, job_modify_index, modify_index
  FROM jobs, n WHERE jobs.id = 'seed';
INSERT INTO job_versions SELECT 'seed-' || n.i, version, replace(ir_json, '"id":"seed"', '"id":"seed-' || n.i || '"'),
  source, source_hash, variables, submitter, submit_time, stable, job_modify_index FROM job_versions, n
  WHERE job_versions.job_id = 'seed';
INSERT INTO allocations SELECT lower(hex(randomblob(16))), 'seed-' || n.i, group_name, 'seed-' || n.i || '.g[' || idx || ']',
  idx, job_version, (SELECT id FROM nodes_n WHERE k = (n.i * 2 + idx) % $nodes), desired_status, desired_description,
  client_status, cpu, memory_mb, memory_max_mb, disk_mb, cores, ports, '', healthy, canary, previous_allocation,
  task_states, create_index, modify_index, create_time, modify_time FROM allocations, n WHERE allocations.job_id = 'seed';
INSERT OR REPLACE INTO node_usage (node_id, cpu, memory_mb, disk_mb, allocations, ports)
  SELECT id, coalesce((SELECT sum(cpu) FROM allocations a WHERE a.node_id = nodes.id AND desired_status = 'run'), 0),
         coalesce((SELECT sum(memory_mb) FROM allocations a WHERE a.node_id = nodes.id AND desired_status = 'run'), 0),
         coalesce((SELECT sum(disk_mb) FROM allocations a WHERE a.node_id = nodes.id AND desired_status = 'run'), 0),
         (SELECT count(*) FROM allocations a WHERE a.node_id = nodes.id AND desired_status = 'run'), '[]' FROM nodes;
UPDATE meta SET modify_index = modify_index + 1;
COMMIT;
SQL
echo "state: $(sqlite3 "$HJOB_DATA_DIR/state.db" 'SELECT count(*) FROM jobs') jobs," \
     "$(sqlite3 "$HJOB_DATA_DIR/state.db" 'SELECT count(*) FROM allocations') allocations," \
     "$(sqlite3 "$HJOB_DATA_DIR/state.db" 'SELECT count(*) FROM nodes') nodes," \
     "$(du -h "$HJOB_DATA_DIR/state.db" | cut -f1)"
job=examples/jobs/hashiapp.hcl
"$hjob" plan "$job" 2>/dev/null | sed -n '1,12p'
if ! command -v hyperfine >/dev/null; then
  echo "NOTICE: hyperfine unavailable: timing 100 runs with bash instead"
  time (for _ in $(seq 100); do "$hjob" plan "$job" >/dev/null 2>&1; done)
  exit 0
fi
hyperfine -N --warmup 20 --runs 200 --export-json "$tmp/times.json" "$hjob plan $job" "$hjob check $job"
# The median and the minimum too: on a shared machine the mean carries other processes' load.
python3 - "$tmp/times.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = r["times"]
    print(f"hjob {r['command'].split()[1]}: median {statistics.median(t) * 1e3:.2f} ms, min {min(t) * 1e3:.2f} ms")
PY
