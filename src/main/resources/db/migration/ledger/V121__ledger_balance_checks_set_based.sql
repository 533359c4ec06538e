-- The two balance checks of V120, equally strict but set-based, so that posting many entries in one transaction
-- (the yearly yield crediting: thousands of entries per chunk) costs index look-ups, not a query per entry.
--
-- lines_balanced (after each statement inserting lines): every entry the statement touched balances over ALL its
-- lines. V120 grouped ledger.line by entry_id filtered by IN (transition table); without statistics on the
-- transition table the planner could scan every line of the journal (hundreds of ms per statement, growing with the
-- journal). Now each touched entry is summed through the line primary key (entry_id, line_no).
CREATE OR REPLACE FUNCTION ledger.lines_balance() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    unbalanced BIGINT;
BEGIN
    SELECT n.entry_id INTO unbalanced
    FROM (SELECT DISTINCT entry_id FROM new_lines) n
    CROSS JOIN LATERAL (SELECT coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0) AS debits,
                               coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0) AS credits
                        FROM ledger.line l WHERE l.entry_id = n.entry_id) s
    WHERE s.debits <> s.credits
    LIMIT 1;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;

-- entry_balanced (deferred to commit, once per inserted entry): every entry balances and has at least two lines.
-- PostgreSQL has no deferred statement-level trigger, so the trigger stays per row, but the first deferred call of
-- a batch (the commit, or SET CONSTRAINTS ... IMMEDIATE) checks in one query every entry from its own id upward:
-- that range holds this entry and every later one visible, so every other entry of the batch whose id is not lower;
-- entries of other transactions in it committed after the same check. The range checked is remembered in a
-- transaction-local setting, and the later calls of the batch whose id lies inside it return at once; a call below
-- the range checks again from its own id. No entry can be inserted while a batch of deferred calls runs, and the
-- statement trigger entries_unchecked forgets the range after every INSERT, so an entry inserted after a check is
-- never taken for checked. A rolled-back savepoint restores the setting as it was. The check is V120's.
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
    SELECT max(e.id), min(e.id) FILTER (WHERE s.debits <> s.credits OR s.lines < 2)
    INTO highest, unbalanced
    FROM ledger.entry e
    CROSS JOIN LATERAL (SELECT coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0) AS debits,
                               coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0) AS credits,
                               count(*) AS lines
                        FROM ledger.line l WHERE l.entry_id = e.id) s
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
