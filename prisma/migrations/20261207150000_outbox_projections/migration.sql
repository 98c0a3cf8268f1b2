-- Issue 14, hardening: "two instances project every outbox row exactly once" had no observation point — projection
-- is idempotent, so a row projected twice leaves the same graph. Each drainer now counts the times it wrote a row
-- to the graph and marked it processed, and names itself, in the same PostgreSQL transaction as the mark: a count
-- above 1 means two drainers held the same row (the claim was not exclusive), and projectedBy says which instance did
-- it (an operator looking at a slow or stuck instance). graph:rebuild marks rows processed without counting them.
ALTER TABLE "Outbox" ADD COLUMN "projections" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Outbox" ADD COLUMN "projectedBy" TEXT;
