// Node keys the projector MERGEs on. A uniqueness constraint also creates the RANGE index behind every
// MERGE/MATCH by that property, so none of these properties gets a separate index.
// (Funders are Organizations: no label of their own.)
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.id IS UNIQUE;
// The migration ledger itself: makes the MERGE that records a file safe when two processes migrate at once.
CREATE CONSTRAINT graph_migration_name IF NOT EXISTS FOR (n:GraphMigration) REQUIRE n.name IS UNIQUE;
