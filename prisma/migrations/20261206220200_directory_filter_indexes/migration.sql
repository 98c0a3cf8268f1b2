-- Decision 0022: the directory's theme and country filters are semi-joins that start from the join tables.
-- With the organisation id in the index after the key, the matching ids come from an index-only scan.
-- The composite indexes also serve everything the single-column ones did (the key is the leading column).
DROP INDEX "OrganizationCountry_countryCode_idx";
CREATE INDEX "OrganizationCountry_countryCode_organizationId_idx" ON "OrganizationCountry"("countryCode", "organizationId");

DROP INDEX "OrganizationTheme_themeId_idx";
CREATE INDEX "OrganizationTheme_themeId_organizationId_idx" ON "OrganizationTheme"("themeId", "organizationId");

-- The HQ half of "works in or is headquartered in": the ids straight from the index, without reading the rows.
DROP INDEX "Organization_hqCountryCode_idx";
CREATE INDEX "Organization_hqCountryCode_id_idx" ON "Organization"("hqCountryCode", "id");
