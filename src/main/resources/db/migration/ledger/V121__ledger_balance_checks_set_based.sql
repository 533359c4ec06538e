-- The commit check of V120, equally strict but set-based, so that posting many entries in one transaction (the
-- yearly yield crediting: thousands of entries per chunk) costs one query per commit, not one per entry. (The
-- statement check on lines follows in V122.)
--
-- entry_balanced (deferred to commit, once per inserted entry): every entry balances and has at least two lines.
-- PostgreSQL has no deferred statement-level trigger, so the trigger stays per row, but the first deferred call of
-- a batch (the commit, or SET CONSTRAINTS ... IMMEDIATE) checks in one query (a range scan of the entries merged
-- with a range scan of the lines by entry id) every entry from its own id upward: that range holds this entry and
-- every later one visible, so every other entry of the batch whose id is not lower; entries of other transactions
-- in it committed after the same check. The range checked is remembered in a transaction-local setting, and the
-- later calls of the batch whose id lies inside it return at once; a call below the range checks again from its own
-- id. No entry can be inserted while a batch of deferred calls runs, and the statement trigger entries_unchecked
-- forgets the range after every INSERT, so an entry inserted after a check is never taken for checked. A
-- rolled-back savepoint restores the setting as it was. The check is V120's.
CREATE OR REPLACE FUNCTION ledger.entry_balances() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    checked      TEXT := coalesce(current_setting('ledger.entries_checked', true), '');
    highest      BIGINT;
    unbalanced   BIGINT;
BEGIN
    IF checked <> '' AND NEW.id BETWEEN split_part(checked, ':', 1)::bigint AND split_part(checked, ':', 2)::bigint
    THEN
        RETURN NULL;
    END IF;
    SELECT max(e.id), min(e.id) FILTER (WHERE s.entry_id IS NULL OR s.debits <> s.credits OR s.lines < 2)
    INTO highest, unbalanced
    FROM ledger.entry e
    LEFT JOIN (SELECT l.entry_id, coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0) AS debits,
                      coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0) AS credits, count(*) AS lines
               FROM ledger.line l WHERE l.entry_id >= NEW.id GROUP BY l.entry_id) s ON s.entry_id = e.id
    WHERE e.id >= NEW.id;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % does not balance or has fewer than two lines', unbalanced
            USING ERRCODE = '23514';
    END IF;
    PERFORM set_config('ledger.entries_checked', NEW.id || ':' || highest, true);
    RETURN NULL;
END
$$;

CREATE FUNCTION ledger.forget_entries_checked() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM set_config('ledger.entries_checked', '', true);
    RETURN NULL;
END
$$;
CREATE TRIGGER entries_unchecked AFTER INSERT ON ledger.entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.forget_entries_checked();
