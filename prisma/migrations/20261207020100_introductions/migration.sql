-- Issue 15 part 4 (decision 0039): consent-based introductions, their abuse reports, and the two notification
-- kinds that announce them. New enum values are appended (another migration may append its own).

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'INTRODUCTION_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'INTRODUCTION_ANSWERED';

-- CreateEnum
CREATE TYPE "IntroductionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "introductionId" TEXT;

-- AlterTable (issue 15 part 7, moderation): profiles created by members wait for an admin's verification
ALTER TABLE "Organization" ADD COLUMN "unverifiedSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "fromOrganizationId" TEXT NOT NULL,
    "toOrganizationId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "reason" TEXT,
    "status" "IntroductionStatus" NOT NULL DEFAULT 'PENDING',
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Introduction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Introduction_distinct_sides" CHECK ("fromOrganizationId" <> "toOrganizationId")
);

-- CreateTable
CREATE TABLE "IntroductionReport" (
    "id" TEXT NOT NULL,
    "introductionId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntroductionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Introduction_requesterId_createdAt_idx" ON "Introduction"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "Introduction_toOrganizationId_createdAt_idx" ON "Introduction"("toOrganizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Introduction_fromOrganizationId_toOrganizationId_createdAt_idx" ON "Introduction"("fromOrganizationId", "toOrganizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntroductionReport_introductionId_reporterId_key" ON "IntroductionReport"("introductionId", "reporterId");

-- CreateIndex
CREATE INDEX "IntroductionReport_createdAt_idx" ON "IntroductionReport"("createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_fromOrganizationId_fkey" FOREIGN KEY ("fromOrganizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_toOrganizationId_fkey" FOREIGN KEY ("toOrganizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionReport" ADD CONSTRAINT "IntroductionReport_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionReport" ADD CONSTRAINT "IntroductionReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
