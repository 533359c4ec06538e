#!/bin/bash
# The portal-notice queries (docs/performance.md): N notices (default 2,000,000) for N/10 accounts, 3 of each
# account's 10 unread, plus one account with 50,000 notices of which 20,000 unread, in a throw-away database on the
# machine's PostgreSQL (run as the postgres OS user); then pgbench times the badge's count, the first page of the
# list and the count for the heavy account (each a prepared select, 2 clients, 20 s).
# Usage: bench/notices.sh [notices] [seconds]
set -eu
cd "$(dirname "$0")/.."
N=${1:-2000000}
SECONDS_EACH=${2:-20}
DB=jamsos_notices_bench
PSQL="runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1"
WORK=$(mktemp -d)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"; runuser -u postgres -- dropdb --if-exists $DB' EXIT
runuser -u postgres -- dropdb --if-exists $DB
runuser -u postgres -- createdb $DB
$PSQL -d $DB -c "CREATE SCHEMA notification"
sed '/^CREATE SCHEMA/d' src/main/resources/db/migration/notification/V21__notice.sql > "$WORK/schema.sql"
chmod 644 "$WORK/schema.sql"
$PSQL -d $DB -f "$WORK/schema.sql"
ACCOUNTS=$((N / 10))
start=$(date +%s.%N)
$PSQL -d $DB <<SQL
CREATE TABLE accounts AS SELECT g AS n, md5(g::text)::uuid AS id FROM generate_series(1, $ACCOUNTS) g;
INSERT INTO notification.notice (account_id, kind, reference, message_key, arguments, link, created_at, read_at)
SELECT a.id, 'BILL_SETTLED', i::text, 'notice.bill-settled',
       '[{"type":"month","value":"2026-11"},{"type":"text","value":"PT Bayar"},{"type":"amount","value":1101222}]',
       '/pembayaran', now() - (i || ' days')::interval, CASE WHEN i > 3 THEN now() END
  FROM accounts a, generate_series(1, 10) i;
INSERT INTO notification.notice (account_id, kind, reference, message_key, arguments, link, created_at, read_at)
SELECT '00000000-0000-0000-0000-000000000001', 'BILL_SETTLED', i::text, 'notice.bill-settled', '[]', '/pembayaran',
       now() - (i || ' minutes')::interval, CASE WHEN i > 20000 THEN now() END
  FROM generate_series(1, 50000) i;
VACUUM ANALYZE notification.notice;
VACUUM ANALYZE accounts;
SQL
end=$(date +%s.%N)
echo "loaded $((N + 50000)) notices for $ACCOUNTS accounts in $(echo "$end - $start" | bc) s"
$PSQL -d $DB -c "SELECT pg_size_pretty(pg_relation_size('notification.notice')) AS heap,
  pg_size_pretty(pg_relation_size('notification.notice_unread')) AS unread_index,
  pg_size_pretty(pg_relation_size('notification.notice_by_account')) AS list_index"
cat > "$WORK/badge.sql" <<SQL
\set n random(1, $ACCOUNTS)
SELECT count(*) FROM (SELECT 1 FROM notification.notice WHERE account_id = md5(:n::text)::uuid
                        AND read_at IS NULL LIMIT 100) AS unread;
SQL
cat > "$WORK/page.sql" <<SQL
\set n random(1, $ACCOUNTS)
SELECT id, account_id, kind, reference, message_key, arguments::text, link, created_at, read_at
  FROM notification.notice WHERE account_id = md5(:n::text)::uuid
 ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET 0;
SQL
cat > "$WORK/heavy.sql" <<SQL
SELECT count(*) FROM (SELECT 1 FROM notification.notice WHERE account_id = '00000000-0000-0000-0000-000000000001'
                        AND read_at IS NULL LIMIT 100) AS unread;
SQL
chmod 644 "$WORK"/*.sql
for script in badge page heavy; do
  echo "== $script"
  runuser -u postgres -- pgbench -n -M prepared -c 2 -j 2 -T "$SECONDS_EACH" -f "$WORK/$script.sql" $DB \
    | grep -E "^(latency average|tps)"
done
$PSQL -d $DB -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM notification.notice
  WHERE account_id = md5('4242')::uuid AND read_at IS NULL LIMIT 100) AS unread"
