-- Issue 15 part 5 (decision 0040): saved searches with alerts and private Atom feeds.
ALTER TYPE "NotificationKind" ADD VALUE 'SAVED_SEARCH_ALERT';

-- CreateEnum
CREATE TYPE "SavedSearchKind" AS ENUM ('DIRECTORY', 'COALITION', 'DASHBOARD');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('NONE', 'DAILY', 'WEEKLY');

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SavedSearchKind" NOT NULL,
    "name" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "alert" "AlertFrequency" NOT NULL DEFAULT 'NONE',
    "alertedUntil" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "feedTokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_feedTokenHash_key" ON "SavedSearch"("feedTokenHash");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_createdAt_idx" ON "SavedSearch"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedSearch_alert_idx" ON "SavedSearch"("alert");

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "savedSearchId" TEXT,
ADD COLUMN "alertOrganizationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "alertPartnershipIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
