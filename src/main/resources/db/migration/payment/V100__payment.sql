-- Payments: money received by virtual account, in cash or by transfer, allocated to the payer's bills (issue 5).
CREATE SCHEMA IF NOT EXISTS payment;

-- One row per payer, created the first time money or an inquiry reaches them. Its row lock serialises every money
-- move of the payer (payments, allocations, order changes), so two payments for one order cannot both be accepted.
-- The customer number is the part of the virtual-account number after any bank's prefix: 1 + NPP for an employer,
-- 2 + KPJ for an informal worker.
CREATE TABLE payment.payer
(
    customer_number TEXT PRIMARY KEY CHECK (customer_number ~ '^(1[0-9]{8}|2[0-9]{11})$'),
    employer_id     BIGINT UNIQUE,
    member_id       UUID UNIQUE,
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK ((employer_id IS NULL) <> (member_id IS NULL)),
    CHECK ((employer_id IS NOT NULL) = (customer_number LIKE '1%'))
);

-- What the payer's virtual account must pay now. No open order means "all arrears as of the day"; an informal worker
-- may open an order for months ahead. At most one open order per payer.
CREATE TABLE payment.payment_order
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_number TEXT        NOT NULL REFERENCES payment.payer (customer_number),
    months_ahead    INTEGER     NOT NULL CHECK (months_ahead IN (1, 3, 6, 12)),
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'PAID', 'REPLACED')),
    created_by      UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ,
    payment_id      BIGINT UNIQUE,
    CHECK ((status = 'PAID') = (payment_id IS NOT NULL))
);
CREATE UNIQUE INDEX payment_order_open ON payment.payment_order (customer_number) WHERE status = 'OPEN';

-- Money received, append-only. A reversal is a new row with the negative amount that names the row it reverses.
-- A transfer that matches no payer has no customer number until an officer assigns it (payment.assignment).
CREATE TABLE payment.payment
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         TEXT        NOT NULL CHECK (channel IN ('VIRTUAL_ACCOUNT', 'CASH', 'TRANSFER', 'REVERSAL')),
    source          TEXT        NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
    reference       TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    customer_number TEXT REFERENCES payment.payer (customer_number),
    amount          BIGINT      NOT NULL CHECK (amount <> 0),
    received_at     TIMESTAMPTZ NOT NULL,
    paid_on         DATE        NOT NULL,
    recorded_by     UUID,
    receipt_number  TEXT UNIQUE,
    reverses        BIGINT UNIQUE REFERENCES payment.payment (id),
    reason          TEXT CHECK (length(reason) <= 500),
    UNIQUE (channel, source, reference),
    CHECK ((channel = 'REVERSAL') = (reverses IS NOT NULL)),
    CHECK ((channel = 'REVERSAL') = (amount < 0)),
    CHECK (channel <> 'REVERSAL' OR reason IS NOT NULL),
    CHECK (channel = 'TRANSFER' OR channel = 'REVERSAL' OR customer_number IS NOT NULL),
    CHECK ((channel = 'CASH') = (receipt_number IS NOT NULL))
);
CREATE INDEX payment_by_payer ON payment.payment (customer_number, id);
CREATE INDEX payment_by_day ON payment.payment (paid_on, channel, source);

-- A transfer that waited in suspense, assigned to a payer by an officer (once).
CREATE TABLE payment.assignment
(
    payment_id      BIGINT PRIMARY KEY REFERENCES payment.payment (id),
    customer_number TEXT        NOT NULL REFERENCES payment.payer (customer_number),
    assigned_by     UUID        NOT NULL,
    assigned_at     TIMESTAMPTZ NOT NULL,
    note            TEXT        NOT NULL CHECK (length(note) BETWEEN 1 AND 500)
);

-- Which money went to which bill: a bill's penalty first, then its contribution (oldest bill first). A reversal
-- takes back the allocations to bills still open with negative rows. What a payment has not allocated is the payer's
-- credit, used by the next bill.
CREATE TABLE payment.allocation
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id      BIGINT      NOT NULL REFERENCES payment.payment (id),
    customer_number TEXT        NOT NULL REFERENCES payment.payer (customer_number),
    bill_id         BIGINT      NOT NULL,
    part            TEXT        NOT NULL CHECK (part IN ('PENALTY', 'CONTRIBUTION')),
    amount          BIGINT      NOT NULL CHECK (amount <> 0),
    allocated_at    TIMESTAMPTZ NOT NULL,
    settled         BOOLEAN     NOT NULL
);
CREATE INDEX assignment_by_payer ON payment.assignment (customer_number);
CREATE INDEX allocation_by_payment ON payment.allocation (payment_id);
CREATE INDEX allocation_by_payer_bill ON payment.allocation (customer_number, bill_id);

-- Receipt numbers per year: the row lock hands each number out once and a rolled-back payment gives its number back.
CREATE TABLE payment.receipt_sequence
(
    year INTEGER PRIMARY KEY,
    last BIGINT NOT NULL CHECK (last > 0)
);

-- An officer's cash drawer for a day: opened by the first cash payment, closed once with the amount counted.
CREATE TABLE payment.cash_drawer
(
    officer_id UUID        NOT NULL,
    day        DATE        NOT NULL,
    opened_at  TIMESTAMPTZ NOT NULL,
    closed_at  TIMESTAMPTZ,
    recorded   BIGINT,
    counted    BIGINT CHECK (counted >= 0),
    note       TEXT CHECK (length(note) <= 500),
    PRIMARY KEY (officer_id, day),
    CHECK ((closed_at IS NULL) = (counted IS NULL) AND (closed_at IS NULL) = (recorded IS NULL))
);

-- Money rows are never changed.
CREATE FUNCTION payment.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '23001';
END
$$;
CREATE TRIGGER payment_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON payment.payment
    FOR EACH STATEMENT EXECUTE FUNCTION payment.refuse_change();
CREATE TRIGGER allocation_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON payment.allocation
    FOR EACH STATEMENT EXECUTE FUNCTION payment.refuse_change();
CREATE TRIGGER assignment_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON payment.assignment
    FOR EACH STATEMENT EXECUTE FUNCTION payment.refuse_change();
