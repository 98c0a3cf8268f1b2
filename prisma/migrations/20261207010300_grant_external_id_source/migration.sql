-- Issue #14, finding 1 for grants (decision 0030): who set a grant's 360Giving identifier. 'IMPORT' when an import
-- wrote it, NULL when it was set in the app. Existing identifiers that an app write recorded in the audit log
-- (grant.record, whose "after" carries the value) stay NULL, so the next grants import asks an admin (--adopt)
-- before taking them over. The others came from imports (imports write no audit rows).
ALTER TABLE "Grant" ADD COLUMN "externalIdSource" TEXT;
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_externalIdSource_check" CHECK ("externalIdSource" IN ('IMPORT'));
UPDATE "Grant" g SET "externalIdSource" = 'IMPORT'
WHERE g."externalId" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "AuditLog" a
    WHERE a."entityType" = 'Grant' AND a."entityId" = g.id AND a."after" ->> 'externalId' = g."externalId"
  );
