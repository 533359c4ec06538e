-- A SNAP request is known by its key (partner, day, X-EXTERNAL-ID), and nothing refers to it by anything else since a
-- request is recorded once with its answer: the surrogate id goes, and the key becomes the primary key. Every
-- request writes one index entry fewer.
ALTER TABLE payment.snap_request DROP COLUMN id;
ALTER TABLE payment.snap_request DROP CONSTRAINT snap_request_once,
    ADD CONSTRAINT snap_request_once PRIMARY KEY (partner_id, day, external_id);
