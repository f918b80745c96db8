// The batch ingest (worker threads extracting, several articles per transaction) gives the
// same answer as one input at a time: the same outcomes in the same order and, table by
// table, the same database (ids aside). Its failures stay per article: one article the
// database refuses fails alone, its batch's others are stored whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { ingestBulk, type BulkInput } from "../src/ingest/bulk.js";
import { createExtractionPool, type ExtractionPool } from "../src/ingest/extract-pool.js";
import { ingestInput, type IngestOutcome } from "../src/ingest/pipeline.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { tableContents } from "./helpers/table-contents.js";

/** A corpus with what a real batch holds: shared persons and places, a duplicate, a feed with bad lines, unreadable files. */
function corpus(): { origin: string; content: string | Buffer }[] {
  const articles = Array.from({ length: 40 }, (_, i) => syntheticArticle(i, 5)).map((a) => ({ origin: a.name, content: a.content }));
  const record = (a: ReturnType<typeof syntheticArticle>) => (a.format === "html" ? { html: a.content } : { text: a.content });
  const feed = [
    JSON.stringify({ url: "https://example.com/a", ...record(syntheticArticle(100, 5)) }),
    "{not json",
    JSON.stringify({ ...record(syntheticArticle(101, 6)), publishedAt: "2020-02-03" }),
  ].join("\n");
  return [
    ...articles.slice(0, 15),
    { origin: "feed.jsonl", content: feed },
    { origin: "scan.txt", content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) },
    { origin: "again.txt", content: articles[3]!.content.replace(/\n/g, "\r\n") },
    { origin: "empty.txt", content: "" },
    { origin: "punctuation.txt", content: "… — ! ? 1234 ***" },
    ...articles.slice(15),
  ];
}

const comparable = (o: IngestOutcome) => ({ origin: o.origin, status: o.status, error: o.error, counts: o.counts, notes: o.notes });

async function bulk(prisma: Parameters<typeof ingestBulk>[0], pool: ExtractionPool, inputs: ReturnType<typeof corpus>, batchSize: number) {
  const outcomes: IngestOutcome[] = [];
  const bulkInputs: BulkInput[] = inputs.map((input) => ({ origin: input.origin, read: () => input.content }));
  const done = await ingestBulk(prisma, bulkInputs, pool, { batchSize, onInput: (o) => outcomes.push(...o) });
  expect(done).toBe(inputs.length);
  return outcomes;
}

let pool: ExtractionPool;
beforeAll(() => {
  pool = createExtractionPool(2);
});
afterAll(() => pool?.close());

describe.each(databaseKinds)("batch ingest on $name", (kind) => {
  const oneAtATime = useFreshDatabase(kind);
  const batched = useFreshDatabase(kind);

  it("stores what one input at a time stores, reports the same in the same order, and is idempotent", async () => {
    const inputs = corpus();
    const expected: IngestOutcome[] = [];
    for (const input of inputs) expected.push(...(await ingestInput(oneAtATime.current.db.prisma, input.origin, input.content)));
    const outcomes = await bulk(batched.current.db, pool, inputs, 6);

    expect(outcomes.map(comparable)).toEqual(expected.map(comparable));
    expect(outcomes.filter((o) => o.status === "new")).toHaveLength(42);
    expect(outcomes.filter((o) => o.status === "failed").map((o) => o.origin)).toEqual(["feed.jsonl:2", "scan.txt", "empty.txt", "punctuation.txt"]);
    expect(outcomes.find((o) => o.origin === "again.txt")!.status).toBe("unchanged");

    const reference = await tableContents(oneAtATime.current.db.prisma);
    expect(reference.Article).toHaveLength(42);
    expect(reference.PersonCoMention!.length).toBeGreaterThan(0);
    const contents = await tableContents(batched.current.db.prisma);
    // Table by table, sizes first: a difference shows as a short message.
    for (const table of Object.keys(reference)) expect(contents[table]?.length, table).toBe(reference[table]!.length);
    expect(contents).toEqual(reference);

    const again = await bulk(batched.current.db, pool, inputs, 6);
    expect(again.filter((o) => o.status !== "failed").map((o) => o.status)).toEqual(Array(42 + 1).fill("unchanged"));
    expect(await tableContents(batched.current.db.prisma)).toEqual(reference);
  });

  it("fails an article the database refuses alone: the rest of its batch is stored, each whole", async () => {
    const prisma = batched.current.db.prisma;
    // A refusal no extraction can foresee, from the database itself, in the middle of a batch.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_article() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title LIKE '%(No. 203)%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_article BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION refuse_article()`);
    try {
      const inputs = Array.from({ length: 8 }, (_, i) => syntheticArticle(200 + i, 5)).filter((a) => a.format === "text").map((a) => ({ origin: a.name, content: a.content }));
      expect(inputs.map((i) => i.origin)).toContain("article-203.txt");
      const before = await prisma.article.count();
      const outcomes = await bulk(batched.current.db, pool, inputs, 8);
      expect(outcomes.map((o) => [o.origin, o.status])).toEqual(inputs.map((i) => [i.origin, i.origin === "article-203.txt" ? "failed" : "new"]));
      expect(outcomes.find((o) => o.status === "failed")!.error).toMatch(/refused by the test/);
      expect(await prisma.article.count()).toBe(before + inputs.length - 1);
      const partial = await prisma.$queryRaw<{ id: number }[]>`
        SELECT a.id FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "Quote" q WHERE q."articleId" = a.id)
          OR NOT EXISTS (SELECT 1 FROM "ArticlePerson" m WHERE m."articleId" = a.id)`;
      expect(partial).toEqual([]);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_article ON "Article"`);
    }
  });
});
