#!/bin/bash
# SNAP payment callbacks per second, end to end over HTTP: the platform starts (fresh embedded PostgreSQL database),
# opens ACCOUNTS virtual accounts (employers with one worker, billed for last month by the billing run), then
# CONCURRENCY callers act as the demo bank: each payment is signed, checked, claimed by X-EXTERNAL-ID, paid through the
# payment desk (payer lock, allocation, bill settled, events and e-mails written) and answered. Prints throughput and
# latency percentiles for a warm-up and a measured phase, then for replays of one answered payment (the SNAP layer
# alone, from threads of the same JVM).
# The bank is wrk (Debian package) with calls signed beforehand, or with BENCH_MAVEN_OPTS=-Dbench.client=jvm threads of
# the same JVM signing each call (they cost about as much CPU as the platform spends answering).
# Every call is the payer's first payment; with BENCH_MAVEN_OPTS=-Dbench.paid-before=true every account first pays its
# bill of the month before through the payment desk (the steady state: payers with money in the book).
# SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) runs it against a PostgreSQL server instead of the embedded one.
# Usage: bench/snap-payments.sh [ACCOUNTS] [CONCURRENCY] [WARMUP_S] [SECONDS]   (JAVA_HOME picks the JVM)
set -eu
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-80000}; CONCURRENCY=${2:-32}; WARMUP=${3:-60}; SECONDS_=${4:-60}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q -o test -Dtest=SnapPaymentsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  ${BENCH_MAVEN_OPTS:-} -Dbench.accounts="$ACCOUNTS" -Dbench.concurrency="$CONCURRENCY" -Dbench.warmup="$WARMUP" -Dbench.seconds="$SECONDS_" \
  > target/snap-bench.log 2>&1 || { tail -40 target/snap-bench.log; exit 1; }
grep -ho ' : bench.*' target/surefire-reports/id.jamsos.payment.snap.SnapPaymentsBenchmark-output.txt | sed 's/^ : //'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
