-- SNAP BI (Bank Indonesia's national open API standard) for virtual-account payments: what partner banks are given
-- and what they asked. Partner banks themselves are configuration (jamsos.snap.partners), not rows.
CREATE SCHEMA IF NOT EXISTS payment;

-- Access tokens handed to partner banks (POST /snap/v1.0/access-token/b2b). Only the SHA-256 of a token is kept,
-- so a copy of this table lets nobody call as a bank.
CREATE TABLE payment.snap_access_token (
    token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    partner_id  text        NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    CHECK (expires_at > issued_at)
);
CREATE INDEX snap_access_token_expiry ON payment.snap_access_token (expires_at);

-- Every authenticated transfer-va request (inquiry 24, payment 25, status 26) under the bank's X-EXTERNAL-ID, which
-- SNAP makes unique per partner per day, with the exact answer given. The row is claimed and answered in the
-- transaction that records the payment, so a retry after any crash finds either nothing (and is processed) or the
-- committed answer (and gets it again, byte for byte).
CREATE TABLE payment.snap_request (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id         text        NOT NULL,
    day                date        NOT NULL,
    external_id        text        NOT NULL CHECK (external_id ~ '^[0-9A-Za-z-]{1,36}$'),
    service            char(2)     NOT NULL CHECK (service IN ('24', '25', '26')),
    body_hash          bytea       NOT NULL CHECK (length(body_hash) = 32),
    payment_request_id text CHECK (length(payment_request_id) <= 128),
    received_at        timestamptz NOT NULL,
    http_status        int CHECK (http_status BETWEEN 200 AND 599),
    paid               boolean,
    response           bytea,
    answered_at        timestamptz,
    CONSTRAINT snap_request_once UNIQUE (partner_id, day, external_id),
    CHECK ((response IS NULL) = (answered_at IS NULL) AND (response IS NULL) = (http_status IS NULL))
);
-- transfer-va/status looks up a bank's payment by its paymentRequestId.
CREATE INDEX snap_request_payment ON payment.snap_request (partner_id, payment_request_id) WHERE service = '25';
