-- Free money and what was paid towards a bill not yet settled (V141) are rows that come and go: a payment's free
-- money is deleted when it is all allocated, a bill's row when the bill is settled. As for the event registry (V142),
-- vacuum no longer cuts the emptied pages off their end, so a plan made when one is momentarily empty (the payer's
-- money is read by a function whose plans are made once per connection) does not scan it whole once it has filled.
ALTER TABLE payment.free_money SET (vacuum_truncate = false);
ALTER TABLE payment.paid_towards SET (vacuum_truncate = false);
