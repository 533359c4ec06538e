#!/bin/bash
# The billing benchmark (docs/performance.md): N employments (default 1,000,000) on a throw-away embedded
# PostgreSQL database, the monthly billing run timed against plain set-based SQL writing the same lines.
# Usage: bench/billing.sh [employments] [employers-per-chunk (100)]
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile
./mvnw -B -q -o spring-boot:test-run -Dspring-boot.run.main-class=id.jamsos.contribution.BillingBenchmark \
  -Dspring-boot.run.arguments="${1:-1000000} ${2:-100}" -Dspring-boot.run.jvmArguments="-Xmx2g"
