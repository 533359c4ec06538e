-- The mobile app's refresh tokens (the access tokens are signed JWTs and are kept nowhere). Only the HMAC of a token
-- is stored. Each refresh uses the token once and issues its successor in the same family; a used token presented
-- again means it was copied, and the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
CREATE TABLE account.api_refresh_token
(
    token_hash  bytea PRIMARY KEY,
    family_id   uuid        NOT NULL,
    account_id  uuid        NOT NULL REFERENCES account.account (id),
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    device      text        NOT NULL CHECK (length(device) <= 200),
    CHECK (expires_at > issued_at)
);
CREATE INDEX api_refresh_token_account ON account.api_refresh_token (account_id) WHERE revoked_at IS NULL;
CREATE INDEX api_refresh_token_family ON account.api_refresh_token (family_id);
