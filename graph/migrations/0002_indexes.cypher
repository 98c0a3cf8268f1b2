// Lookups and filters that are not keys. Slugs are unique in PostgreSQL, but only indexed here: while the
// projector applies a rename, two nodes may briefly hold the same slug.
CREATE RANGE INDEX organization_slug IF NOT EXISTS FOR (n:Organization) ON (n.slug);
// Almost every graph query skips archived organizations.
CREATE RANGE INDEX organization_archived IF NOT EXISTS FOR (n:Organization) ON (n.archived);
CREATE RANGE INDEX organization_type IF NOT EXISTS FOR (n:Organization) ON (n.type);
CREATE RANGE INDEX theme_slug IF NOT EXISTS FOR (n:Theme) ON (n.slug);
CREATE RANGE INDEX theme_parent_id IF NOT EXISTS FOR (n:Theme) ON (n.parentId);
CREATE RANGE INDEX country_region IF NOT EXISTS FOR (n:Country) ON (n.region);
// Partnership reads filter on who may see an edge and whether it is active; relationship property indexes
// (Neo4j 5) let the planner start from the matching edges instead of expanding every organization.
// (The PARTNERS_WITH/MEMBER_OF/FUNDED id indexes are in 0003.)
CREATE RANGE INDEX partners_with_visibility IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.visibility);
CREATE RANGE INDEX partners_with_status IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.status);
