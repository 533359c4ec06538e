-- Where a payer's money stands (PaymentBook.standing), as a function so that its plan is made once per session.
-- As a statement from the platform, PostgreSQL planned it again for about 40 % of the calls in the SNAP benchmark
-- (a custom plan for the parameters, 0.8 ms, where running it takes 0.2 ms): the largest single cost of a payment in
-- the database. A PL/pgSQL function keeps the plans of its statements for the session; plan_cache_mode makes them
-- generic, so they never depend on the parameters' values. Every part reads by the payer's customer number (or by a
-- payment of the payer), through an index, whatever the values.
CREATE FUNCTION payment.standing(c text, bills bigint[], most integer)
    RETURNS TABLE (kind text, id bigint, part text, amount bigint)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan
AS
$$
BEGIN
    RETURN QUERY
        WITH mine AS (SELECT p.* FROM payment.payment p WHERE p.customer_number = c
                      UNION ALL
                      SELECT p.* FROM payment.assignment a JOIN payment.payment p ON p.id = a.payment_id
                       WHERE a.customer_number = c),
             allocated AS MATERIALIZED (
                 SELECT l.bill_id, l.part, l.amount FROM payment.allocation l WHERE l.customer_number = c)
        -- per open bill what the payer's allocations paid towards it, per part
        SELECT 'PAID', x.bill_id, x.part, CAST(sum(x.amount) AS bigint)
          FROM allocated x WHERE x.bill_id = ANY (bills) GROUP BY x.bill_id, x.part
        UNION ALL
        -- the open order
        SELECT 'ORDER', o.id, NULL, CAST(o.months_ahead AS bigint) FROM payment.payment_order o
         WHERE o.customer_number = c AND o.status = 'OPEN'
        UNION ALL
        -- the balance: received less allocated
        SELECT 'BALANCE', NULL, NULL, CAST((SELECT coalesce(sum(m.amount), 0) FROM mine m)
                                           - (SELECT coalesce(sum(x.amount), 0) FROM allocated x) AS bigint)
        UNION ALL
        -- the free money of the payer's payments (not allocated, not reversed), oldest first
        (SELECT 'FREE', f.id, NULL, CAST(f.free AS bigint) FROM (
             SELECT m.id, m.amount - coalesce((SELECT sum(l.amount) FROM payment.allocation l
                                                WHERE l.payment_id = m.id), 0) AS free
               FROM mine m
              WHERE m.channel <> 'REVERSAL'
                AND NOT EXISTS (SELECT 1 FROM payment.payment r WHERE r.reverses = m.id)) f
          WHERE f.free > 0 ORDER BY f.id LIMIT most);
END
$$;
