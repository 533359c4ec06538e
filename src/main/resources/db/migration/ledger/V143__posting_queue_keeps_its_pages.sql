-- The posting queue is a queue: every settled bill goes in and is deleted when posted. As for the event registry
-- (V142), vacuum no longer cuts the emptied pages off its end, so a plan made when the queue is momentarily empty
-- does not scan it whole once it has filled again.
ALTER TABLE ledger.posting_queue SET (vacuum_truncate = false);
