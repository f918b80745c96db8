// Synthetic articles written straight into the database schema, set-based, for the scale
// benchmark (bench/scale.ts): going through the extractor would take hours for a million.
// Every derived structure the ingest maintains is kept: the search vectors (article and
// passages, quotes), and the counts and co-mentioned pairs the triggers keep (they run on
// these inserts as on the ingest's). Distributions are skewed as a news archive's:
// - words: drawn with Zipfian frequencies (p(rank r) ∝ 1/r) from a vocabulary of
//   pseudo-words, so a few words are in nearly every article and most in few;
// - persons and venues: Zipfian too (a few in many articles, most in one or two); the
//   number of persons grows with the corpus (new names keep appearing), venues do not;
// - quotes (0–8, most articles 1–3), comments (0–4), dates uniform over ten years.
import type pg from "pg";
import { EXTRACTOR_VERSION } from "../src/ingest/extract.js";

export const VOCABULARY = 30_000;
const SENTENCES = 50_000;
const VENUES = 3_000;
const FIRST_DAY = "2016-01-01";
const DAYS = 3_650;

/** How many persons a corpus of `articles` names. */
export const personsFor = (articles: number) => 1_000 + Math.floor(articles / 5);

/** A Zipfian rank in 1..n (SQL): log-uniform, so p(r) ∝ 1/r. */
const zipf = (n: number | string) => `least(${n}, floor(exp(random() * ln(${n} + 1)))::int)`;
/** A small count with a long tail: 0, 1, 2 … with mean about `mean` (SQL). */
const tail = (mean: number, max: number) => `least(${max}, floor(-ln(1 - random()) * ${mean})::int)`;

/** Pseudo-words (consonant-vowel syllables, two or three), the vocabulary ranked by frequency; and sentences of them. */
export async function prepareVocabulary(client: pg.ClientBase): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS bench_scale`);
  const { rows } = await client.query(`SELECT to_regclass('bench_scale.sentence') IS NOT NULL AS ready`);
  if (rows[0].ready) return;
  await client.query(`
    CREATE TABLE bench_scale.word AS
    WITH syl AS (SELECT array_agg(c || v ORDER BY c, v) AS s FROM unnest(string_to_array('b,d,f,g,k,l,m,n,p,r,s,t,v,z', ',')) c,
      unnest(string_to_array('a,e,i,o,u', ',')) v)
    SELECT r AS rank, s[1 + r % 70] || s[1 + (r / 70) % 70] || CASE WHEN r >= 4900 THEN s[1 + (r / 4900) % 70] ELSE '' END AS word
    FROM syl, generate_series(1, ${VOCABULARY}) r`);
  await client.query(`ALTER TABLE bench_scale.word ADD PRIMARY KEY (rank)`);
  await client.query(`
    CREATE TABLE bench_scale.sentence AS
    WITH tokens AS (SELECT s, k, ${zipf(VOCABULARY)} AS r FROM generate_series(1, ${SENTENCES}) s,
      LATERAL generate_series(1, 8 + s % 13) k)
    SELECT t.s AS id, initcap(string_agg(w.word, ' ' ORDER BY t.k)) || '.' AS text FROM tokens t JOIN bench_scale.word w ON w.rank = t.r GROUP BY t.s`);
  await client.query(`ALTER TABLE bench_scale.sentence ADD PRIMARY KEY (id)`);
}

/** Persons 1..`count` (the id is the Zipfian rank), and the venues, added where missing. */
export async function ensurePersonsAndVenues(client: pg.ClientBase, count: number): Promise<void> {
  await client.query(`
    INSERT INTO "Person" (id, name, "normalizedName", aliases, roles, "updatedAt")
    SELECT r, n.name, lower(n.name) || ' ' || r, ARRAY[n.name], ARRAY['official'], now()
    FROM generate_series(coalesce((SELECT max(id) FROM "Person"), 0) + 1, $1::int) r,
      LATERAL (SELECT initcap(w1.word) || ' ' || initcap(w2.word) || 'sen' AS name
        FROM bench_scale.word w1, bench_scale.word w2
        WHERE w1.rank = 1 + (r::bigint * 7919) % ${VOCABULARY} AND w2.rank = 1 + (r / 7 + r::bigint * 104729) % ${VOCABULARY}) n`, [count]);
  await client.query(`SELECT setval(pg_get_serial_sequence('"Person"', 'id'), greatest(1, (SELECT max(id) FROM "Person")))`);
  await client.query(`
    INSERT INTO "Venue" (id, name, "normalizedName", kind, "countryCode", latitude, longitude, aliases)
    SELECT r, initcap(w.word) || 'ville', w.word || 'ville ' || r, (ARRAY['city','country','region','district','building'])[1 + r % 5],
      upper(substr(w.word, 1, 2)), CASE WHEN r % 7 <> 0 THEN -60 + random() * 130 END, CASE WHEN r % 7 <> 0 THEN -180 + random() * 360 END,
      ARRAY[initcap(w.word) || 'ville']
    FROM generate_series(coalesce((SELECT max(id) FROM "Venue"), 0) + 1, ${VENUES}) r JOIN bench_scale.word w ON w.rank = 1 + (r * 31) % ${VOCABULARY}`);
  await client.query(`SELECT setval(pg_get_serial_sequence('"Venue"', 'id'), greatest(1, (SELECT max(id) FROM "Venue")))`);
}

/**
 * Articles `from`..`to` (their ids) and everything derived from them, in one transaction.
 * `persons`: how many persons the corpus names at this size.
 */
export async function insertChunk(client: pg.ClientBase, from: number, to: number, persons: number, timings?: number[]): Promise<void> {
  let step = 0;
  const timed = async (sql: string, values?: unknown[]) => {
    const started = performance.now();
    await client.query(sql, values);
    if (timings) timings[step] = (timings[step] ?? 0) + performance.now() - started;
    step++;
  };
  await client.query("BEGIN");
  try {
    // A fresh sentence opens each article (rare word pairs: a phrase search finds few
    // articles), then sentences from the shared pool, three to a passage.
    await timed(`
      WITH arts AS (SELECT g AS id FROM generate_series($1::int, $2::int) g),
      tokens AS (SELECT a.id, k, ${zipf(VOCABULARY)} AS r FROM arts a, generate_series(1, 14) k),
      fresh AS (SELECT t.id, initcap(string_agg(w.word, ' ' ORDER BY t.k)) || '.' AS s FROM tokens t JOIN bench_scale.word w ON w.rank = t.r GROUP BY t.id),
      picks AS (SELECT a.id, k, 1 + floor(random() * ${SENTENCES})::int AS sid FROM arts a, generate_series(0, 11) k),
      paragraphs AS (SELECT p.id, p.k / 3 AS para, string_agg(s.text, ' ' ORDER BY p.k) AS text FROM picks p JOIN bench_scale.sentence s ON s.id = p.sid GROUP BY 1, 2),
      bodies AS (SELECT p.id, f.s || ' ' || string_agg(p.text, E'\n\n' ORDER BY p.para) AS body FROM paragraphs p JOIN fresh f ON f.id = p.id GROUP BY p.id, f.s),
      rows AS (
        SELECT b.id, b.body, (SELECT text FROM bench_scale.sentence WHERE id = 1 + (b.id::bigint * 7919) % ${SENTENCES}) || ' (No. ' || b.id || ')' AS title,
          CASE WHEN random() < 0.02 THEN NULL ELSE timestamp '${FIRST_DAY}' + random() * interval '${DAYS} days' END AS published
        FROM bodies b)
      INSERT INTO "Article" (id, "contentHash", format, "rawInput", url, title, body, "publishedAt", source, authors, tags, "relatedHeadlines",
        "extractorVersion", "searchVector", "updatedAt")
      SELECT id, md5('scale ' || id) || md5('article ' || id), 'text', title || E'\n\n' || body, 'https://news.example/' || id, title, body,
        published, 'Wire ' || ${zipf(60)}, ARRAY['Author ' || ${zipf(800)}], ARRAY['topic ' || ${zipf(300)}, 'topic ' || ${zipf(300)}], '{}',
        ${EXTRACTOR_VERSION}, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B'), now()
      FROM rows`, [from, to]);
    // Split and vectorised as the ingest does (store.ts, insertPassages).
    await timed(`
      INSERT INTO "ArticlePassage" ("articleId", position, "searchVector")
      SELECT a.id, p.n, to_tsvector('english', p.text)
      FROM "Article" a CROSS JOIN unnest(regexp_split_to_array(a.body, '\\n\\s*\\n')) WITH ORDINALITY AS p(text, n)
      WHERE a.id BETWEEN $1 AND $2`, [from, to]);
    await timed(`
      INSERT INTO "ArticlePerson" ("articleId", "personId", "mentionCount", aliases, roles, mentions)
      SELECT DISTINCT ON (a, p) a, p, 1 + ${tail(1.5, 12)}, ARRAY[(SELECT name FROM "Person" WHERE id = p)], ARRAY['official'],
        '[{"start": 0, "end": 12, "section": "body"}]'::jsonb
      FROM (SELECT g AS a, ${zipf(persons)} AS p FROM generate_series($1::int, $2::int) g, LATERAL generate_series(0, ${tail(1.6, 7)} + (g - g)) k) x
      ORDER BY a, p`, [from, to]);
    await timed(`
      INSERT INTO "ArticleVenue" ("articleId", "venueId", "mentionCount", aliases, mentions)
      SELECT DISTINCT ON (a, v) a, v, 1 + ${tail(1, 6)}, '{}', '[{"start": 0, "end": 8, "section": "body"}]'::jsonb
      FROM (SELECT g AS a, ${zipf(VENUES)} AS v FROM generate_series($1::int, $2::int) g, LATERAL generate_series(0, ${tail(1.2, 5)} + (g - g)) k) x
      ORDER BY a, v`, [from, to]);
    // A quote's speaker is one of its article's persons, or nobody (an unnamed source).
    await timed(`
      INSERT INTO "Quote" ("articleId", position, text, "speakerText", "speakerId", cue, "startOffset", "endOffset", context, confidence, kind, "searchVector")
      SELECT q.a, q.k, s.text, p.name, p.id, 'said', 0, length(s.text), s.text || ' said an official.', 0.9,
        (CASE WHEN random() < 0.8 THEN 'DIRECT' ELSE 'PARTIAL' END)::"QuoteKind", to_tsvector('english', s.text)
      FROM (SELECT g AS a, k, 1 + floor(random() * ${SENTENCES})::int AS sid, random() < 0.75 AS named
            FROM generate_series($1::int, $2::int) g, LATERAL generate_series(0, ${tail(2, 8)} - 1 + (g - g)) k) q
      JOIN bench_scale.sentence s ON s.id = q.sid
      LEFT JOIN LATERAL (SELECT pp.id, pp.name FROM "ArticlePerson" ap JOIN "Person" pp ON pp.id = ap."personId"
        WHERE q.named AND ap."articleId" = q.a ORDER BY ap."personId" LIMIT 1 OFFSET q.k % 2) p ON true`, [from, to]);
    await timed(`
      INSERT INTO "Comment" ("articleId", position, author, text)
      SELECT g, k, CASE WHEN random() < 0.2 THEN NULL ELSE 'reader' || ${zipf(20000)} END, s.text
      FROM generate_series($1::int, $2::int) g CROSS JOIN LATERAL generate_series(0, floor(random() * 5)::int - 1 + (g - g)) k
      JOIN bench_scale.sentence s ON s.id = 1 + (g * 31 + k * 7) % ${SENTENCES}`, [from, to]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** After inserting with explicit ids: the serials continue after the largest. */
export async function advanceSequences(client: pg.ClientBase): Promise<void> {
  await client.query(`SELECT setval(pg_get_serial_sequence('"Article"', 'id'), greatest(1, (SELECT max(id) FROM "Article")))`);
}
