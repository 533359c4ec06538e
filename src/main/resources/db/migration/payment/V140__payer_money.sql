-- A payer's row and money in one call (PaymentBook.money): the payer row (locked when asked, which serialises the
-- payer's money moves), the earlier payment under a reference (a repeated delivery is answered with it and reads
-- nothing more), and where the money stands: per bill not yet settled through the payer what their allocations paid
-- towards it, the open order, the balance, and the free money of each payment, oldest first. Before, a payment made
-- three round trips for this (the lock, the reference, payment.standing) and needed the open bills first; now the
-- bills are read after it, under the lock. A bill counts as settled through the payer when one of its allocations
-- completed it (the settled flag): a settlement is final, so such a bill is never open again, and a bill the flag
-- misses (one settled another way) only adds rows the caller ignores. The plans are made once per session
-- (plan_cache_mode), as for payment.standing (V137), which this replaces.
CREATE FUNCTION payment.payer_money(c text, ch text, src text, ref text, take_lock boolean, most integer)
    RETURNS TABLE (kind text, id bigint, part text, amount bigint, member_id uuid, name text)
    LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan
AS
$$
DECLARE
    payer payment.payer%ROWTYPE;
BEGIN
    IF take_lock THEN
        SELECT * INTO payer FROM payment.payer r WHERE r.customer_number = c FOR UPDATE;
    ELSE
        SELECT * INTO payer FROM payment.payer r WHERE r.customer_number = c;
    END IF;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT 'PAYER', payer.employer_id, CAST(NULL AS text), CAST(NULL AS bigint), payer.member_id,
                        payer.name;
    IF ref IS NOT NULL THEN
        RETURN QUERY SELECT 'EARLIER', p.id, CAST(NULL AS text), p.amount, CAST(NULL AS uuid), CAST(NULL AS text)
                       FROM payment.payment p WHERE p.channel = ch AND p.source = src AND p.reference = ref;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    RETURN QUERY
        WITH mine AS (SELECT p.* FROM payment.payment p WHERE p.customer_number = c
                      UNION ALL
                      SELECT p.* FROM payment.assignment a JOIN payment.payment p ON p.id = a.payment_id
                       WHERE a.customer_number = c),
             allocated AS MATERIALIZED (
                 SELECT l.bill_id, l.part, l.amount, l.settled FROM payment.allocation l WHERE l.customer_number = c)
        -- per bill not settled through the payer what the payer's allocations paid towards it, per part
        -- (one pass over the allocations, whatever the payer's history: per bill and part, then per bill)
        SELECT 'PAID', g.bill_id, g.part, g.amount, CAST(NULL AS uuid), CAST(NULL AS text)
          FROM (SELECT x.bill_id, x.part, CAST(sum(x.amount) AS bigint) AS amount,
                       bool_or(bool_or(x.settled)) OVER (PARTITION BY x.bill_id) AS bill_settled
                  FROM allocated x GROUP BY x.bill_id, x.part) g
         WHERE NOT g.bill_settled
        UNION ALL
        -- the open order
        SELECT 'ORDER', o.id, NULL, CAST(o.months_ahead AS bigint), NULL, NULL FROM payment.payment_order o
         WHERE o.customer_number = c AND o.status = 'OPEN'
        UNION ALL
        -- the balance: received less allocated
        SELECT 'BALANCE', NULL, NULL, CAST((SELECT coalesce(sum(m.amount), 0) FROM mine m)
                                           - (SELECT coalesce(sum(x.amount), 0) FROM allocated x) AS bigint), NULL, NULL
        UNION ALL
        -- the free money of the payer's payments (not allocated, not reversed), oldest first
        (SELECT 'FREE', f.id, NULL, CAST(f.free AS bigint), NULL, NULL FROM (
             SELECT m.id, m.amount - coalesce((SELECT sum(l.amount) FROM payment.allocation l
                                                WHERE l.payment_id = m.id), 0) AS free
               FROM mine m
              WHERE m.channel <> 'REVERSAL'
                AND NOT EXISTS (SELECT 1 FROM payment.payment r WHERE r.reverses = m.id)) f
          WHERE f.free > 0 ORDER BY f.id LIMIT most);
END
$$;

DROP FUNCTION payment.standing(text, bigint[], integer);
