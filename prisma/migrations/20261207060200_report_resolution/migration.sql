-- Decision 0043: an admin resolves or dismisses an abuse report with a note. The queue hides decided reports, the
-- report itself and the audit log stay.
CREATE TYPE "ReportResolution" AS ENUM ('RESOLVED', 'DISMISSED');

ALTER TABLE "IntroductionReport" ADD COLUMN "resolution" "ReportResolution",
ADD COLUMN "resolutionNote" TEXT,
ADD COLUMN "resolvedAt" TIMESTAMP(3),
ADD COLUMN "resolvedById" TEXT;

CREATE INDEX "IntroductionReport_resolvedAt_createdAt_idx" ON "IntroductionReport"("resolvedAt", "createdAt");

ALTER TABLE "IntroductionReport" ADD CONSTRAINT "IntroductionReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
