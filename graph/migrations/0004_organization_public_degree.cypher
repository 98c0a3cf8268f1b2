// The recommender's "best connected" candidates are the organisations with the most PUBLIC confirmed partnerships
// (a count every viewer may know), kept on each node as publicDegree by the ranking refresh
// (src/lib/server/matchmaking/ranking/public-degree.ts). The index lets it read them in order.
CREATE RANGE INDEX organization_public_degree IF NOT EXISTS FOR (n:Organization) ON (n.publicDegree);
