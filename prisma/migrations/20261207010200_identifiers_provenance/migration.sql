-- Issue #16 part 2 (decision 0029): public identifiers and provenance.

CREATE TYPE "SourceKind" AS ENUM ('IMPORT', 'USER_EDIT', 'API_TOKEN');

ALTER TABLE "Organization" ADD COLUMN "sourceKind" "SourceKind",
  ADD COLUMN "source" TEXT,
  ADD COLUMN "licence" TEXT,
  ADD COLUMN "ownerEditedFields" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Partnership" ADD COLUMN "sourceKind" "SourceKind", ADD COLUMN "licence" TEXT;
ALTER TABLE "Grant" ADD COLUMN "sourceKind" "SourceKind", ADD COLUMN "licence" TEXT;

-- What is known of existing rows: an import wrote the organisations whose external id an import set, and the
-- partnerships and grants that carry a dataset name. The rest stays NULL ("not recorded"), never guessed.
UPDATE "Organization" SET "sourceKind" = 'IMPORT' WHERE "externalIdSource" = 'IMPORT';
UPDATE "Partnership" SET "sourceKind" = 'IMPORT' WHERE "source" IS NOT NULL;
UPDATE "Grant" SET "sourceKind" = 'IMPORT' WHERE "source" IS NOT NULL;

CREATE TABLE "OrganizationIdentifier" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganizationIdentifier_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OrganizationIdentifier_identifier_key" ON "OrganizationIdentifier"("identifier");
CREATE UNIQUE INDEX "OrganizationIdentifier_organizationId_scheme_key" ON "OrganizationIdentifier"("organizationId", "scheme");
ALTER TABLE "OrganizationIdentifier" ADD CONSTRAINT "OrganizationIdentifier_organizationId_fkey"
  FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- External ids that imports wrote in org-id.guide form become identifiers (one per scheme per organisation).
INSERT INTO "OrganizationIdentifier" ("id", "organizationId", "scheme", "identifier")
SELECT DISTINCT ON (o.id, substring(o."externalId" from '^([A-Z]{2}-[A-Z0-9]+)-'))
       'oid_' || md5(o.id || o."externalId"), o.id, substring(o."externalId" from '^([A-Z]{2}-[A-Z0-9]+)-'), o."externalId"
FROM "Organization" o
WHERE o."externalIdSource" = 'IMPORT' AND o."externalId" ~ '^[A-Z]{2}-[A-Z0-9]+-.+'
ORDER BY o.id, substring(o."externalId" from '^([A-Z]{2}-[A-Z0-9]+)-');
