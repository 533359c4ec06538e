-- A unique constraint indexes every row, NULL included, though NULLs never conflict. A VA payment has no receipt number
-- and reverses nothing, and a payer row is an employer's or a member's, never both: every such insert wrote an index
-- entry that no lookup and no conflict can use. Partial unique indexes keep the same rule (NULLs are distinct either
-- way) and index only the rows that have the value; lookups by the value (`WHERE reverses = ?`) still use them.
ALTER TABLE payment.payment DROP CONSTRAINT payment_receipt_number_key;
CREATE UNIQUE INDEX payment_receipt_number_key ON payment.payment (receipt_number) WHERE receipt_number IS NOT NULL;
ALTER TABLE payment.payment DROP CONSTRAINT payment_reverses_key;
CREATE UNIQUE INDEX payment_reverses_key ON payment.payment (reverses) WHERE reverses IS NOT NULL;
ALTER TABLE payment.payer DROP CONSTRAINT payer_employer_id_key;
CREATE UNIQUE INDEX payer_employer_id_key ON payment.payer (employer_id) WHERE employer_id IS NOT NULL;
ALTER TABLE payment.payer DROP CONSTRAINT payer_member_id_key;
CREATE UNIQUE INDEX payer_member_id_key ON payment.payer (member_id) WHERE member_id IS NOT NULL;
