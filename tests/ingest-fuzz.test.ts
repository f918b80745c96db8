// Property-based tests (fast-check): whatever bytes come in, the ingest never crashes. Every
// input is either extracted (with offsets inside the text) or refused with a reason, and
// in the database every input is stored whole or not at all.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { MAX_INPUT_BYTES, readInput } from "../src/ingest/read.js";
import { IngestError, type RawDocument } from "../src/ingest/types.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";

/** Pieces of news text, recombined at random: names, speech verbs and every kind of quotation mark. */
const newsPiece = fc.constantFrom(
  "“", "”", '"', "‘", "’", "'", "«", "»", " ", "\n", "\n\n", ", ", ". ", "said ", " said", "told Sputnik", "according to ",
  "Georgy Toloraia", "Toloraia", "he ", "He further said ", "Kim Jong Un", "North Korea", "the US", "Pyongyang", "Donald J Trump",
  "• Reader", "Get short URL", "19:40 GMT +330 March 2017", "© Photo", "Tags:", "Comments", "the analyst", "’s", "s’", "\u00a0", "Ԁ", "—",
);
const newsText = fc.array(newsPiece, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(""));

/** Tag soup: open, close and broken tags among text and entities. */
const htmlPiece = fc.oneof(
  fc.constantFrom("<p>", "</p>", "<div class=\"comment\">", "</div>", "<h1>", "<span class=\"author\">", "<script>", "</script>", "<!--", "-->", "&amp;", "&#x201C;", "<br>", "<", ">", "<meta property=\"og:title\" content=\"", "\">", "<html>", "<body>"),
  newsPiece,
);
const brokenHtml = fc.array(htmlPiece, { minLength: 1, maxLength: 120 }).map((parts) => `<html><body>${parts.join("")}`);

/** Extraction of one input: either an extraction whose offsets all lie in the text, or an IngestError. */
function checkInput(input: string | Uint8Array, origin = "fuzz") {
  let docs: RawDocument[];
  try {
    docs = readInput(origin, input);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).reason.length).toBeGreaterThan(0);
    return;
  }
  for (const doc of docs) {
    const x = extract(doc);
    const within = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= doc.text.length;
    for (const q of x.quotes) expect(within(q), `quote ${q.start}-${q.end} in ${doc.text.length}`).toBe(true);
    for (const p of x.persons) for (const m of p.mentions) expect(within(m)).toBe(true);
    for (const v of x.venues) for (const m of v.mentions) expect(within(m)).toBe(true);
    expect(typeof x.article.title).toBe("string");
  }
}

describe("extraction under random input", () => {
  it("never crashes on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => checkInput(bytes)), { numRuns: 300 });
  });

  it("never crashes on news-like text with unbalanced quotation marks", () => {
    fc.assert(fc.property(newsText, (text) => checkInput(text, "fuzz.txt")), { numRuns: 400 });
  });

  it("never crashes on broken HTML", () => {
    fc.assert(fc.property(brokenHtml, (html) => checkInput(html, "fuzz.html")), { numRuns: 200 });
  });

  it("refuses empty, whitespace-only and oversized input with the reason", () => {
    expect(() => readInput("empty.txt", new Uint8Array())).toThrow("the file is empty");
    expect(() => readInput("blank.txt", " \n\t ")).toThrow("the input holds only whitespace");
    expect(() => readInput("huge.txt", "a".repeat(MAX_INPUT_BYTES + 1))).toThrow(/over the 2097152-byte limit/);
    expect(() => readInput("nul.bin", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]))).toThrow(IngestError);
  });
});

describe.each(databaseKinds)("storing random input on $name", (kind) => {
  const fresh = useFreshDatabase(kind);

  it("stores each input whole or refuses it with a reason, never half-written", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(newsText, brokenHtml), async (input) => {
        const before = await fresh.current.db.prisma.article.count();
        const outcomes = await ingestInput(fresh.current.db.prisma, "fuzz", input);
        for (const outcome of outcomes) {
          if (outcome.status === "failed") expect(outcome.error).toBeTruthy();
          else expect(outcome.articleId).toBeGreaterThan(0);
        }
        const stored = outcomes.filter((o) => o.status === "new").length;
        expect(await fresh.current.db.prisma.article.count()).toBe(before + stored);
      }),
      { numRuns: 40 },
    );
    // Every stored article has its search vector: the derived writes went through with it.
    const [{ missing }] = await fresh.current.db.prisma.$queryRaw<{ missing: number }[]>`SELECT count(*)::int AS missing FROM "Article" WHERE "searchVector" IS NULL`;
    expect(missing).toBe(0);
  }, 120_000);
});
