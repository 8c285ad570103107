#!/usr/bin/env bash
# The long reliability suite: everything CI runs plus the long variants (50 rounds of the two-gateway quota race,
# three 45 s database outages, three graceful-shutdown rounds per service).
#
#   benchmarks/run-reliability-long.sh                       # builds what it needs, then runs system-tests
#   QUOTA_ROUNDS=200 benchmarks/run-reliability-long.sh
#
# Results: the console and system-tests/target/failsafe-reports/; service logs in system-tests/target/system-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -pl system-tests -am verify \
  -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcasecoding.long=true -Dcasecoding.quota.rounds="${QUOTA_ROUNDS:-50}" "$@"
