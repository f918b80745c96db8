// Quoted sources by gender over GraphQL on HTTP: invented articles from two outlets over two
// months are ingested through the API; the analytics must agree with counts made here from
// the plain quote list, and with what the texts say of each speaker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "gender-test-key-0123456789";

const ARTICLES = [
  {
    source: "Harbour Herald", publishedAt: "2024-03-05T09:00:00Z",
    text: "Council backs ferry line\n\nTransport councillor Maria Lopez backed the ferry plan on Tuesday. “The ferry will cut commutes in half,” she said.\n\nEngineer Tom Hale was less sure. “The budget is too thin for a harbour this size,” Hale said. He added that the piers need repairs first.",
  },
  {
    source: "Harbour Herald", publishedAt: "2024-04-10T09:00:00Z",
    text: "Depot drivers threaten strike\n\nUnion leader Piotr Nowak warned of a strike at the depot. “Our drivers have waited two years for this contract,” he said.\n\nKim Ostrova, who runs the depot, disagreed. “We have made three offers since January,” she said.",
  },
  {
    source: "Valley Times", publishedAt: "2024-03-20T09:00:00Z",
    text: "Clinic to open in May\n\nDr. Ana Ruiz said the clinic will open in May. “We have hired twelve nurses,” Ruiz said. “The waiting list is already long,” she added.\n\n“Ferries will run from June,” Maria Lopez told reporters.",
  },
  {
    source: "Valley Times", publishedAt: "2024-04-02T09:00:00Z",
    text: "River rising\n\n“The river is rising faster than last year,” Kestrin Vaal said.",
  },
];

const GENDERS = ["FEMALE", "MALE", "UNKNOWN"] as const;
interface Counted { gender: string; quotedPersons: number; quotes: number; directQuotes: number; partialQuotes: number }

/** Counts per gender from a list of quotes, made here, apart from the server's SQL. */
function countByGender(quotes: { kind: string; speaker: { id: string; gender: string } }[]): Counted[] {
  return GENDERS.map((gender) => {
    const of = quotes.filter((q) => q.speaker.gender === gender);
    return {
      gender, quotedPersons: new Set(of.map((q) => q.speaker.id)).size, quotes: of.length,
      directQuotes: of.filter((q) => q.kind === "DIRECT").length, partialQuotes: of.filter((q) => q.kind === "PARTIAL").length,
    };
  });
}
const femaleShare = (counts: Counted[]) => {
  const known = counts[0]!.quotedPersons + counts[1]!.quotedPersons;
  return known ? counts[0]!.quotedPersons / known : null;
};

describe.each(databaseKinds)("quoted sources by gender on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  let quotes: { kind: string; speaker: { id: string; name: string; gender: string } | null; article: { source: string; publishedAt: string } }[];

  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    for (const input of ARTICLES) {
      const { body } = await server.graphql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }`, { input }, { "x-api-key": API_KEY });
      expect(body.data?.ingestArticle.status).toBe("NEW");
    }
    const { body } = await server.graphql(`{ quotesConnection(first: 100) { nodes { kind speaker { id name gender } article { source publishedAt } } } }`);
    expect(body.errors).toBeUndefined();
    quotes = body.data.quotesConnection.nodes;
  });
  afterAll(() => server?.close());

  it("gives each speaker the gender the text says, with its evidence", async () => {
    const { body } = await server.graphql(`{ persons(first: 50) { name gender genderEvidence { kind femalePronouns malePronouns femaleFirstNameArticles maleFirstNameArticles } } }`);
    expect(body.errors).toBeUndefined();
    const byName = (part: string) => body.data.persons.find((p: any) => p.name.includes(part));
    // "she said" after her quote in one article, her first name in the other.
    expect(byName("Maria Lopez")).toMatchObject({ gender: "FEMALE", genderEvidence: { kind: "PRONOUNS", femalePronouns: 1, malePronouns: 0, femaleFirstNameArticles: 2 } });
    expect(byName("Tom Hale")).toMatchObject({ gender: "MALE", genderEvidence: { kind: "PRONOUNS", malePronouns: 1, femalePronouns: 0 } });
    // The lexicon calls Kim a woman's name; here the pronoun decides, and agrees.
    expect(byName("Kim Ostrova")).toMatchObject({ gender: "FEMALE", genderEvidence: { kind: "PRONOUNS" } });
    expect(byName("Kestrin Vaal")).toMatchObject({ gender: "UNKNOWN", genderEvidence: { kind: "NONE", femalePronouns: 0, malePronouns: 0 } });
    const women = await server.graphql(`{ persons(first: 50, filter: { gender: FEMALE }) { name } }`);
    expect(women.body.data.persons.map((p: any) => p.name).sort()).toEqual(body.data.persons.filter((p: any) => p.gender === "FEMALE").map((p: any) => p.name).sort());
    expect(women.body.data.persons.length).toBeGreaterThanOrEqual(3);
  });

  it("counts quoted persons and quotes by gender per month, gaps filled", async () => {
    const { body } = await server.graphql(`{ quotedGenderTimeline(interval: MONTH) { start femaleShare counts { gender quotedPersons quotes directQuotes partialQuotes } } }`);
    expect(body.errors).toBeUndefined();
    const attributed = quotes.filter((q) => q.speaker);
    const months = [...new Set(attributed.map((q) => q.article.publishedAt.slice(0, 7)))].sort();
    expect(months).toEqual(["2024-03", "2024-04"]);
    expect(body.data.quotedGenderTimeline.map((b: any) => b.start)).toEqual(months.map((m) => `${m}-01T00:00:00.000Z`));
    for (const bucket of body.data.quotedGenderTimeline) {
      const expected = countByGender(attributed.filter((q) => q.article.publishedAt.startsWith(bucket.start.slice(0, 7))) as any);
      expect(bucket.counts).toEqual(expected);
      expect(bucket.femaleShare).toBeCloseTo(femaleShare(expected)!);
    }
    // March: Maria Lopez (twice, two outlets), Tom Hale, Ana Ruiz: two women of three.
    expect(body.data.quotedGenderTimeline[0].counts[0].quotedPersons).toBe(2);
    expect(body.data.quotedGenderTimeline[0].counts[1].quotedPersons).toBe(1);
  });

  it("counts them per outlet, most quotes first, within a date range", async () => {
    const all = await server.graphql(`{ quotedGenderBySource { source femaleShare counts { gender quotedPersons quotes directQuotes partialQuotes } } }`);
    expect(all.body.errors).toBeUndefined();
    const attributed = quotes.filter((q) => q.speaker);
    const sources = all.body.data.quotedGenderBySource;
    expect(sources.map((s: any) => s.source).sort()).toEqual(["Harbour Herald", "Valley Times"]);
    for (const s of sources) expect(s.counts).toEqual(countByGender(attributed.filter((q) => q.article.source === s.source) as any));
    const totals = sources.map((s: any) => s.counts.reduce((n: number, c: Counted) => n + c.quotes, 0));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    const april = await server.graphql(`{ quotedGenderBySource(first: 1, filter: { publishedAfter: "2024-04-01T00:00:00Z", publishedBefore: "2024-05-01T00:00:00Z" }) { source counts { gender quotes } } }`);
    expect(april.body.errors).toBeUndefined();
    expect(april.body.data.quotedGenderBySource).toHaveLength(1);
    // April: Nowak and Ostrova in the Herald (two quotes), Vaal in the Times (one).
    expect(april.body.data.quotedGenderBySource[0]).toEqual({ source: "Harbour Herald", counts: [{ gender: "FEMALE", quotes: 1 }, { gender: "MALE", quotes: 1 }, { gender: "UNKNOWN", quotes: 0 }] });
  });

  it("keeps the gender evidence of merged persons, and deletes it with their articles", async () => {
    const list = async () => (await server.graphql(`{ persons(first: 50) { id name gender genderEvidence { kind femalePronouns malePronouns femaleFirstNameArticles } } }`)).body.data.persons;
    const before = await list();
    const maria = before.find((p: any) => p.name === "Maria Lopez");
    const ana = before.find((p: any) => p.name.includes("Ana Ruiz"));
    const merged = await server.graphql(`mutation($into: ID!, $from: [ID!]!) { mergePersons(into: $into, from: $from) { id } }`, { into: maria.id, from: [ana.id] }, { "x-api-key": API_KEY });
    expect(merged.body.errors).toBeUndefined();
    const after = (await list()).find((p: any) => p.id === maria.id);
    expect(after.genderEvidence).toEqual({
      kind: "PRONOUNS", femalePronouns: maria.genderEvidence.femalePronouns + ana.genderEvidence.femalePronouns, malePronouns: 0,
      femaleFirstNameArticles: maria.genderEvidence.femaleFirstNameArticles + ana.genderEvidence.femaleFirstNameArticles - 1, // one article names both
    });
    // Deleting an article takes its evidence away: the clinic story held Ana Ruiz's "she added"
    // and named Maria Lopez with no pronoun; the council story's "she said" stays.
    const articles = (await server.graphql(`{ articles(first: 10) { id title } }`)).body.data.articles;
    const clinic = articles.find((a: any) => a.title.startsWith("Clinic"));
    const deleted = await server.graphql(`mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }`, { id: clinic.id }, { "x-api-key": API_KEY });
    expect(deleted.body.errors).toBeUndefined();
    const left = (await list()).find((p: any) => p.id === maria.id);
    expect(left).toMatchObject({ gender: "FEMALE", genderEvidence: { kind: "PRONOUNS", femalePronouns: 1, femaleFirstNameArticles: 1 } });
  });

  it("refuses a page size over the cap", async () => {
    const { body } = await server.graphql(`{ quotedGenderBySource(first: 1000) { source } }`);
    expect(body.errors?.[0]?.message).toMatch(/first must be between 0 and 100/);
  });
});
