#!/bin/bash
# The HashiStack demo on hjob's local runtime, as the talk runs it across a cluster: four client
# nodes, the router as a system job on every node, hashiapp behind it with its secret in the
# secrets store; then scaling, a rolling update, and a clean stop. `scripts/dev demo` builds and
# runs it; `examples/demo.sh BUILD_DIR` runs it on an existing build. It works in a throwaway
# data directory and leaves nothing running (it stops what it started even when a step fails).
set -euo pipefail

build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
hjob="$build/hjob"
dir=$(mktemp -d)
export HJOB_DATA_DIR="$dir/state"
app=(--var "hashiapp_command=$build/hashiapp")
router="127.0.0.1:9999"

say() { printf '\n==> %s\n' "$*"; }
run() { printf '$ hjob %s\n' "$*"; "$hjob" "$@"; }

# The processes whose environment names the demo's directory: the agent (HJOB_DATA_DIR) and
# every task and task child (NOMAD_ALLOC_DIR), whatever their command line.
demo_processes() {
  local p
  for p in /proc/[0-9]*; do
    [[ ${p#/proc/} == "$$" ]] && continue
    grep -qsF "$dir/" "$p/environ" && echo "${p#/proc/} $(tr '\0' ' ' <"$p/cmdline" 2>/dev/null)"
  done
  return 0
}

# Whatever happens, stop the jobs and the agent, then check that nothing is left.
finish() {
  local rc=$?
  "$hjob" stop hashiapp >/dev/null 2>&1 || true
  "$hjob" stop fabio >/dev/null 2>&1 || true
  "$hjob" agent stop >/dev/null 2>&1 || true
  local left
  left=$(demo_processes)
  if [[ -n $left ]]; then
    printf 'demo: processes left running:\n%s\n' "$left" >&2
    rc=1
  elif [[ $rc -eq 0 ]]; then
    say "nothing is left running"
  fi
  [[ $rc -eq 0 || -z ${HJOB_DEMO_KEEP:-} ]] && rm -rf "$dir" || echo "demo: kept $dir (HJOB_DEMO_KEEP)" >&2
  exit "$rc"
}
trap finish EXIT

# Sends N requests through the router and prints which instance answered each.
through_router() {
  local n=$1 i
  for ((i = 0; i < n; i++)); do
    curl -fsS --max-time 2 "http://$router/hashiapp/" || echo "(request $i failed)"
  done | sort | uniq -c
}

say "the seed's four client nodes: this machine and three more hosted on it (127.0.0.2-4)"
for i in 2 3 4; do
  "$hjob" node register --name "client-$i" --datacenter dc1 --cpu 4000 --memory 8192 >/dev/null
done
run node list

say "the app's secret and policy in the secrets store (Vault's part)"
run secret put secret/hashiapp greeting="hello from the secrets store"
run policy write hashiapp "$root/examples/policies/hashiapp.hcl"

say "the router as a system job: one per node, routing by the catalog's urlprefix- tags (Fabio's part)"
run apply --auto-approve --var "hjob_command=$hjob" "$root/examples/jobs/fabio.hcl"

say "hashiapp, three instances; apply starts the agent and follows the deployment until healthy"
run apply --auto-approve "${app[@]}" "$root/examples/jobs/hashiapp.hcl"
run status hashiapp
run services
run routes

say "ten requests through the router at http://$router/hashiapp/ reach different instances"
through_router 10

say "scaling to five: the plan shows two to create and none replaced"
run plan "${app[@]}" --var instances=5 "$root/examples/jobs/hashiapp.hcl"
run apply --auto-approve "${app[@]}" --var instances=5 "$root/examples/jobs/hashiapp.hcl"
through_router 10

say "rolling out v2, one instance at a time, each healthy for 5s before the next"
run apply --auto-approve "${app[@]}" --var instances=5 --var app_version=v2 "$root/examples/jobs/hashiapp.hcl"
through_router 10
run services hashiapp

say "stopping everything the demo started"
run stop hashiapp
run stop fabio
run agent stop
