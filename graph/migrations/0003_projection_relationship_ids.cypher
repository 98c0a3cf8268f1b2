// The projector finds relationships by their PostgreSQL id: to update them in place (MERGE … {id}), to delete
// them when their row is gone, and to page through them in id order for graph:rebuild and graph:verify.
// Without these indexes each of those is a scan of every relationship of the type.
CREATE RANGE INDEX partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.id);
CREATE RANGE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE RANGE INDEX funded_id IF NOT EXISTS FOR ()-[r:FUNDED]-() ON (r.id);
