-- Issue 15 part 3: when a partnership proposal's other side has no members, its proposer may have an invitation to
-- claim the profile mailed to the organisation's public contact address — at most once a month per organisation.
-- One row per organisation holding the last send time: the limit is one conditional upsert, so two concurrent
-- requests cannot both send.
CREATE TABLE "ClaimInvitation" (
    "organizationId" TEXT NOT NULL,
    "lastSentAt" TIMESTAMP(3) NOT NULL,
    "lastSentById" TEXT,
    CONSTRAINT "ClaimInvitation_pkey" PRIMARY KEY ("organizationId")
);
