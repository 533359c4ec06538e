package id.jamsos.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciles the ledger: every cached balance against the sum of its lines; Σ debits against Σ credits; per program,
 * what the clearing account received against what the funds and the members' JHT accounts hold; each member's JHT
 * balance against their recorded contributions and yield; the JP fund against the recorded JP months; and no settled
 * bill has failed to post (V134).
 */
@Service
public class LedgerCheck {

    private final JdbcClient jdbc;

    LedgerCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every difference found, one line each; empty when the ledger is consistent. */
    @Transactional(readOnly = true)
    public List<String> differences() {
        List<String> found = new ArrayList<>();
        found.addAll(jdbc.sql("""
                        SELECT format('account %s (%s %s): cached debits %s credits %s, lines debits %s credits %s',
                                      a.id, a.kind, coalesce(a.program, '-'), b.debits, b.credits,
                                      coalesce(s.debits, 0), coalesce(s.credits, 0))
                        FROM ledger.account a JOIN ledger.cached_balance b ON b.account_id = a.id
                        LEFT JOIN (SELECT account_id, sum(amount) FILTER (WHERE side = 'D') AS debits,
                                          sum(amount) FILTER (WHERE side = 'C') AS credits
                                   FROM ledger.line GROUP BY account_id) s ON s.account_id = a.id
                        WHERE b.debits <> coalesce(s.debits, 0) OR b.credits <> coalesce(s.credits, 0)
                        ORDER BY a.id""").query(String.class).list());
        found.addAll(jdbc.sql("""
                        SELECT format('account %s year %s: kept employer %s worker %s, lines employer %s worker %s',
                                      account_id, year, coalesce(k.employer, 0), coalesce(k.worker, 0),
                                      coalesce(s.employer, 0), coalesce(s.worker, 0))
                        FROM ledger.balance_year k
                        FULL JOIN (SELECT l.account_id, extract(YEAR FROM e.effective_on)::int AS year,
                                          sum(CASE WHEN l.component = 'EMPLOYER' THEN t.signed ELSE 0 END) employer,
                                          sum(CASE WHEN l.component = 'WORKER' THEN t.signed ELSE 0 END) worker
                                   FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                                   JOIN ledger.account a ON a.id = l.account_id AND a.kind = 'MEMBER_JHT',
                                        LATERAL (SELECT CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END) t(signed)
                                   WHERE l.component IN ('EMPLOYER', 'WORKER')
                                   GROUP BY 1, 2) s USING (account_id, year)
                        WHERE k.employer IS DISTINCT FROM s.employer OR k.worker IS DISTINCT FROM s.worker
                        ORDER BY account_id, year LIMIT 1000""").query(String.class).list());
        found.addAll(jdbc.sql("""
                        SELECT format('journal: debits %s, credits %s', d, c)
                        FROM (SELECT coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) d,
                                     coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) c FROM ledger.line) t
                        WHERE d <> c""").query(String.class).list());
        found.addAll(jdbc.sql("""
                        WITH held AS (
                            SELECT a.program, a.kind, sum(b.credits - b.debits) AS balance
                            FROM ledger.account a JOIN ledger.cached_balance b ON b.account_id = a.id
                            WHERE a.program IS NOT NULL GROUP BY a.program, a.kind)
                        SELECT format('program %s: received %s, funds and members hold %s', program, received, held)
                        FROM (SELECT program,
                                     -coalesce(sum(balance) FILTER (WHERE kind IN ('CLEARING', 'RECEIVABLE')), 0) received,
                                     coalesce(sum(balance) FILTER (WHERE kind IN ('FUND', 'MEMBER_JHT')), 0) held
                              FROM held GROUP BY program) t
                        WHERE received <> held ORDER BY program""").query(String.class).list());
        found.addAll(jdbc.sql("""
                        SELECT format('member %s: JHT balance %s, contributions %s + yield %s', a.member_id,
                                      b.credits - b.debits, coalesce(c.total, 0), coalesce(y.total, 0))
                        FROM ledger.account a JOIN ledger.cached_balance b ON b.account_id = a.id
                        LEFT JOIN (SELECT member_id, sum(employer + worker) total FROM ledger.jht_contribution
                                   GROUP BY member_id) c ON c.member_id = a.member_id
                        LEFT JOIN (SELECT account_id, sum(amount) total FROM ledger.yield_credit
                                   GROUP BY account_id) y ON y.account_id = a.id
                        WHERE a.kind = 'MEMBER_JHT' AND b.credits - b.debits <> coalesce(c.total, 0) + coalesce(y.total, 0)
                        ORDER BY a.id LIMIT 1000""").query(String.class).list());
        found.addAll(jdbc.sql("""
                        SELECT format('JP fund: lines from workers %s, recorded JP months %s', f, m)
                        FROM (SELECT coalesce(sum(CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END), 0) f
                              FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                              JOIN ledger.account a ON a.id = l.account_id
                              WHERE a.kind = 'FUND' AND a.program = 'JP' AND e.bill_id IS NOT NULL) fund,
                             (SELECT coalesce(sum(employer + worker), 0) m FROM ledger.jp_month) months
                        WHERE f < m""").query(String.class).list());
        // A settled bill still waiting is on its way; one that failed to post is money missing from the accounts.
        found.addAll(jdbc.sql("""
                        SELECT format('posting queue: bill %s not posted after %s attempt(s): %s', bill_id, attempts,
                                      left(last_error, 300))
                        FROM ledger.posting_queue WHERE attempts > 0 ORDER BY bill_id LIMIT 100""")
                .query(String.class).list());
        return found;
    }
}
