-- What each member's JHT account received in contributions each year, kept with its lines: the employer's and the
-- worker's shares, signed as the member sees them (credits add; a reversal takes away). A line's year is the year of
-- its entry's effective date. The yield of each year is already kept, by the yearly crediting, in
-- ledger.yield_credit (one row per account and year, written in the statement that writes the yield's lines). The
-- balance screen and the balance API read these few rows instead of summing every line the account ever had (720
-- lines, each on its own page, for thirty years of monthly contributions), docs/performance.md. A statement trigger
-- keeps the rows in the statement that writes the lines, so every writer of contribution lines keeps them alike;
-- `ledger check` compares them with the lines.
CREATE TABLE ledger.balance_year
(
    account_id BIGINT   NOT NULL REFERENCES ledger.account (id),
    year       SMALLINT NOT NULL,
    employer   BIGINT   NOT NULL,
    worker     BIGINT   NOT NULL,
    PRIMARY KEY (account_id, year)
);

-- Only the statement's EMPLOYER and WORKER lines are looked at (a yearly crediting chunk has none, so it pays
-- nothing here). No join: PL/pgSQL plans this once per connection without knowing how many lines the transition
-- table holds, and a join between its rows and anything else may be planned as a nested loop (a first version with
-- joined CTEs ran for minutes on a million lines). Each line's account and entry are primary-key lookups
-- (correlated scalar subqueries, never turned into joins, as in V135), so the cost is linear in the lines whatever
-- the statistics. Rows are written in (account, year) order, the same in every statement, so two postings never
-- deadlock on them.
CREATE FUNCTION ledger.lines_by_year() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO ledger.balance_year AS kept (account_id, year, employer, worker)
    SELECT s.account_id, s.year,
           sum(CASE WHEN s.component = 'EMPLOYER' THEN s.signed ELSE 0 END),
           sum(CASE WHEN s.component = 'WORKER' THEN s.signed ELSE 0 END)
    FROM (SELECT l.account_id, l.component, CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END AS signed,
                 (SELECT extract(YEAR FROM x.effective_on)::int FROM ledger.entry x WHERE x.id = l.entry_id) AS year
          FROM new_lines l
          WHERE l.component IN ('EMPLOYER', 'WORKER')
            AND (SELECT x.kind FROM ledger.account x WHERE x.id = l.account_id) = 'MEMBER_JHT'
          OFFSET 0) s
    GROUP BY s.account_id, s.year
    ORDER BY s.account_id, s.year
    ON CONFLICT (account_id, year) DO UPDATE
        SET employer = kept.employer + excluded.employer, worker = kept.worker + excluded.worker;
    RETURN NULL;
END
$$;

CREATE TRIGGER lines_by_year AFTER INSERT ON ledger.line REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.lines_by_year();

INSERT INTO ledger.balance_year (account_id, year, employer, worker)
SELECT l.account_id, extract(YEAR FROM e.effective_on)::int,
       sum(CASE WHEN l.component = 'EMPLOYER' THEN s.signed ELSE 0 END),
       sum(CASE WHEN l.component = 'WORKER' THEN s.signed ELSE 0 END)
FROM ledger.line l
JOIN ledger.entry e ON e.id = l.entry_id
JOIN ledger.account a ON a.id = l.account_id AND a.kind = 'MEMBER_JHT',
     LATERAL (SELECT CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END AS signed) s
WHERE l.component IN ('EMPLOYER', 'WORKER')
GROUP BY 1, 2;
