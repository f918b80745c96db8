// HTML pages and JSON Lines records through the whole ingest: what Readability finds, the
// page's metadata and comments, and the hints given beside a record surviving reprocess.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { ingestInput, reprocessArticles } from "../src/ingest/pipeline.js";
import { readInput } from "../src/ingest/read.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { sampleText } from "./helpers/articles.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const PAGE = path.join(PROJECT_ROOT, "tests/fixtures/harbour-page.html");

describe("an HTML article page", () => {
  const [doc] = readInput(PAGE, fs.readFileSync(PAGE));
  const x = extract(doc!);

  it("is detected as HTML and read for its main text and metadata", () => {
    expect(doc!.notes).toContain("read as HTML (detected)");
    expect(x.article).toMatchObject({
      title: "Harbour Cranes Return to Gdansk",
      source: "Baltic Wire",
      url: "https://balticwire.example/2025/06/harbour-cranes-gdansk",
      publishedAt: new Date("2025-06-14T08:30:00Z"),
    });
    expect(x.article.body).toMatch(/^Three container cranes were lifted/);
    // Navigation, related links, comments and the footer are no part of the body.
    expect(x.article.body).not.toMatch(/Subscribe|Ferry strike|harbourwatcher|All rights reserved/);
  });

  it("yields its persons, quotes with speakers, and places", () => {
    expect(x.persons.map((p) => p.name)).toEqual(["Tomasz Zielinski", "Marta Kowalska"]);
    expect(x.quotes.map((q) => [q.text.slice(0, 20), q.speakerPerson])).toEqual([
      ["We lost two years, b", "Tomasz Zielinski"],
      ["The quay was rebuilt", "Marta Kowalska"],
    ]);
    expect(x.venues.map((v) => v.name)).toEqual(expect.arrayContaining(["Gdańsk", "Rotterdam", "Netherlands", "Poland"]));
    expect(x.venues.find((v) => v.name === "Gdańsk")).toMatchObject({ kind: "city", countryCode: "PL", aliases: ["Gdansk"] });
    expect(x.venues.map((v) => v.name)).not.toContain("Helsinki");
  });

  it("keeps the comments the markup shows, without an author where only an avatar stands", () => {
    expect(x.comments).toEqual([
      { author: "harbourwatcher", text: "Good news for Gdansk, finally." },
      { author: null, text: "Two years is far too long for three cranes." },
    ]);
  });

  it("gives a best-effort article for broken HTML and a clear refusal for a page without text", () => {
    const broken = "<html><body><h1>Storm Closes Port<p>The port of Gdansk closed on Monday, officials said.<p>“We will reopen soon,” said Anna Nowak, the harbour master.</div></span>";
    const [brokenDoc] = readInput("broken.html", broken);
    const bx = extract(brokenDoc!);
    expect(bx.article.title).toBe("Storm Closes Port");
    expect(bx.article.body).toMatch(/^The port of Gdansk closed/);
    expect(bx.quotes[0]?.speakerPerson).toBe("Anna Nowak");
    expect(() => readInput("empty.html", "<html><body><div></div></body></html>")).toThrow(/holds no text/);
  });
});

describe.each(databaseKinds)("hints beside the input on $name", (kind) => {
  const fresh = useFreshDatabase(kind);

  it("stores an HTML page with its comments", async () => {
    const [outcome] = await ingestInput(fresh.current.db.prisma, PAGE, fs.readFileSync(PAGE));
    expect(outcome).toMatchObject({ status: "new", counts: { persons: 2, quotes: 2, comments: 2 } });
    const comments = await fresh.current.db.prisma.comment.findMany({ where: { articleId: outcome!.articleId }, orderBy: { position: "asc" } });
    expect(comments.map((c) => c.author)).toEqual(["harbourwatcher", null]);

    // Re-extraction reads the stored page as HTML again: the same article comes out.
    const stored = () => fresh.current.db.prisma.article.findUniqueOrThrow({ where: { id: outcome!.articleId }, select: { title: true, body: true, source: true, format: true } });
    const before = await stored();
    const [again] = await reprocessArticles(fresh.current.db.prisma, { ids: [outcome!.articleId!] });
    expect(again).toMatchObject({ status: "updated", counts: { persons: 2, quotes: 2, comments: 2 } });
    expect(await stored()).toEqual(before);
  });

  it("keeps a JSON Lines record's title, source and date through reprocess", async () => {
    // A body with no title line or dateline of its own: only the record says them.
    const body = sampleText("002_lisbon-night-market.txt").split("\n").slice(1).join("\n");
    const record = { title: "Lisbon Gets a Night Market", source: "Iberia Daily", publishedAt: "2025-05-02T21:00:00Z", url: "https://iberia.example/night-market", text: body };
    const [outcome] = await ingestInput(fresh.current.db.prisma, "feed.jsonl", `${JSON.stringify(record)}\n`);
    expect(outcome!.status).toBe("new");
    const stored = () => fresh.current.db.prisma.article.findUniqueOrThrow({ where: { id: outcome!.articleId }, select: { title: true, source: true, publishedAt: true, url: true, format: true } });
    const expected = { title: record.title, source: record.source, publishedAt: new Date(record.publishedAt), url: record.url, format: "jsonl" };
    expect(await stored()).toEqual(expected);
    const [again] = await reprocessArticles(fresh.current.db.prisma, { ids: [outcome!.articleId!] });
    expect(again!.status).toBe("updated");
    expect(await stored()).toEqual(expected);
  });
});
