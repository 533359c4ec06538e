CREATE SCHEMA notification;

-- The outbox: written in the same transaction as the business change that causes the message, so a message exists
-- if and only if that change committed. The sender delivers pending rows and marks them sent; a failed attempt is
-- retried later with backoff, never dropped. The message is rendered when it is queued, in the recipient's language,
-- so what the mailbox page shows is exactly what is delivered.
CREATE TABLE notification.outbox_email
(
    id              UUID PRIMARY KEY,
    recipient       TEXT        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    language        TEXT        NOT NULL CHECK (language IN ('id', 'en')),
    template        TEXT        NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
    subject         TEXT        NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_html       TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT CHECK (length(last_error) <= 1000)
);

-- The sender looks only at what is still due.
CREATE INDEX outbox_email_due ON notification.outbox_email (next_attempt_at) WHERE sent_at IS NULL;
-- The mailbox page lists newest first.
CREATE INDEX outbox_email_by_time ON notification.outbox_email (created_at);
