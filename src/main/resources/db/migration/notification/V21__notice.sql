-- Portal notices: what the holder of an account sees on /pemberitahuan and counts in the navigation. Written in the
-- same transaction as the change (or by an event listener) that causes them. The text is a message key with typed
-- arguments, rendered in the reader's language when read, so the language switch applies to old notices too.
-- Account-owned: every query filters by account_id (the column a distributed PostgreSQL would shard these by).
CREATE TABLE notification.notice
(
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id  UUID        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{0,39}$'),
    reference   TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    message_key TEXT        NOT NULL CHECK (message_key ~ '^notice\.[a-z0-9.-]{1,93}$'),
    -- [{"type": "text|amount|month|day", "value": …}, …]
    arguments   JSONB       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(arguments) = 'array'),
    link        TEXT CHECK (link ~ '^/(?!/)[A-Za-z0-9/._~?=&-]{0,199}$'),
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    -- One notice per account, kind and reference: an event delivered twice posts once.
    CONSTRAINT notice_once UNIQUE (account_id, kind, reference)
);

-- The page and the API list an account's notices newest first.
CREATE INDEX notice_by_account ON notification.notice (account_id, created_at DESC, id DESC);
-- The badge on every page counts the unread ones: a small partial index, read only where read_at IS NULL.
CREATE INDEX notice_unread ON notification.notice (account_id) WHERE read_at IS NULL;
