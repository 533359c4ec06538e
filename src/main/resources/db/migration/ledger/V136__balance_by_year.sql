-- What a member's JHT account moved each year, kept with its lines: contributions (employer and worker shares) and
-- yield, signed as the member sees them (credits add, debits and reversals take away). The balance screen and the
-- balance API read a member's few year rows instead of summing every line the account ever had (720 lines for 30
-- years of monthly contributions, each on its own page), docs/performance.md. A trigger keeps the rows, so every
-- writer of lines (the journal, the yearly crediting's set-based chunks) keeps them alike, in the same statement;
-- `ledger check` compares them with the lines. A line's year is its entry's yield year, else its effective date's.
CREATE TABLE ledger.balance_year
(
    account_id BIGINT   NOT NULL REFERENCES ledger.account (id),
    year       SMALLINT NOT NULL,
    employer   BIGINT   NOT NULL,
    worker     BIGINT   NOT NULL,
    yield      BIGINT   NOT NULL,
    moved      BIGINT   NOT NULL,
    PRIMARY KEY (account_id, year)
);

-- Correlated scalar subqueries (as in V135): each line's entry and account are primary-key lookups whatever the
-- statistics say when PL/pgSQL plans this once per connection. Rows are written in (account, year) order, the same
-- order in every statement, so two postings never deadlock on them.
CREATE FUNCTION ledger.lines_by_year() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO ledger.balance_year AS y (account_id, year, employer, worker, yield, moved)
    SELECT n.account_id, n.year,
           sum(CASE WHEN n.component = 'EMPLOYER' THEN n.signed ELSE 0 END),
           sum(CASE WHEN n.component = 'WORKER' THEN n.signed ELSE 0 END),
           sum(CASE WHEN n.component = 'YIELD' THEN n.signed ELSE 0 END),
           sum(n.signed)
    FROM (SELECT l.account_id, l.component, CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END AS signed,
                 (SELECT coalesce(e.yield_year, extract(YEAR FROM e.effective_on)::int)
                  FROM ledger.entry e WHERE e.id = l.entry_id) AS year
          FROM new_lines l
          WHERE (SELECT a.kind FROM ledger.account a WHERE a.id = l.account_id) = 'MEMBER_JHT'
          OFFSET 0) n
    GROUP BY n.account_id, n.year
    ORDER BY n.account_id, n.year
    ON CONFLICT (account_id, year) DO UPDATE
        SET employer = y.employer + excluded.employer, worker = y.worker + excluded.worker,
            yield = y.yield + excluded.yield, moved = y.moved + excluded.moved;
    RETURN NULL;
END
$$;

CREATE TRIGGER lines_by_year AFTER INSERT ON ledger.line REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.lines_by_year();

INSERT INTO ledger.balance_year (account_id, year, employer, worker, yield, moved)
SELECT l.account_id, coalesce(e.yield_year, extract(YEAR FROM e.effective_on)::int),
       sum(CASE WHEN l.component = 'EMPLOYER' THEN s.signed ELSE 0 END),
       sum(CASE WHEN l.component = 'WORKER' THEN s.signed ELSE 0 END),
       sum(CASE WHEN l.component = 'YIELD' THEN s.signed ELSE 0 END),
       sum(s.signed)
FROM ledger.line l
JOIN ledger.entry e ON e.id = l.entry_id
JOIN ledger.account a ON a.id = l.account_id AND a.kind = 'MEMBER_JHT',
     LATERAL (SELECT CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END AS signed) s
GROUP BY 1, 2;
