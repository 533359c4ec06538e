-- The commit check of V121 summed every entry from the transaction's first one upward. Under concurrent postings
-- (each settled bill is one entry) that range also held every entry other transactions had committed meanwhile, so
-- each commit re-checked dozens of others: 2.6 ms per commit at 8 concurrent payments, the largest statement of a
-- payment. Now each statement inserting entries records the range of ids it wrote (a transaction-local setting), and
-- the first deferred check of the commit sums exactly those ranges, then clears them: one entry for a posting, one
-- contiguous range for a chunk of the yield crediting. Equally strict: an entry's range is recorded when its
-- statement ends, before any deferred check can run for it, and a check clears only the ranges it has summed. A
-- rolled-back savepoint restores the setting with the rows.
DROP TRIGGER entries_unchecked ON ledger.entry;
DROP FUNCTION ledger.forget_entries_checked();

CREATE FUNCTION ledger.entries_written() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    low  BIGINT;
    high BIGINT;
BEGIN
    SELECT min(id), max(id) INTO low, high FROM new_entries;
    IF low IS NOT NULL THEN
        PERFORM set_config('ledger.entries_pending',
                           coalesce(current_setting('ledger.entries_pending', true), '') || low || ':' || high || ',',
                           true);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER entries_written AFTER INSERT ON ledger.entry REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.entries_written();

CREATE OR REPLACE FUNCTION ledger.entry_balances() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    pending    TEXT := coalesce(current_setting('ledger.entries_pending', true), '');
    range      TEXT;
    low        BIGINT;
    high       BIGINT;
    unbalanced BIGINT;
BEGIN
    IF pending = '' THEN
        RETURN NULL; -- every entry written so far was summed by an earlier call of this commit
    END IF;
    FOREACH range IN ARRAY string_to_array(rtrim(pending, ','), ',') LOOP
        low := split_part(range, ':', 1)::bigint;
        high := split_part(range, ':', 2)::bigint;
        SELECT min(e.id) FILTER (WHERE s.entry_id IS NULL OR s.debits <> s.credits OR s.lines < 2)
        INTO unbalanced
        FROM ledger.entry e
        LEFT JOIN (SELECT l.entry_id, coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0) AS debits,
                          coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0) AS credits, count(*) AS lines
                   FROM ledger.line l WHERE l.entry_id BETWEEN low AND high GROUP BY l.entry_id) s
               ON s.entry_id = e.id
        WHERE e.id BETWEEN low AND high;
        IF unbalanced IS NOT NULL THEN
            RAISE EXCEPTION 'journal entry % does not balance or has fewer than two lines', unbalanced
                USING ERRCODE = '23514';
        END IF;
    END LOOP;
    PERFORM set_config('ledger.entries_pending', '', true);
    RETURN NULL;
END
$$;
