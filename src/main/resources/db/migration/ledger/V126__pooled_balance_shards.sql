-- The pooled accounts (funds, clearing, receivable, penalty income) are touched by every posting: with one cached
-- balance row each, every settled bill waited for the one before it to commit (measured: 10 ms per balance update
-- under 8 concurrent payments, docs/performance.md). Their postings now add to one of 16 shard rows chosen per
-- transaction, so concurrent postings rarely wait for each other. A pooled account's cached balance is its
-- ledger.balance row plus the sum of its shards; ledger.cached_balance gives that for every account, and
-- `ledger check` compares it with the lines.
CREATE TABLE ledger.balance_shard
(
    account_id BIGINT   NOT NULL, -- a pooled account (Journal writes only ids read from ledger.account)
    shard      SMALLINT NOT NULL CHECK (shard BETWEEN 0 AND 15),
    debits     BIGINT   NOT NULL DEFAULT 0,
    credits    BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, shard)
) WITH (fillfactor = 50);

CREATE VIEW ledger.cached_balance AS
SELECT b.account_id, b.debits + coalesce(s.debits, 0) AS debits, b.credits + coalesce(s.credits, 0) AS credits
FROM ledger.balance b
LEFT JOIN (SELECT account_id, sum(debits) AS debits, sum(credits) AS credits
           FROM ledger.balance_shard GROUP BY account_id) s ON s.account_id = b.account_id;

-- Each line's foreign key to its account took a share lock on the account row; with a pooled account in every
-- posting, concurrent postings shared those locks through multixacts, the next cost after the balance rows
-- (1.9 ms per line insert under load). Accounts are never deleted (refused below) and their ids never change
-- (identity ALWAYS), so the same guarantee is a check once per statement that every account named exists.
ALTER TABLE ledger.line DROP CONSTRAINT line_account_id_fkey;
CREATE TRIGGER account_kept BEFORE DELETE OR TRUNCATE ON ledger.account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();

CREATE FUNCTION ledger.lines_name_accounts() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    unknown BIGINT;
BEGIN
    SELECT n.account_id INTO unknown
    FROM (SELECT DISTINCT account_id FROM new_lines) n
    WHERE NOT EXISTS (SELECT 1 FROM ledger.account a WHERE a.id = n.account_id)
    LIMIT 1;
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'journal line names account %, which does not exist', unknown USING ERRCODE = '23503';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER lines_name_accounts AFTER INSERT ON ledger.line REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.lines_name_accounts();
