-- Where a payer's money stands, kept up to date by every money move under the payer's lock (PaymentBook.keep)
-- instead of summed from the payer's whole history at every payment (V140 summed every payment and allocation of
-- the payer, so a payer's payment cost grew every month, and the daily credit run summed the whole payment table
-- once per page of payers). The history stays the record: payment and allocation rows are never changed, and these
-- three are what they add up to (a test compares them after every kind of move: PaymentDeskTests).
--
-- balance:      received less allocated (credit when positive, owed back after a reversal when negative);
-- free_money:   per payment (not a reversal, not reversed) its money not allocated yet, only while there is some;
-- paid_towards: per bill not yet settled through the payer (no allocation completing it), what the payer's
--               allocations paid towards each part of it.
ALTER TABLE payment.payer ADD COLUMN balance bigint NOT NULL DEFAULT 0;

CREATE TABLE payment.free_money (
    payment_id      bigint PRIMARY KEY REFERENCES payment.payment (id),
    customer_number text   NOT NULL REFERENCES payment.payer (customer_number),
    amount          bigint NOT NULL CHECK (amount > 0)
);
CREATE INDEX free_money_by_payer ON payment.free_money (customer_number, payment_id);

CREATE TABLE payment.paid_towards (
    customer_number text   NOT NULL REFERENCES payment.payer (customer_number),
    bill_id         bigint NOT NULL,
    part            text   NOT NULL CHECK (part IN ('PENALTY', 'CONTRIBUTION')),
    amount          bigint NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (customer_number, bill_id, part)
);

-- The payers with credit, for the daily credit run (Credits): few, so a small index.
CREATE INDEX payer_with_credit ON payment.payer (customer_number) WHERE balance > 0;

-- What the history adds up to so far (each a single pass over its tables). A test runs these three statements on
-- a history made by every kind of money move (PaymentDeskTests): keep the markers.
-- backfill begins
UPDATE payment.payer r
   SET balance = t.balance
  FROM (SELECT m.c, sum(m.amount) AS balance
          FROM (SELECT p.customer_number AS c, p.amount FROM payment.payment p WHERE p.customer_number IS NOT NULL
                UNION ALL
                SELECT a.customer_number, p.amount FROM payment.assignment a JOIN payment.payment p ON p.id = a.payment_id
                UNION ALL
                SELECT l.customer_number, -l.amount FROM payment.allocation l) m
         GROUP BY m.c) t
 WHERE r.customer_number = t.c AND t.balance <> 0;

INSERT INTO payment.free_money (payment_id, customer_number, amount)
SELECT f.id, f.c, f.free
  FROM (SELECT p.id, coalesce(p.customer_number, a.customer_number) AS c, p.amount - coalesce(d.drawn, 0) AS free
          FROM payment.payment p
               LEFT JOIN payment.assignment a ON a.payment_id = p.id
               LEFT JOIN (SELECT l.payment_id, sum(l.amount) AS drawn FROM payment.allocation l
                           GROUP BY l.payment_id) d ON d.payment_id = p.id
         WHERE p.channel <> 'REVERSAL'
           AND NOT EXISTS (SELECT 1 FROM payment.payment r WHERE r.reverses = p.id)) f
 WHERE f.c IS NOT NULL AND f.free > 0;

INSERT INTO payment.paid_towards (customer_number, bill_id, part, amount)
SELECT g.customer_number, g.bill_id, g.part, g.amount
  FROM (SELECT l.customer_number, l.bill_id, l.part, sum(l.amount) AS amount,
               bool_or(bool_or(l.settled)) OVER (PARTITION BY l.customer_number, l.bill_id) AS bill_settled
          FROM payment.allocation l GROUP BY l.customer_number, l.bill_id, l.part) g
 WHERE NOT g.bill_settled AND g.amount > 0;
-- backfill ends

-- The payer's row and money in one call, as V140, now read from the three: a few rows by index whatever the
-- payer's history. The earlier payment under a reference is looked up as before.
CREATE OR REPLACE FUNCTION payment.payer_money(c text, ch text, src text, ref text, take_lock boolean, most integer)
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
    RETURN QUERY SELECT 'BALANCE', CAST(NULL AS bigint), CAST(NULL AS text), payer.balance, CAST(NULL AS uuid),
                        CAST(NULL AS text);
    RETURN QUERY SELECT 'PAID', t.bill_id, t.part, t.amount, CAST(NULL AS uuid), CAST(NULL AS text)
                   FROM payment.paid_towards t WHERE t.customer_number = c;
    RETURN QUERY SELECT 'ORDER', o.id, CAST(NULL AS text), CAST(o.months_ahead AS bigint), CAST(NULL AS uuid),
                        CAST(NULL AS text)
                   FROM payment.payment_order o WHERE o.customer_number = c AND o.status = 'OPEN';
    RETURN QUERY SELECT 'FREE', f.payment_id, CAST(NULL AS text), f.amount, CAST(NULL AS uuid), CAST(NULL AS text)
                   FROM payment.free_money f WHERE f.customer_number = c ORDER BY f.payment_id LIMIT most;
END
$$;
