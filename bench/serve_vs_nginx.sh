#!/usr/bin/env bash
# gge serve's feeds against nginx serving the same bytes (issue 15): wrk (Debian), 50 keep-alive
# connections for 10 s each, one run; 200 answers with the body, then 304 answers to
# If-None-Match. nginx serves the folder `gge feeds` wrote from the same database, as the current
# user, from a temporary config on a free loopback port; both are stopped on exit.
#
#   bench/serve_vs_nginx.sh [GGE_BINARY [SECONDS [CONNECTIONS]]]   defaults: build/gge 10 50
#
# Goals: gge's requests/s >= 0.5x nginx's for 200 answers, >= 1x for 304 answers.
# Needs wrk and nginx (apt-get install wrk nginx-light) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
gge_bin=$(realpath "${1:-build/gge}")
seconds=${2:-10}
conns=${3:-50}
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "serve_vs_nginx: needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 2; }
done
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"
export SOURCE_DATE_EPOCH=1100000000  # the same DTSTAMP for `gge feeds` and gge serve
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
gge() { "$gge_bin" --db "$work/plan.db" "$@"; }

gge load examples/gge-2004-2005/scenario.toml >/dev/null
gge holidays import data/holidays/*.toml >/dev/null
gge meeting generate 'GGE-ICT-2004#2' >/dev/null
gge feeds "$work/public" >/dev/null
chmod -R a+rX "$work/public"

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
$( [[ $(id -u) == 0 ]] && echo "user root;" )
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; }
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/public;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
gge serve --listen 127.0.0.1:0 >"$work/serve.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$work/serve.out" && break; sleep 0.1; done
gge_port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/body-GGE-ICT-2004.ics" && break; sleep 0.1; done

gge_url=http://127.0.0.1:$gge_port/feeds/body-GGE-ICT-2004.ics
nginx_url=http://127.0.0.1:$nginx_port/body-GGE-ICT-2004.ics
curl -sf "$gge_url" -o "$work/from-gge.ics"
curl -sf "$nginx_url" -o "$work/from-nginx.ics"
cmp -s "$work/from-gge.ics" "$work/from-nginx.ics" || { echo "serve_vs_nginx: the two bodies differ" >&2; exit 1; }
etag_of() { curl -sfI "$1" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }
gge_etag=$(etag_of "$gge_url")
nginx_etag=$(etag_of "$nginx_url")
for url_etag in "$gge_url|$gge_etag" "$nginx_url|$nginx_etag"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${url_etag#*|}" "${url_etag%|*}")
  [[ $code == 304 ]] || { echo "serve_vs_nginx: ${url_etag%|*} answered $code to If-None-Match" >&2; exit 1; }
done

# wrk's figures: requests/s, p50 and p99 latency (ms), non-2xx/3xx answers, socket errors.
run() {  # run NAME URL [HEADER]
  local out
  if [[ -n ${3:-} ]]; then
    out=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency -H "$3" "$2")
  else
    out=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency "$2")
  fi
  local rps p50 p99 bad errors
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $NF}')
  errors=$(echo "$out" | sed -n 's/.*Socket errors: //p')
  printf '%-22s %10.0f requests/s  p50 %8s  p99 %8s  non-2xx/3xx %s  socket errors: %s\n' \
    "$1" "$rps" "$p50" "$p99" "${bad:-0}" "${errors:-none}" >&2
  echo "$rps"
}
size=$(stat -c %s "$work/from-gge.ics")
echo "serve_vs_nginx: /feeds/body-GGE-ICT-2004.ics ($size bytes, byte-identical), wrk -t2 -c$conns -d${seconds}s, load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
g200=$(run "gge serve   200" "$gge_url")
n200=$(run "nginx       200" "$nginx_url")
g304=$(run "gge serve   304" "$gge_url" "If-None-Match: $gge_etag")
n304=$(run "nginx       304" "$nginx_url" "If-None-Match: $nginx_etag")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio 200: gge/nginx = $(ratio "$g200" "$n200")x (goal >= 0.5x)" >&2
echo "ratio 304: gge/nginx = $(ratio "$g304" "$n304")x (goal >= 1x)" >&2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
