// Quote kinds: a speaker's words whole (DIRECT) or as a fragment in reported speech
// (PARTIAL), and marks around terms, titles and nicknames that are no quote at all; then
// the kind as the API gives it, on the article page and as a filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { readInput } from "../src/ingest/read.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const quotesOf = (text: string) => extract(readInput("case.txt", text, { format: "text" })[0]!).quotes.map((q) => ({ kind: q.kind, text: q.text }));

const BRIDGE = [
  "Harbour bridge to reopen in March",
  "Maria Lopez, the city's transport director, spoke to reporters on Monday.",
  "“We will reopen the bridge in March, and the ferries will run until then,” Lopez said.",
  "Lopez called the closure a “temporary inconvenience” and said repairs were on schedule.",
].join("\n\n");

describe("quote kinds in extraction", () => {
  it.each([
    { case: "a speaker's sentence in marks is DIRECT", text: BRIDGE, quote: "We will reopen the bridge in March, and the ferries will run until then,", kind: "DIRECT" },
    { case: "a fragment in the reporter's sentence is PARTIAL", text: BRIDGE, quote: "temporary inconvenience", kind: "PARTIAL" },
    {
      case: "a colon introducing a sentence gives a DIRECT quote",
      text: "Port strike ends\n\nThe union leader Piotr Nowak told the crowd: “We have won everything we asked for.”",
      quote: "We have won everything we asked for.", kind: "DIRECT",
    },
    {
      case: "words the sentence runs on past are PARTIAL",
      text: "Port strike ends\n\nPiotr Nowak said the deal was “the best in twenty years” for dock workers.",
      quote: "the best in twenty years", kind: "PARTIAL",
    },
    {
      case: "words opening a sentence that runs on past them are PARTIAL",
      text: "Port strike ends\n\nPiotr Nowak spoke after the vote.\n\n“The best deal in twenty years” was how Nowak described it to dock workers.",
      quote: "The best deal in twenty years", kind: "PARTIAL",
    },
  ])("$case", ({ text, quote, kind }) => {
    expect(quotesOf(text)).toContainEqual({ kind, text: quote });
  });

  it.each([
    { case: "a scare-quoted term", text: "Council staff targeted\n\nThousands of “phishing” emails reached the council's staff in May." },
    { case: "a title after the noun that says what it is", text: "A new season\n\nThe network renewed the reality show “Long Harbour Nights,” which Ana Ruiz produced for three years." },
    { case: "a nickname between given name and surname", text: "Gym to close\n\nFormer boxer Tomas “The Hammer” Berg said on Friday that the gym would close in June." },
  ])("$case is no quote", ({ text }) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe.each(databaseKinds)("Quote.kind over GraphQL on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  const API_KEY = "test-key-0123456789abcdef";
  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    const { body } = await server.graphql(`mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { status error } }`, { inputs: [{ text: BRIDGE }] }, { "x-api-key": API_KEY });
    expect(body.data.ingestArticles).toEqual([{ status: "NEW", error: null }]);
  });
  afterAll(async () => {
    await server?.close();
  });

  const expected = [
    { kind: "DIRECT", text: "We will reopen the bridge in March, and the ferries will run until then," },
    { kind: "PARTIAL", text: "temporary inconvenience" },
  ];

  it("gives each quote's kind on the article page, whose quotes come with the page", async () => {
    const { body } = await server.graphql(`{ articlesConnection(first: 5) { nodes { quotes { kind text } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.articlesConnection.nodes[0].quotes).toEqual(expected);
  });

  it("filters quotes by kind, and counts both kinds per speaker", async () => {
    const { body } = await server.graphql(`{
      partial: quotesConnection(filter: { kind: PARTIAL }) { totalCount nodes { kind text speaker { name } } }
      direct: quotesConnection(filter: { kind: DIRECT }) { totalCount nodes { kind text } }
      topSpeakers(first: 5) { quoteCount directQuoteCount partialQuoteCount person { name } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.partial).toEqual({ totalCount: 1, nodes: [{ ...expected[1], speaker: { name: "Maria Lopez" } }] });
    expect(body.data.direct).toEqual({ totalCount: 1, nodes: [expected[0]] });
    expect(body.data.topSpeakers).toEqual([{ quoteCount: 2, directQuoteCount: 1, partialQuoteCount: 1, person: { name: "Maria Lopez" } }]);
  });

  it("refuses a kind that is not one, naming the field", async () => {
    const { body } = await server.graphql(`{ quotesConnection(filter: { kind: SCARE }) { totalCount } }`);
    expect(body.errors?.[0]?.message).toMatch(/"SCARE" does not exist in "QuoteKind"/);
  });
});
