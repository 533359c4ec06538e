-- The registry deletes a publication as soon as its listeners have run, so the table is a queue: rows in, rows out,
-- and vacuum used to cut the emptied pages off its end, down to nothing. A plan made at such a moment (the DELETE by
-- id is a prepared statement, planned once per connection and kept) found a table of no pages and chose a
-- sequential scan; the plan stayed while the table grew again between vacuums, and every completion mark then read
-- the whole table: 563 buffers and 0.97 ms a mark on PostgreSQL 15 under payment load, a third of all the database
-- time of a payment (the index answers it in 3 buffers). Keeping the pages (vacuum still frees their rows for reuse)
-- keeps the table's size at what the load needs, and a plan made at any moment then uses the primary key.
ALTER TABLE event_publication SET (vacuum_truncate = false);
