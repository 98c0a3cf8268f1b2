-- Issue #14, finding 1: who set an organisation's external id. 'IMPORT' when an import wrote it, NULL when it was
-- set in the app. Existing external ids that an app write recorded in the audit log (organization.create/update,
-- whose "after" carries the value) stay NULL, so the next import asks an admin before adopting them, the others came
-- from imports (imports write no audit rows).
ALTER TABLE "Organization" ADD COLUMN "externalIdSource" TEXT;
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_externalIdSource_check" CHECK ("externalIdSource" IN ('IMPORT'));
UPDATE "Organization" o SET "externalIdSource" = 'IMPORT'
WHERE o."externalId" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "AuditLog" a
    WHERE a."entityType" = 'Organization' AND a."entityId" = o.id AND a."after" ->> 'externalId' = o."externalId"
  );

-- Issue #14, finding 9: the projector's per-row retry backoff lives in the row, so every instance (and a restarted
-- one) honours it.
ALTER TABLE "Outbox" ADD COLUMN "nextAttemptAt" TIMESTAMP(3);
