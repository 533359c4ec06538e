-- The wage a member's JHT contribution of a month was computed from, copied at posting from the bill's lines
-- (contribution V86): the reported wage (PU) or the declared income (BPU). The history, its CSV and the API show it,
-- and the JHT projection starts from the latest one. Months posted before the bill lines carried the wage have none.
ALTER TABLE ledger.jht_contribution ADD COLUMN wage BIGINT CHECK (wage > 0);
