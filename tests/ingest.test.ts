// Ingest into a real database: the seeds stored whole, idempotently, and re-extractable;
// bad input refused with a reason and nothing half-written.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestInput, reprocessArticles } from "../src/ingest/pipeline.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { hasShared, seedFiles } from "./helpers/shared.js";

describe.each(databaseKinds)("ingest on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  const tableCounts = async () => {
    const p = fresh.current.db.prisma;
    return { articles: await p.article.count(), persons: await p.person.count(), quotes: await p.quote.count(), venues: await p.venue.count(), comments: await p.comment.count(), mentions: await p.articlePerson.count() };
  };

  it.skipIf(!hasShared)("stores the seeds, and a second ingest of the same content changes nothing", async () => {
    for (const file of seedFiles()) {
      const [outcome] = await ingestInput(fresh.current.db.prisma, file, fs.readFileSync(file));
      expect(outcome!.status, outcome!.error).toBe("new");
    }
    const first = await tableCounts();
    expect(first).toMatchObject({ articles: 2, quotes: 6, comments: 3 });
    for (const file of seedFiles()) {
      // Same content with other line endings is the same article.
      const again = fs.readFileSync(file, "utf8").replace(/\n/g, "\r\n");
      expect((await ingestInput(fresh.current.db.prisma, path.basename(file), again))[0]!.status).toBe("unchanged");
    }
    expect(await tableCounts()).toEqual(first);
    const toloraia = await fresh.current.db.prisma.person.findUniqueOrThrow({ where: { normalizedName: "georgy toloraia" }, include: { quotes: true } });
    expect(toloraia.aliases).toEqual(expect.arrayContaining(["Georgy Toloraia", "Toloraia"]));
    expect(toloraia.quotes).toHaveLength(3);
    const article = await fresh.current.db.prisma.article.findFirstOrThrow({ where: { title: { startsWith: "What's Behind" } } });
    expect(article.rawInput).toBe(fs.readFileSync(seedFiles()[0]!, "utf8"));
  });

  it.skipIf(!hasShared)("re-extracts stored articles in place", async () => {
    const before = await tableCounts();
    const outcomes = await reprocessArticles(fresh.current.db.prisma, { all: true });
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => "updated"));
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses empty, binary and whitespace-only input with a reason, storing nothing", async () => {
    const before = await tableCounts();
    const cases: [string, Uint8Array | string, RegExp][] = [
      ["empty.txt", new Uint8Array(), /empty/],
      ["photo.jpg", Uint8Array.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a, 0x46]), /binary/],
      ["blank.txt", "   \n\n  ", /only whitespace/],
      ["bad.jsonl", '\n{not json', /bad\.jsonl:2: line is not valid JSON/],
    ];
    for (const [name, input, reason] of cases) {
      const outcomes = await ingestInput(fresh.current.db.prisma, name, input);
      const failed = outcomes.find((o) => o.status === "failed");
      expect(failed, name).toBeDefined();
      expect(`${failed!.origin}: ${failed!.error}`).toMatch(reason);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("stores an article whole or not at all", async () => {
    const before = await tableCounts();
    const article = "Half Written Test\n\nAlice Example, the director of a test lab, said the sentence is long enough to count as prose here.";
    // Fail the transaction after everything of the article was written inside it.
    const prisma = fresh.current.db.prisma as any;
    const realTransaction = prisma.$transaction;
    prisma.$transaction = (work: (tx: unknown) => Promise<unknown>, options: unknown) =>
      realTransaction.call(prisma, async (tx: unknown) => {
        await work(tx);
        throw new Error("simulated failure after the article was written");
      }, options);
    try {
      const [outcome] = await ingestInput(fresh.current.db.prisma, "half.txt", article);
      expect(outcome!.status).toBe("failed");
      expect(outcome!.error).toMatch(/simulated failure/);
    } finally {
      delete prisma.$transaction;
    }
    expect(await tableCounts()).toEqual(before);
    const [retry] = await ingestInput(fresh.current.db.prisma, "half.txt", article);
    expect(retry!.status).toBe("new");
  });
});
