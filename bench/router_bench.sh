#!/bin/bash
# The router against nginx, same run, same upstreams: three build/hashiapp processes behind
# `hjob router` (its catalog filled by SQL, as the agent would fill it) and behind Debian's
# nginx (configured in a temp dir: one worker as the router's one io thread, upstream
# keepalive, access log to a file as the router's), each loaded by wrk at 64 connections.
# Prints requests/s, p50 and p99 for each and the ratios (targets: router >= 0.7x nginx's
# throughput, p99 <= 2x nginx's). Figures only, never pass/fail.
# Usage: bench/router_bench.sh [SECONDS] [CONNECTIONS]   (BUILD=build dir, default build/;
# needs hjob and hashiapp built there, and nginx, wrk, sqlite3 installed: scripts/dev bench)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=$(cd "${BUILD:-build}" && pwd)
seconds=${1:-10}
conns=${2:-64}
threads=${THREADS:-1}
for tool in nginx wrk sqlite3; do
  command -v $tool >/dev/null || [[ -x /usr/sbin/$tool ]] || {
    echo "NOTICE: $tool absent (scripts/dev bench installs it): skipping the router benchmark"; exit 0; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $build/hjob && -x $build/hashiapp ]] || { echo "NOTICE: build hjob and hashiapp first: skipping the router benchmark"; exit 0; }

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_ports() { python3 -c 'import socket
ss=[socket.socket() for _ in range(int(__import__("sys").argv[1]))]
[s.bind(("127.0.0.1",0)) for s in ss]; print(" ".join(str(s.getsockname()[1]) for s in ss))' "$1"; }
ports=$(free_ports 5)  # waits for python to exit and free them
read -r p1 p2 p3 router_port nginx_port <<<"$ports"

for p in $p1 $p2 $p3; do
  "$build/hashiapp" --bind 127.0.0.1 --port "$p" --id "bench-$p" >"$tmp/app-$p.log" 2>&1 &
  pids+=($!)
done

# The catalog: the state's schema from hjob itself, three passing instances by SQL.
state=$tmp/state
"$build/hjob" services --data-dir "$state" >/dev/null
for p in $p1 $p2 $p3; do
  sqlite3 "$state/state.db" "UPDATE catalog_meta SET modify_index = modify_index + 1;
    INSERT INTO catalog_instances (id, service, alloc_id, address, port, tags, status, modify_index)
    VALUES ('_nomad-task-bench-$p', 'hashiapp', 'bench-$p', '127.0.0.1', $p,
            '[\"urlprefix-/hashiapp strip=/hashiapp\"]', 'passing', (SELECT modify_index FROM catalog_meta));"
done
"$build/hjob" router --listen "127.0.0.1:$router_port" --data-dir "$state" --threads "$threads" \
  --access-log "$tmp/router-access.log" 2>"$tmp/router.log" &
pids+=($!)

mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<NGINX
worker_processes $threads;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log $tmp/nginx/access.log combined buffer=64k flush=1s;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  upstream hashiapp {
    server 127.0.0.1:$p1;
    server 127.0.0.1:$p2;
    server 127.0.0.1:$p3;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location /hashiapp/ {
      proxy_pass http://hashiapp/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
"$nginx" -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" 2>"$tmp/nginx/stderr.log" &
pids+=($!)

# Both must answer before the load starts.
for port in $router_port $nginx_port; do
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/hashiapp/" 2>/dev/null && break
    sleep 0.05
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/hashiapp/" || { echo "bench: nothing answers on $port" >&2; cat "$tmp"/*.log "$tmp"/nginx/*.log >&2; exit 1; }
done

# wrk --latency prints "50%  1.23ms" lines; normalise them to milliseconds.
run_wrk() {
  local name=$1 port=$2 out=$tmp/wrk-$1.txt
  wrk -t2 -c8 -d1s "http://127.0.0.1:$port/hashiapp/" >/dev/null  # warm-up: connections, caches
  wrk -t2 -c"$conns" -d"${seconds}s" --latency "http://127.0.0.1:$port/hashiapp/" >"$out"
  python3 - "$name" "$out" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 1e-3, "ms": 1, "s": 1e3}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
print(f"{name} {rps:.0f} {p50:.3f} {p99:.3f} {errors.group(1) if errors else 0} {'socket errors: ' + sock.group(1) if sock else ''}")
PY
}

rounds=${ROUNDS:-3}
echo "== router_bench: wrk -t2 -c$conns -d${seconds}s through hjob router and nginx ($threads worker/io thread each), 3 hashiapp upstreams, $rounds alternating rounds"
results=()
for ((i = 0; i < rounds; i++)); do
  results+=("$(run_wrk router "$router_port")" "$(run_wrk nginx "$nginx_port")")
done
# The machine is shared: each side's best round (highest req/s) is compared, every round shown.
python3 - "${results[@]}" <<'PY'
import sys
rows = [a.split(maxsplit=5) for a in sys.argv[1:]]
print(f"{'':8} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for name, rps, p50, p99, bad, *rest in rows:
    print(f"{name:8} {float(rps):10.0f} {float(p50):8.3f} {float(p99):8.3f} {bad:>8} {' '.join(rest)}")
best = {}
for r in rows:
    if r[0] not in best or float(r[1]) > float(best[r[0]][1]):
        best[r[0]] = r
(_, rr, r50, r99, *_), (_, nr, n50, n99, *_) = best["router"], best["nginx"]
print(f"best rounds: router {float(rr):.0f} req/s p50 {float(r50):.3f} ms p99 {float(r99):.3f} ms; "
      f"nginx {float(nr):.0f} req/s p50 {float(n50):.3f} ms p99 {float(n99):.3f} ms")
print(f"router/nginx: throughput {float(rr)/float(nr):.2f}x (target >= 0.7), p50 {float(r50)/float(n50):.2f}x, "
      f"p99 {float(r99)/float(n99):.2f}x (target <= 2)")
PY
