// Organisations in the database: stored with their article's mentions and counts, a quote's
// organisation speaker linked, and an article stored by the extractor before organisations
// upgraded by reprocess (the stale articles only, as `ingest --reprocess` does).
import { describe, expect, it } from "vitest";
import { EXTRACTOR_VERSION } from "../src/ingest/extract.js";
import { ingestInput, reprocessArticles } from "../src/ingest/pipeline.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";

const ARTICLE = [
  "Westfjord Power Company raises prices",
  "Westfjord Power Company raised its prices for the second time this year, the Ministry of Energy said on Monday.",
  "\"Costs have doubled,\" the company said. Consumer advocate Lena Varga called the rise unfair.",
  "The Ministry of Energy will review the rise. Westfjord has 40,000 customers.",
].join("\n\n");

describe.each(databaseKinds)("organisations stored on $name", (kind) => {
  const fresh = useFreshDatabase(kind);

  it("stores organisations apart from persons, with mentions, counts and a quote's organisation speaker", async () => {
    const prisma = fresh.current.db.prisma;
    const [outcome] = await ingestInput(prisma, "invented.txt", ARTICLE);
    expect(outcome!.status, outcome!.error).toBe("new");
    const orgs = await prisma.organization.findMany({ include: { articles: true }, orderBy: { name: "asc" } });
    expect(orgs.map((o) => o.name)).toEqual(["Ministry of Energy", "Westfjord Power Company"]);
    const company = orgs.find((o) => o.name === "Westfjord Power Company")!;
    expect(company).toMatchObject({ kind: "COMPANY", articleCount: 1, normalizedName: "westfjord power company" });
    expect(company.aliases).toContain("Westfjord");
    expect(company.mentionCount).toBe(company.articles[0]!.mentionCount);
    expect(company.mentionCount).toBeGreaterThanOrEqual(3);
    const persons = await prisma.person.findMany();
    expect(persons.map((p) => p.name)).toEqual(["Lena Varga"]);
    const quote = await prisma.quote.findFirstOrThrow({ where: { text: { contains: "Costs have doubled" } } });
    expect(quote).toMatchObject({ speakerOrganizationId: company.id, speakerId: null });
  });

  it("refuses a quote with both a person and an organisation speaker", async () => {
    const prisma = fresh.current.db.prisma;
    const quote = await prisma.quote.findFirstOrThrow({ where: { speakerOrganizationId: { not: null } } });
    const person = await prisma.person.findFirstOrThrow();
    await expect(prisma.quote.update({ where: { id: quote.id }, data: { speakerId: person.id } })).rejects.toThrow(/Quote_one_speaker/);
  });

  it("adds organisations to an article stored before them when reprocess upgrades it", async () => {
    const prisma = fresh.current.db.prisma;
    const article = await prisma.article.findFirstOrThrow();
    // The article as the extractor before organisations left it: none, and an older version.
    await prisma.quote.updateMany({ data: { speakerOrganizationId: null } });
    await prisma.articleOrganization.deleteMany({});
    await prisma.organization.deleteMany({});
    await prisma.article.update({ where: { id: article.id }, data: { extractorVersion: EXTRACTOR_VERSION - 1 } });
    expect(await prisma.organization.count()).toBe(0);

    const outcomes = await reprocessArticles(prisma);
    expect(outcomes.map((o) => o.status)).toEqual(["updated"]);
    const orgs = await prisma.organization.findMany({ orderBy: { name: "asc" } });
    expect(orgs.map((o) => [o.name, o.articleCount])).toEqual([["Ministry of Energy", 1], ["Westfjord Power Company", 1]]);
    const quote = await prisma.quote.findFirstOrThrow({ where: { text: { contains: "Costs have doubled" } } });
    expect(quote.speakerOrganizationId).toBe(orgs[1]!.id);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).extractorVersion).toBe(EXTRACTOR_VERSION);
    // Once more, all articles: the counts stay those of one article.
    await reprocessArticles(prisma, { all: true });
    expect((await prisma.organization.findMany({ orderBy: { name: "asc" } })).map((o) => o.articleCount)).toEqual([1, 1]);
  });
});
