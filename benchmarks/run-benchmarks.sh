#!/usr/bin/env bash
# One command for the benchmarks: builds what is missing, installs HAProxy and wrk when it can (Debian/Ubuntu), starts an
# embedded PostgreSQL + the three packaged services + HAProxy, runs the scenarios and writes benchmarks/RESULTS.md.
#
#   benchmarks/run-benchmarks.sh                    # defaults: 300 req/s, 10 s warm-up, 30 s per row
#   BENCH_RATE=500 BENCH_MEASURE_SECONDS=60 benchmarks/run-benchmarks.sh
#   BENCH_OUT=/tmp/results.md benchmarks/run-benchmarks.sh
#
# Other settings: BENCH_WARMUP_SECONDS, BENCH_FEATURE_RATE (search, claims, jobs; 100), BENCH_ASSISTANT_RATE (10),
# BENCH_QUOTA_RATE (50), the busy-site rows' BENCH_PAGE_RATE (1000), BENCH_SUGGEST_RATE (500), BENCH_SEARCH_RATE (300) and
# BENCH_USERS (100 accounts), BENCH_ONLY (some of compare,throughput,features,quota,busy,restarts), BENCH_THROUGHPUT_SECONDS (30), BENCH_ROUNDS (3), BENCH_THROUGHPUT_CONCURRENCY (32), BENCH_JVM (one set of
# JVM options for all three services instead of each one's jvm.options), BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  need=0
  for m in gateway code-service careers-service; do [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || need=1; done
  [ -d benchmarks/target/lib ] && ls benchmarks/target/benchmarks-*.jar >/dev/null 2>&1 || need=1
  if [ "$need" = 0 ] && [ -n "$(find pom.xml libs gateway code-service careers-service benchmarks -newer benchmarks/target/lib \
        -type f -not -path '*/target/*' -not -path '*/src/test/*' -not -name RESULTS.md -not -name '*.md' | head -n 1)" ]; then
    need=1
  fi
  if [ "$need" = 1 ]; then
    say "building the services and the load generator..."
    ./mvnw -B -q -DskipTests -pl gateway,code-service,careers-service,benchmarks -am package
    touch benchmarks/target/lib
  fi
fi

HAPROXY="${BENCH_HAPROXY:-$(command -v haproxy || true)}"
if [ -z "$HAPROXY" ] && command -v apt-get >/dev/null 2>&1; then
  say "installing HAProxy (Debian package haproxy)..."
  if [ "$(id -u)" = 0 ]; then apt-get install -y haproxy >/dev/null || true
  elif command -v sudo >/dev/null 2>&1; then sudo apt-get install -y haproxy >/dev/null || true; fi
  HAPROXY="$(command -v haproxy || true)"
fi
[ -n "$HAPROXY" ] || say "HAProxy is not installed: the HAProxy rows will be missing"
if ! command -v wrk >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  say "installing wrk (Debian package wrk, maximum-throughput rows)..."
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || true
  elif command -v sudo >/dev/null 2>&1; then sudo apt-get install -y wrk >/dev/null || true; fi
fi
command -v wrk >/dev/null 2>&1 || say "wrk is not installed: the wrk throughput rows will be missing"

say "running (about 25 minutes with the defaults)..."
exec java -Xmx512m -cp "$(ls benchmarks/target/benchmarks-*.jar | head -n 1):benchmarks/target/lib/*" \
  -Dbench.repo="$ROOT" \
  -Dbench.out="${BENCH_OUT:-$ROOT/benchmarks/RESULTS.md}" \
  -Dbench.haproxy="${HAPROXY:-haproxy}" \
  -Dbench.rate="${BENCH_RATE:-300}" \
  -Dbench.warmup-seconds="${BENCH_WARMUP_SECONDS:-10}" \
  -Dbench.measure-seconds="${BENCH_MEASURE_SECONDS:-30}" \
  -Dbench.feature-rate="${BENCH_FEATURE_RATE:-100}" \
  -Dbench.assistant-rate="${BENCH_ASSISTANT_RATE:-10}" \
  -Dbench.quota-rate="${BENCH_QUOTA_RATE:-50}" \
  -Dbench.page-rate="${BENCH_PAGE_RATE:-1000}" \
  -Dbench.suggest-rate="${BENCH_SUGGEST_RATE:-500}" \
  -Dbench.search-rate="${BENCH_SEARCH_RATE:-300}" \
  -Dbench.users="${BENCH_USERS:-100}" \
  -Dbench.only="${BENCH_ONLY:-}" \
  -Dbench.throughput.seconds="${BENCH_THROUGHPUT_SECONDS:-30}" \
  -Dbench.throughput.concurrency="${BENCH_THROUGHPUT_CONCURRENCY:-32}" \
  -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -Dbench.jvm="${BENCH_JVM:-}" \
  com.casecoding.benchmarks.BenchmarkMain
