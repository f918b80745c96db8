-- How many articles a search matches, as PostgreSQL's planner estimates it from the column
-- statistics (the most common lexemes and their frequencies), and how many articles there
-- are: a plan, not a count, so it costs the same for any number of articles. The search is
-- quoted into the statement (%L) so the planner sees its words. Read by the API to decide
-- how to rank a search (src/db/queries/search-window.ts) and to answer totalCountEstimate.
CREATE FUNCTION "Article_search_matches_estimate"(search text, OUT matches float8, OUT articles float8) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  plan json;
BEGIN
  EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery(''english'', %L)', search) INTO plan;
  matches := (plan->0->'Plan'->>'Plan Rows')::float8;
  SELECT greatest(reltuples, 0) INTO articles FROM pg_class WHERE oid = '"Article"'::regclass;
END $$;
