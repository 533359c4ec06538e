-- Reminders sent (RULES.md §4 due dates): once per bill, member and kind, so the daily job can run twice or catch up
-- after a missed day without sending anything twice.
CREATE TABLE reactivation.reminder
(
    bill_id   BIGINT      NOT NULL,
    member_id UUID        NOT NULL,
    kind      TEXT        NOT NULL CHECK (kind IN ('BPU_DUE_SOON', 'BPU_OVERDUE', 'EMPLOYER_UNPAID')),
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (bill_id, member_id, kind)
);
