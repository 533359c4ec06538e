-- Settled bills waiting to be posted. The ledger's listener of BillSettled only queues the bill here (one row, in
-- its own short transaction), and the poster (LedgerPoster) posts the queue in batches: one journal statement for
-- the entries and one for the lines of up to a hundred bills, whose statement checks, commit check and pooled
-- balance shards are then paid once per batch instead of once per bill, and no two postings of one instance compete
-- for the same shard rows (measured: docs/performance.md). A bill is queued once; queued again after a restart, its
-- posting finds the entry's idempotency key and posts nothing. A bill that fails to post waits with its error and is
-- retried later (retry_after), so it never holds up the others.
CREATE TABLE ledger.posting_queue
(
    bill_id     BIGINT PRIMARY KEY,
    employer_id BIGINT,
    member_id   UUID,
    period      TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    paid_on     DATE        NOT NULL,
    penalty     BIGINT      NOT NULL CHECK (penalty >= 0),
    programs    TEXT[]      NOT NULL,
    parties     TEXT[]      NOT NULL,
    amounts     BIGINT[]    NOT NULL,
    queued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT,
    retry_after TIMESTAMPTZ,
    CHECK ((employer_id IS NULL) <> (member_id IS NULL)),
    -- What the poster reads back must be readable: a row it could not read would stop the queue.
    CHECK (cardinality(programs) = cardinality(parties) AND cardinality(parties) = cardinality(amounts)),
    CHECK (programs <@ ARRAY ['JHT', 'JKK', 'JKM', 'JP'] AND parties <@ ARRAY ['EMPLOYER', 'WORKER']
           AND array_position(amounts, NULL) IS NULL)
);
CREATE INDEX posting_queue_in_order ON ledger.posting_queue (queued_at, bill_id);
