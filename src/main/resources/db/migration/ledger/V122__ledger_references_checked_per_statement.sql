-- The references of journal lines to their entries and of yield credits, checked once per statement instead of row
-- by row, with the balance of the lines (the statement check of V120) in the same trigger. A foreign key checks each
-- inserted row with a query of its own (and a row lock on the referenced row); the yield crediting writes two lines
-- and one yield_credit row per account, so those row checks (with the lines' account key, which V126 replaces the
-- same way) were 40-45 % of a chunk's statement. The checks below are
-- set-based and as strict, because none of the referenced rows can ever go away or change its id: journal entries
-- and yield rates are append-only since V120 (UPDATE, DELETE and TRUNCATE refused), and ledger accounts are made
-- permanent here. A reference that is valid when its row is written therefore stays valid, which is all the foreign
-- key's row lock was for. (A row of another transaction not yet committed is invisible to both checks alike.) The
-- other foreign keys of the ledger stay as they were.

-- A ledger account is never deleted nor renumbered (its lines and balance are the member's money).
CREATE FUNCTION ledger.refuse_account_removal() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'ledger accounts are permanent: % refused', TG_OP USING ERRCODE = '23001';
END
$$;
CREATE TRIGGER account_permanent BEFORE DELETE OR TRUNCATE ON ledger.account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_account_removal();
CREATE TRIGGER account_id_permanent BEFORE UPDATE OF id ON ledger.account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_account_removal();

ALTER TABLE ledger.line DROP CONSTRAINT line_entry_id_fkey;
ALTER TABLE ledger.yield_credit DROP CONSTRAINT yield_credit_account_id_fkey,
    DROP CONSTRAINT yield_credit_rate_id_fkey, DROP CONSTRAINT yield_credit_entry_id_fkey;

-- An entry is reversed at most once: the same uniqueness over the reversals only, so that the entries that reverse
-- nothing (nearly all) add no NULL to a unique index.
ALTER TABLE ledger.entry DROP CONSTRAINT entry_reverses_key;
CREATE UNIQUE INDEX entry_reverses ON ledger.entry (reverses) WHERE reverses IS NOT NULL;

-- After each statement inserting lines: every line names an existing entry (as the foreign key did, SQLSTATE 23503),
-- and every entry the statement touched balances. (The line's account keeps its foreign key here; V126 checks it
-- per statement as well.) The lines a statement adds to an entry must
-- balance by themselves; for an entry of an earlier transaction all its lines are summed as well (V120). An entry
-- this transaction created (xmin is its own xid) has had no lines but this transaction's, and all of them are summed
-- again by the commit check (V121), so summing them here too would only repeat that work; an entry created in a
-- savepoint has another xmin and is summed here, which is merely cautious.
CREATE OR REPLACE FUNCTION ledger.lines_balance() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    unbalanced    BIGINT;
    missing_entry BOOLEAN;
BEGIN
    SELECT n.entry_id, e.id IS NULL INTO unbalanced, missing_entry
    FROM (SELECT entry_id, coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) AS debits,
                 coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) AS credits
          FROM new_lines GROUP BY entry_id) n
    LEFT JOIN ledger.entry e ON e.id = n.entry_id
    WHERE e.id IS NULL OR n.debits <> n.credits
       OR (e.xmin <> xid(pg_current_xact_id())
           AND (SELECT coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0)
                       <> coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0)
                FROM ledger.line l WHERE l.entry_id = n.entry_id))
    LIMIT 1;
    IF missing_entry THEN
        RAISE EXCEPTION 'journal line of entry %, which does not exist', unbalanced USING ERRCODE = '23503';
    ELSIF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;

-- After each statement inserting or updating yield credits: the account, the rate and the entry (when there is one)
-- exist.
CREATE FUNCTION ledger.yield_credits_refer() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    dangling TEXT;
BEGIN
    SELECT format('account %s, year %s: %s', n.account_id, n.year,
                  CASE WHEN a.id IS NULL THEN 'no account ' || n.account_id
                       WHEN r.id IS NULL THEN 'no yield rate ' || n.rate_id
                       ELSE 'no journal entry ' || n.entry_id END)
    INTO dangling
    FROM new_credits n
    LEFT JOIN ledger.account a ON a.id = n.account_id
    LEFT JOIN ledger.yield_rate r ON r.id = n.rate_id
    LEFT JOIN ledger.entry e ON e.id = n.entry_id
    WHERE a.id IS NULL OR r.id IS NULL OR (n.entry_id IS NOT NULL AND e.id IS NULL)
    LIMIT 1;
    IF dangling IS NOT NULL THEN
        RAISE EXCEPTION 'yield credit of %', dangling USING ERRCODE = '23503';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER yield_credits_inserted AFTER INSERT ON ledger.yield_credit REFERENCING NEW TABLE AS new_credits
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.yield_credits_refer();
CREATE TRIGGER yield_credits_updated AFTER UPDATE ON ledger.yield_credit REFERENCING NEW TABLE AS new_credits
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.yield_credits_refer();
