-- Issue 15, part 3: a proposal carries a message to the other side, the proposer can withdraw it while it is
-- pending, and it expires when nobody answers in time. Both new states end the proposal without a partnership, so
-- the open-pair index (PROPOSED or CONFIRMED) lets the same pair propose again.
ALTER TYPE "PartnershipStatus" ADD VALUE 'WITHDRAWN';
ALTER TYPE "PartnershipStatus" ADD VALUE 'EXPIRED';

ALTER TABLE "Partnership" ADD COLUMN "message" TEXT;
-- Set when a proposal is made in the app (PARTNERSHIP_PROPOSAL_TTL_DAYS later), NULL for imported rows, which
-- record a state someone else reported and never expire here.
ALTER TABLE "Partnership" ADD COLUMN "expiresAt" TIMESTAMP(3);

-- The sweep looks for pending proposals past their time.
CREATE INDEX "Partnership_status_expiresAt_idx" ON "Partnership"("status", "expiresAt");
