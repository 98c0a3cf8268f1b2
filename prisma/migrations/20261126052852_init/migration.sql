-- Hand-written parts of this migration are marked "Hand-written". Keep them when Prisma regenerates SQL, and
-- keep semicolons out of statement bodies, strings and comments (adapter-pg splits scripts on them).

-- CreateExtension (Hand-written: trigram index on Organization.name, see prisma/schema.prisma)
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'MEMBERS', 'PRIVATE');

-- CreateEnum
CREATE TYPE "OrganizationType" AS ENUM ('NGO', 'GRASSROOTS', 'NETWORK', 'RESEARCH', 'FUNDER', 'PUBLIC_BODY', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkLevel" AS ENUM ('LOCAL', 'REGIONAL', 'NATIONAL', 'EUROPEAN', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "StaffSizeBand" AS ENUM ('VOLUNTEERS_ONLY', 'MICRO', 'SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "BudgetBand" AS ENUM ('UNDER_50K', 'FROM_50K_TO_250K', 'FROM_250K_TO_1M', 'FROM_1M_TO_5M', 'OVER_5M');

-- CreateEnum
CREATE TYPE "CountryRegion" AS ENUM ('EU27', 'EEA', 'UK', 'CH', 'CANDIDATE', 'OTHER_EUROPE', 'AFRICA', 'ASIA', 'AMERICAS', 'OCEANIA', 'ANTARCTICA');

-- CreateEnum
CREATE TYPE "PartnershipKind" AS ENUM ('PROJECT', 'COALITION', 'NETWORK_MEMBERSHIP', 'INFORMAL');

-- CreateEnum
CREATE TYPE "PartnershipStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'DECLINED', 'ENDED');

-- CreateEnum
CREATE TYPE "NetworkRole" AS ENUM ('MEMBER', 'COORDINATOR', 'STEERING_GROUP', 'OBSERVER');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('MEMBER', 'FUNDER_ANALYST', 'ADMIN');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('EDITOR', 'OWNER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('REQUESTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- CreateEnum
CREATE TYPE "OutboxOp" AS ENUM ('upsert', 'delete');

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "region" "CountryRegion" NOT NULL,
    "isEurope" BOOLEAN NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "parentId" TEXT,
    "nameEn" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "OrganizationType" NOT NULL,
    "description" TEXT,
    "website" TEXT,
    "foundedYear" INTEGER,
    "hqCountryCode" CHAR(2),
    "hqCity" TEXT,
    "levels" "WorkLevel"[] DEFAULT ARRAY[]::"WorkLevel"[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "staffSize" "StaffSizeBand",
    "budgetBand" "BudgetBand",
    "contactEmail" TEXT,
    "contactEmailVisibility" "Visibility" NOT NULL DEFAULT 'MEMBERS',
    "contactPhone" TEXT,
    "contactPhoneVisibility" "Visibility" NOT NULL DEFAULT 'MEMBERS',
    "logoUrl" TEXT,
    "externalId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    -- Hand-written: GENERATED ALWAYS (full-text search over name and description)
    "searchVector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce("description", '')), 'B')
    ) STORED,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationCountry" (
    "organizationId" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "OrganizationCountry_pkey" PRIMARY KEY ("organizationId","countryCode")
);

-- CreateTable
CREATE TABLE "OrganizationTheme" (
    "organizationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "OrganizationTheme_pkey" PRIMARY KEY ("organizationId","themeId")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "orgAId" TEXT NOT NULL,
    "orgBId" TEXT NOT NULL,
    "kind" "PartnershipKind" NOT NULL,
    "title" TEXT,
    "description" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "status" "PartnershipStatus" NOT NULL DEFAULT 'PROPOSED',
    "visibility" "Visibility" NOT NULL DEFAULT 'MEMBERS',
    "proposedById" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "source" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipTheme" (
    "partnershipId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "PartnershipTheme_pkey" PRIMARY KEY ("partnershipId","themeId")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "website" TEXT,
    "externalId" TEXT,
    "organizationId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMembership" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "NetworkRole" NOT NULL DEFAULT 'MEMBER',
    "since" DATE,
    "until" DATE,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "funderId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "amountAwarded" DECIMAL(14,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "awardDate" DATE NOT NULL,
    "plannedStartDate" DATE,
    "plannedEndDate" DATE,
    "grantProgramme" TEXT,
    "source" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantTheme" (
    "grantId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "GrantTheme_pkey" PRIMARY KEY ("grantId","themeId")
);

-- CreateTable
CREATE TABLE "GrantCountry" (
    "grantId" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "GrantCountry_pkey" PRIMARY KEY ("grantId","countryCode")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'MEMBER',
    "emailVerifiedAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'EDITOR',
    "status" "MembershipStatus" NOT NULL DEFAULT 'REQUESTED',
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'MEMBER',
    "organizationId" TEXT,
    "membershipRole" "MembershipRole",
    "invitedById" TEXT,
    "acceptedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scopes" "ApiTokenScope"[] DEFAULT ARRAY['READ']::"ApiTokenScope"[],
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" BIGSERIAL NOT NULL,
    "aggregate" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "op" "OutboxOp" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalyticsCache" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalyticsCache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Country_region_idx" ON "Country"("region");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_slug_key" ON "Theme"("slug");

-- CreateIndex
CREATE INDEX "Theme_parentId_sortOrder_idx" ON "Theme"("parentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_externalId_key" ON "Organization"("externalId");

-- CreateIndex
CREATE INDEX "Organization_type_idx" ON "Organization"("type");

-- CreateIndex
CREATE INDEX "Organization_archivedAt_idx" ON "Organization"("archivedAt");

-- CreateIndex
CREATE INDEX "Organization_hqCountryCode_idx" ON "Organization"("hqCountryCode");

-- CreateIndex
CREATE INDEX "Organization_levels_idx" ON "Organization" USING GIN ("levels");

-- CreateIndex
CREATE INDEX "Organization_languages_idx" ON "Organization" USING GIN ("languages");

-- CreateIndex
CREATE INDEX "Organization_name_trgm_idx" ON "Organization" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organization_searchVector_idx" ON "Organization" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "OrganizationCountry_countryCode_idx" ON "OrganizationCountry"("countryCode");

-- CreateIndex
CREATE INDEX "OrganizationTheme_themeId_idx" ON "OrganizationTheme"("themeId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_externalId_key" ON "Partnership"("externalId");

-- CreateIndex (Hand-written: at most one open partnership per unordered pair and kind)
CREATE UNIQUE INDEX "Partnership_open_pair_kind_key" ON "Partnership" (least("orgAId", "orgBId"), greatest("orgAId", "orgBId"), "kind") WHERE "status" IN ('PROPOSED', 'CONFIRMED');

-- CreateIndex
CREATE INDEX "Partnership_orgAId_status_idx" ON "Partnership"("orgAId", "status");

-- CreateIndex
CREATE INDEX "Partnership_orgBId_status_idx" ON "Partnership"("orgBId", "status");

-- CreateIndex
CREATE INDEX "Partnership_status_visibility_idx" ON "Partnership"("status", "visibility");

-- CreateIndex
CREATE INDEX "PartnershipTheme_themeId_idx" ON "PartnershipTheme"("themeId");

-- CreateIndex
CREATE UNIQUE INDEX "Network_slug_key" ON "Network"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Network_externalId_key" ON "Network"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Network_organizationId_key" ON "Network"("organizationId");

-- CreateIndex
CREATE INDEX "NetworkMembership_organizationId_idx" ON "NetworkMembership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkMembership_networkId_organizationId_key" ON "NetworkMembership"("networkId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_externalId_key" ON "Grant"("externalId");

-- CreateIndex
CREATE INDEX "Grant_funderId_awardDate_idx" ON "Grant"("funderId", "awardDate");

-- CreateIndex
CREATE INDEX "Grant_recipientId_awardDate_idx" ON "Grant"("recipientId", "awardDate");

-- CreateIndex
CREATE INDEX "Grant_awardDate_idx" ON "Grant"("awardDate");

-- CreateIndex
CREATE INDEX "GrantTheme_themeId_idx" ON "GrantTheme"("themeId");

-- CreateIndex
CREATE INDEX "GrantCountry_countryCode_idx" ON "GrantCountry"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organizationId_status_idx" ON "Membership"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organizationId_key" ON "Membership"("userId", "organizationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_idx" ON "Invitation"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "Outbox_processedAt_id_idx" ON "Outbox"("processedAt", "id");

-- CreateIndex
CREATE INDEX "Outbox_aggregate_aggregateId_idx" ON "Outbox"("aggregate", "aggregateId");

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_hqCountryCode_fkey" FOREIGN KEY ("hqCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationCountry" ADD CONSTRAINT "OrganizationCountry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationCountry" ADD CONSTRAINT "OrganizationCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationTheme" ADD CONSTRAINT "OrganizationTheme_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationTheme" ADD CONSTRAINT "OrganizationTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_orgAId_fkey" FOREIGN KEY ("orgAId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_orgBId_fkey" FOREIGN KEY ("orgBId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipTheme" ADD CONSTRAINT "PartnershipTheme_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipTheme" ADD CONSTRAINT "PartnershipTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_funderId_fkey" FOREIGN KEY ("funderId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantTheme" ADD CONSTRAINT "GrantTheme_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantTheme" ADD CONSTRAINT "GrantTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantCountry" ADD CONSTRAINT "GrantCountry_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantCountry" ADD CONSTRAINT "GrantCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: CHECK constraints (Prisma neither models nor drops them)
ALTER TABLE "Country" ADD CONSTRAINT "Country_code_check" CHECK ("code" ~ '^[A-Z]{2}$');
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_foundedYear_check" CHECK ("foundedYear" BETWEEN 1500 AND 2100);
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_distinct_orgs_check" CHECK ("orgAId" <> "orgBId");
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_period_check" CHECK ("endDate" IS NULL OR "startDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_period_check" CHECK ("until" IS NULL OR "since" IS NULL OR "until" >= "since");
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_amountAwarded_check" CHECK ("amountAwarded" >= 0);
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_planned_period_check" CHECK ("plannedEndDate" IS NULL OR "plannedStartDate" IS NULL OR "plannedEndDate" >= "plannedStartDate");
ALTER TABLE "Outbox" ADD CONSTRAINT "Outbox_attempts_check" CHECK ("attempts" >= 0);
