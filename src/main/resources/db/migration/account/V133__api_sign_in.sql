-- The mobile app's sign-ins (the access tokens are signed JWTs and are kept nowhere). One row per sign-in of a device
-- (a "family" of refresh tokens): its current refresh token as an HMAC only, and its generation. A refresh token
-- reads "<family>.<generation>.<random>"; each refresh replaces it with the next generation. A token of an older
-- generation presented again means it was copied: the sign-in is revoked, so the thief and the owner both have to
-- sign in again (OAuth 2.0 Security BCP, refresh token rotation). One row per device, whatever the number of refreshes.
CREATE TABLE account.api_sign_in
(
    family_id    uuid PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account.account (id),
    generation   integer     NOT NULL CHECK (generation >= 1),
    token_hash   bytea       NOT NULL,
    signed_in_at timestamptz NOT NULL,
    refreshed_at timestamptz,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    device       text        NOT NULL CHECK (length(device) <= 200)
);
CREATE INDEX api_sign_in_account ON account.api_sign_in (account_id) WHERE revoked_at IS NULL;
CREATE INDEX api_sign_in_ended ON account.api_sign_in (least(revoked_at, expires_at));
