-- The digital card's QR code points to /verify/{token}: 256 random bits, so the address cannot be guessed, and it
-- names nobody (the page shows a masked name and the status, never the NIK or the full KPJ).
ALTER TABLE membership.member ADD COLUMN verify_token TEXT UNIQUE CHECK (verify_token ~ '^[A-Za-z0-9_-]{43}$');
