-- The two statement checks on journal lines (V122: every line's entry exists and the entries balance; V126: every
-- line's account exists) become one trigger, and their queries no longer depend on table statistics. PL/pgSQL keeps
-- a trigger query's plan for the life of the connection; planned while ledger.account or ledger.entry looked empty
-- (a new database, or one whose statistics are stale), the checks were hash anti-joins reading the whole table on
-- every insert of lines: 2-3 ms per statement and growing with the table (measured with auto_explain during the
-- SNAP benchmark, docs/performance.md). A correlated scalar subquery is never turned into a join: each distinct
-- account and entry of the statement is one primary-key lookup, whatever the statistics say. Equally strict.
CREATE OR REPLACE FUNCTION ledger.lines_balance() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    unknown_account BIGINT;
    bad_entry       BIGINT;
    missing_entry   BOOLEAN;
BEGIN
    SELECT n.account_id INTO unknown_account
    FROM (SELECT DISTINCT account_id FROM new_lines) n
    WHERE (SELECT a.id FROM ledger.account a WHERE a.id = n.account_id) IS NULL
    LIMIT 1;
    IF unknown_account IS NOT NULL THEN
        RAISE EXCEPTION 'journal line names account %, which does not exist', unknown_account USING ERRCODE = '23503';
    END IF;
    -- An entry this transaction created (xmin is its own xid) has had no lines but this transaction's, all summed
    -- again by the commit check (V127); an older entry's earlier lines are summed here (V122).
    SELECT n.entry_id, n.created_by IS NULL INTO bad_entry, missing_entry
    FROM (SELECT g.entry_id, g.debits, g.credits,
                 (SELECT e.xmin FROM ledger.entry e WHERE e.id = g.entry_id) AS created_by
          FROM (SELECT entry_id, coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) AS debits,
                       coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) AS credits
                FROM new_lines GROUP BY entry_id) g
          OFFSET 0) n
    WHERE n.created_by IS NULL OR n.debits <> n.credits
       OR (n.created_by <> xid(pg_current_xact_id())
           AND (SELECT coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0)
                       <> coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0)
                FROM ledger.line l WHERE l.entry_id = n.entry_id))
    LIMIT 1;
    IF missing_entry THEN
        RAISE EXCEPTION 'journal line of entry %, which does not exist', bad_entry USING ERRCODE = '23503';
    ELSIF bad_entry IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % does not balance', bad_entry USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER lines_name_accounts ON ledger.line;
DROP FUNCTION ledger.lines_name_accounts();
