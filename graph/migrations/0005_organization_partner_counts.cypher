// Visible-partner counts per viewer level on every organisation (what they are: src/lib/server/access/
// partner-counts-cypher.ts). The projector keeps them from now on (src/lib/server/projection/partner-counts.ts);
// this fills them in once for a graph projected before they existed. The predicates are the access layer's
// `confirmedAtLevel` for the three levels (Public: anonymous, Members: signed in, All: admins) as generated when
// this file was written; tests/integration/partner-counts.int.test.ts runs this file and checks the result
// against the projector's own recount.
MATCH (o:Organization)
CALL (o) {
  CALL (o) {
    OPTIONAL MATCH (o)-[r:PARTNERS_WITH]-(x)
    WITH r, x ORDER BY r.startDate
    RETURN count(CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (false AND r.visibility = 'MEMBERS') OR false)) THEN r END) AS tieCountPublic,
           count(DISTINCT CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (false AND r.visibility = 'MEMBERS') OR false)) THEN x END) AS partnerCountPublic,
           collect(CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (false AND r.visibility = 'MEMBERS') OR false)) THEN r.startDate END) AS tieStartsPublic,
           count(CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (true AND r.visibility = 'MEMBERS') OR false)) THEN r END) AS tieCountMembers,
           count(DISTINCT CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (true AND r.visibility = 'MEMBERS') OR false)) THEN x END) AS partnerCountMembers,
           collect(CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (true AND r.visibility = 'MEMBERS') OR false)) THEN r.startDate END) AS tieStartsMembers,
           count(CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (true AND r.visibility = 'MEMBERS') OR true)) THEN r END) AS tieCountAll,
           count(DISTINCT CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (true AND r.visibility = 'MEMBERS') OR true)) THEN x END) AS partnerCountAll,
           collect(CASE WHEN (r.status = 'CONFIRMED' AND (r.visibility = 'PUBLIC' OR (true AND r.visibility = 'MEMBERS') OR true)) THEN r.startDate END) AS tieStartsAll
  }
  SET o.tieCountPublic = tieCountPublic,
      o.partnerCountPublic = partnerCountPublic,
      o.tieStartsPublic = tieStartsPublic,
      o.tieCountMembers = tieCountMembers,
      o.partnerCountMembers = partnerCountMembers,
      o.tieStartsMembers = tieStartsMembers,
      o.tieCountAll = tieCountAll,
      o.partnerCountAll = partnerCountAll,
      o.tieStartsAll = tieStartsAll
} IN TRANSACTIONS OF 500 ROWS;
