#!/bin/bash
# The JHT balance API under load (docs/performance.md): the packaged platform starts on a throw-away embedded
# PostgreSQL (demo data), the ledger is filled with ACCOUNTS JHT accounts carrying twelve monthly contributions of
# 2025 (the demo wage earner Andi Wijaya among them, with his contribution records), the demo member signs in through
# the mobile app's sign-in (POST /api/v1/auth/token), and wrk (Debian package) asks GET /api/v1/ledger/{kpj}/balance
# with his access token (Authorization: Bearer) from CONNECTIONS concurrent connections for SECONDS. Prints wrk's
# latency distribution and requests/s, and checks one
# answer's balance against the sum the seed wrote. Then the same for GET /api/v1/ledger/balance (the account's own
# card, the same answer at a fixed path).
# Usage: bench/balance-api.sh [ACCOUNTS (100000)] [CONNECTIONS (64)] [SECONDS (30)]   (JAVA_HOME picks the JVM;
# WARMUP seconds of load before the measured run, 120 by default: on two cores the JIT compiler is still making the
# request path faster after 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-100000}; CONNECTIONS=${2:-64}; SECONDS_=${3:-30}; PORT=${PORT:-18481}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, $($JAVA -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

./mvnw -B -q -o -DskipTests package > target/balance-bench-build.log 2>&1 || { tail -30 target/balance-bench-build.log; exit 1; }
JAR=$(ls target/jamsos-*.jar | grep -v plain | head -1)
WORK=$(mktemp -d /tmp/jamsos-balance-bench.XXXXXX)
cleanup() { [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

$JAVA -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --jamsos.database.embedded.data-directory="$WORK/postgres" \
  --db-scheduler.enabled=false --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 1
done
PGPORT=$(sed -n 4p "$WORK/postgres/postmaster.pid" | tr -d ' ')
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d jamsos)

started=$(date +%s.%N)
"${PSQL[@]}" -v accounts="$ACCOUNTS" <<'SQL'
-- The demo members' JHT accounts (opened on activation) and ACCOUNTS others, twelve months of 2025 each.
INSERT INTO ledger.account (kind, program, member_id, opened_on)
SELECT 'MEMBER_JHT', 'JHT', gen_random_uuid(), DATE '2025-01-01' FROM generate_series(1, :accounts);
INSERT INTO ledger.account (kind, program, member_id, kpj, opened_on)
SELECT 'MEMBER_JHT', 'JHT', m.id, m.kpj, m.activated_on FROM membership.member m
WHERE NOT EXISTS (SELECT 1 FROM ledger.account a WHERE a.member_id = m.id);
INSERT INTO ledger.balance (account_id) SELECT id FROM ledger.account a
WHERE NOT EXISTS (SELECT 1 FROM ledger.balance b WHERE b.account_id = a.id);
ALTER TABLE ledger.line DISABLE TRIGGER lines_balanced;
ALTER TABLE ledger.entry DISABLE TRIGGER entry_balanced;
CREATE TEMP TABLE month_entry AS
WITH made AS (
    INSERT INTO ledger.entry (reason, effective_on, idempotency_key)
    SELECT 'CONTRIBUTION', make_date(2025, m, 10) + interval '1 month', 'bench:balance:' || m
    FROM generate_series(1, 12) m RETURNING id, idempotency_key)
SELECT id, split_part(idempotency_key, ':', 3)::int AS month FROM made;
-- Employer 3.7 % and worker 2 % of a wage between Rp 3,000,000 and Rp 12,000,000 (credits), one clearing debit.
INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount, component)
SELECT e.id, 2 * row_number() OVER (PARTITION BY e.id ORDER BY a.id) + p.n, a.id, 'C',
       (3000000 + (a.id * 7919) % 9000000) * CASE p.n WHEN 0 THEN 370 ELSE 200 END / 10000,
       CASE p.n WHEN 0 THEN 'EMPLOYER' ELSE 'WORKER' END
FROM month_entry e CROSS JOIN ledger.account a CROSS JOIN (VALUES (0), (1)) p(n)
WHERE a.kind = 'MEMBER_JHT';
INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount)
SELECT e.id, 1, (SELECT id FROM ledger.account WHERE kind = 'CLEARING' AND program = 'JHT'), 'D',
       (SELECT sum(amount) FROM ledger.line l WHERE l.entry_id = e.id)
FROM month_entry e;
ALTER TABLE ledger.line ENABLE TRIGGER lines_balanced;
ALTER TABLE ledger.entry ENABLE TRIGGER entry_balanced;
-- What the history shows, for the members the platform knows.
INSERT INTO ledger.jht_contribution (member_id, bill_id, period, employer_id, employer, worker, paid_on, entry_id)
SELECT a.member_id, -e.month, '2025-' || lpad(e.month::text, 2, '0'), NULL,
       sum(l.amount) FILTER (WHERE l.component = 'EMPLOYER'), sum(l.amount) FILTER (WHERE l.component = 'WORKER'),
       make_date(2025, e.month, 10) + interval '1 month', e.id
FROM month_entry e JOIN ledger.line l ON l.entry_id = e.id JOIN ledger.account a ON a.id = l.account_id
JOIN membership.member m ON m.id = a.member_id
GROUP BY a.member_id, e.month, e.id;
UPDATE ledger.balance b SET debits = s.d, credits = s.c
FROM (SELECT account_id, coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) d,
             coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) c
      FROM ledger.line GROUP BY account_id) s WHERE s.account_id = b.account_id;
VACUUM ANALYZE;
SQL
echo "seeded $ACCOUNTS accounts x 12 months in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}') s"

KPJ=$("${PSQL[@]}" -tAc "SELECT m.kpj FROM membership.member m JOIN account.account a ON a.id = m.account_id
                          WHERE a.email = 'pekerja@demo.jamsos.test'")
EXPECTED=$("${PSQL[@]}" -tAc "SELECT b.credits - b.debits FROM ledger.balance b JOIN ledger.account a
                               ON a.id = b.account_id WHERE a.kpj = '$KPJ' OR a.member_id =
                               (SELECT id FROM membership.member WHERE kpj = '$KPJ')")
ACCESS=$(curl -fs -H 'Content-Type: application/json' -X POST "http://localhost:$PORT/api/v1/auth/token" \
  -d '{"email":"pekerja@demo.jamsos.test","password":"Pekerja-Demo-Jamsos-6","device":"wrk"}' \
  | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
[ -n "$ACCESS" ] || { echo "sign-in failed"; exit 1; }
AUTH="Authorization: Bearer $ACCESS"
URL="http://localhost:$PORT/api/v1/ledger/$KPJ/balance"
ANSWER=$(curl -fs -H "$AUTH" "$URL")
echo "one answer: $ANSWER"
echo "$ANSWER" | grep -q "\"balance\":$EXPECTED[,}]" || { echo "the balance is not the seeded Rp $EXPECTED"; exit 1; }
echo "balance Rp $EXPECTED as seeded"

OWN_URL="http://localhost:$PORT/api/v1/ledger/balance"
[ "$(curl -fs -H "$AUTH" "$OWN_URL")" = "$ANSWER" ] || { echo "/api/v1/ledger/balance differs from $URL"; exit 1; }

# CPU time of the platform, the database and wrk over the middle of a run (clock ticks from /proc).
ticks() { for name in java postgres wrk; do t=0; for pid in $(pgrep -x "$name"); do
  t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo -n "$t "; done; }
# measure URL LABEL WARMUP_SECONDS: a warm-up (the JIT compiles the request path), then the measured run.
measure() {
  wrk -t2 -c"$CONNECTIONS" -d"$3"s -H "$AUTH" "$1" > /dev/null
  echo "wrk -t2 -c$CONNECTIONS -d${SECONDS_}s GET $2"
  ( sleep 2; before=$(ticks); sleep $((SECONDS_ - 4)); after=$(ticks)
    set -- $before $after
    awk -v j=$(($4 - $1)) -v p=$(($5 - $2)) -v w=$(($6 - $3)) -v s=$((SECONDS_ - 4)) -v hz="$(getconf CLK_TCK)" \
      'BEGIN {printf "cores used: platform %.2f, PostgreSQL %.2f, wrk %.2f\n", j/hz/s, p/hz/s, w/hz/s}' ) &
  CPU=$!
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}"s --latency -H "$AUTH" "$1" \
    | tee "$WORK/wrk.txt" | grep -E "Latency|50%|75%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors"
  wait "$CPU"
}
measure "$URL" "/api/v1/ledger/{kpj}/balance" "${WARMUP:-120}"
# The same answer by the app's home-screen address, a fixed path (no KPJ in it).
measure "$OWN_URL" "/api/v1/ledger/balance" 10
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
