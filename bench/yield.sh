#!/bin/bash
# The yield benchmark (docs/performance.md): N JHT accounts (default 1,000,000) with a year of monthly contributions
# on a throw-away embedded PostgreSQL database; the yearly crediting timed against plain set-based SQL writing the
# same entries and lines.
# Usage: bench/yield.sh [accounts] [accounts-per-chunk (20000)] [chunks-at-once (2)]
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile
./mvnw -B -q -o spring-boot:test-run -Dspring-boot.run.main-class=id.jamsos.ledger.YieldBenchmark \
  -Dspring-boot.run.arguments="${1:-1000000} ${2:-20000} ${3:-2}" -Dspring-boot.run.jvmArguments="-Xmx2g"
