// The news graph of the two seed articles, ingested through the API and queried over HTTP
// and WebSocket: what a frontend built on newsgraph would show.
import fs from "node:fs";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { hasShared, seedFiles } from "./helpers/shared.js";

const API_KEY = "graph-test-key-0123456789";
const WRITE = { "x-api-key": API_KEY };

describe.skipIf(!hasShared).each(databaseKinds)("the seeds' news graph on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  const received: any[] = [];
  const receivedFiltered: any[] = [];
  let closeSubscriptions = () => {};

  const ingest = (file: string) =>
    server.graphql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { id title } } }`, { input: { text: fs.readFileSync(file, "utf8") } }, WRITE);

  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    const [first, second] = seedFiles();
    expect((await ingest(first!)).body.data.ingestArticle.status).toBe("NEW");

    // Subscribe before the second seed arrives: once for every article, once only for
    // articles naming Pyongyang's country, which both seeds do, and once for Spain, which neither does.
    const venues = (await server.graphql(`{ nk: venues(filter: { name: "North Korea" }) { id } es: venues(filter: { name: "Spain" }) { id } }`)).body.data;
    const client = createClient({ url: `${server.url.replace("http", "ws")}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const subscribe = (query: string, variables: Record<string, unknown>, into: any[]) =>
      new Promise<() => void>((ready) => {
        const stop = client.subscribe({ query, variables }, { next: (v) => into.push(v), error: (e) => into.push({ error: e }), complete: () => {} });
        // graphql-ws sends "subscribe" at once on an open socket; give the server a moment to register it.
        setTimeout(() => ready(stop), 150);
      });
    const stopAll = await subscribe(`subscription { articleIngested { title } }`, {}, received);
    const stopNk = await subscribe(`subscription($v: ID) { articleIngested(venue: $v) { title venues { name } } }`, { v: venues.nk[0].id }, receivedFiltered);
    const stopEs = await subscribe(`subscription($v: ID) { articleIngested(venue: $v) { title } }`, { v: venues.es?.[0]?.id ?? venues.nk[0].id }, []);
    closeSubscriptions = () => { stopAll(); stopNk(); stopEs(); void client.dispose(); };

    expect((await ingest(second!)).body.data.ingestArticle.status).toBe("NEW");
  });
  afterAll(async () => {
    closeSubscriptions();
    await server?.close();
  });

  it("returns Toloraia's quotes with their article and the sentence around each", async () => {
    const { body } = await server.graphql(`{ persons(name: "Toloraia") { name roles quoteCount
      quotesConnection(first: 10) { totalCount nodes { text sentence cue article { title source } } } } }`);
    expect(body.errors).toBeUndefined();
    const [toloraia] = body.data.persons;
    expect(toloraia.name).toBe("Georgy Toloraia");
    expect(toloraia.quotesConnection.totalCount).toBe(toloraia.quoteCount);
    expect(toloraia.quoteCount).toBeGreaterThanOrEqual(2);
    for (const quote of toloraia.quotesConnection.nodes) {
      expect(quote.article).toEqual({ title: "What's Behind Secret Talks Between North Korea and US", source: "Sputnik" });
      expect(quote.sentence).toContain(quote.text.slice(0, 40));
    }
    expect(toloraia.quotesConnection.nodes.some((q: any) => /Toloraia told Sputnik/.test(q.sentence))).toBe(true);
  });

  it("links Pak Song Il and Kwon Jong Gun in the co-occurrence network and in coMentioned", async () => {
    const { body } = await server.graphql(`{
      coMentionNetwork(minWeight: 1) { nodes { person { name } articleCount } edges { source { name } target { name } weight } }
      persons(name: "Pak Song Il") { coMentioned(first: 20) { person { name } sharedArticles } }
    }`);
    expect(body.errors).toBeUndefined();
    const edge = body.data.coMentionNetwork.edges.find((e: any) => [e.source.name, e.target.name].sort().join("|") === "Kwon Jong Gun|Pak Song Il");
    expect(edge).toEqual(expect.objectContaining({ weight: 1 }));
    expect(body.data.coMentionNetwork.nodes.map((n: any) => n.person.name)).toEqual(expect.arrayContaining(["Pak Song Il", "Kwon Jong Gun"]));
    expect(body.data.persons[0].coMentioned).toContainEqual({ person: { name: "Kwon Jong Gun" }, sharedArticles: 1 });
    const stricter = await server.graphql(`{ coMentionNetwork(minWeight: 2) { edges { weight } } }`);
    expect(stricter.body.data.coMentionNetwork.edges).toEqual([]);
  });

  it('finds the article about "strategic patience" by full-text search, with a highlighted snippet', async () => {
    const { body } = await server.graphql(`{ search(query: "\\"strategic patience\\"") { totalCount edges { rank snippet node { title } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.search.totalCount).toBe(1);
    const [hit] = body.data.search.edges;
    expect(hit.node.title).toBe("What's Behind Secret Talks Between North Korea and US");
    expect(hit.rank).toBeGreaterThan(0);
    expect(hit.snippet).toMatch(/<mark>strategic<\/mark> <mark>patience<\/mark>/);
    const none = await server.graphql(`{ search(query: "glockenspiel") { totalCount edges { node { title } } } }`);
    expect(none.body.data.search).toEqual({ totalCount: 0, edges: [] });
  });

  it("searches quotes, with the speaker and a snippet", async () => {
    const { body } = await server.graphql(`{ quotesConnection(filter: { search: "nuclear weapons" }) { totalCount edges { snippet node { speaker { name } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.quotesConnection.totalCount).toBeGreaterThan(0);
    for (const edge of body.data.quotesConnection.edges) expect(edge.snippet).toMatch(/<mark>nuclear<\/mark>/);
  });

  it("answers the dashboard analytics: timeline, top speakers and venues, the venue map", async () => {
    const toloraia = (await server.graphql(`{ persons(name: "Toloraia") { id } }`)).body.data.persons[0].id;
    const { body } = await server.graphql(
      `query($p: ID!) {
        mentionTimeline(filter: { person: $p }, interval: MONTH) { start articleCount mentionCount }
        topSpeakers(first: 3) { person { name } quoteCount articleCount }
        topVenues(first: 2) { venue { name } articleCount }
        venueMap { venue { name } latitude longitude articleCount }
        all: mentionTimeline(interval: DAY) { start articleCount }
        dated: articlesConnection(filter: { publishedAfter: "1900-01-01T00:00:00Z" }) { totalCount }
      }`,
      { p: toloraia },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.mentionTimeline).toEqual([{ start: "2017-03-01T00:00:00.000Z", articleCount: 1, mentionCount: expect.any(Number) }]);
    expect(body.data.mentionTimeline[0].mentionCount).toBeGreaterThanOrEqual(2);
    expect(body.data.topSpeakers[0].person.name).toBe("Georgy Toloraia");
    expect(body.data.topVenues.map((v: any) => v.articleCount)).toEqual([2, 2]);
    const pyongyang = body.data.venueMap.find((v: any) => v.venue.name === "Pyongyang");
    expect(pyongyang?.latitude).toBeCloseTo(39.0, 0);
    expect(pyongyang?.longitude).toBeCloseTo(125.75, 0);
    for (const point of body.data.venueMap) expect(typeof point.latitude).toBe("number");
    const days = body.data.all.map((b: any) => b.articleCount);
    // Articles without a publication date are in no bucket.
    expect(days.reduce((a: number, b: number) => a + b, 0)).toBe(body.data.dated.totalCount);
  });

  it("navigates venue -> articles -> persons -> quotes and venue -> persons", async () => {
    const { body } = await server.graphql(`{ venues(first: 1, filter: { name: "North Korea" }) { name kind countryCode articleCount
      persons(first: 50) { person { name } sharedArticles }
      articlesConnection(orderBy: { field: PUBLISHED_AT, direction: ASC }) { totalCount nodes { title persons { name quotes { text } } } } } }`);
    expect(body.errors).toBeUndefined();
    const [nk] = body.data.venues;
    expect(nk).toMatchObject({ name: "North Korea", kind: "country", countryCode: "KP", articleCount: 2 });
    expect(nk.articlesConnection.totalCount).toBe(2);
    expect(nk.persons.map((p: any) => p.person.name)).toEqual(expect.arrayContaining(["Georgy Toloraia", "Pak Song Il", "Kwon Jong Gun"]));
  });

  it("pages an article's comment thread", async () => {
    const { body } = await server.graphql(`{ search(query: "strategic patience") { nodes { comments { author text }
      first: commentsConnection(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { author text } } } } }`);
    expect(body.errors).toBeUndefined();
    const [article] = body.data.search.nodes;
    expect(article.first.totalCount).toBe(3);
    expect(article.first.nodes).toEqual(article.comments.slice(0, 2));
    expect(article.first.pageInfo.hasNextPage).toBe(true);
    const rest = await server.graphql(`query($after: String) { search(query: "strategic patience") { nodes { commentsConnection(after: $after) { nodes { text } pageInfo { hasNextPage } } } } }`,
      { after: article.first.pageInfo.endCursor });
    expect(rest.body.data.search.nodes[0].commentsConnection).toEqual({ nodes: [{ text: article.comments[2].text }], pageInfo: { hasNextPage: false } });
  });

  it("announced the second seed to subscribers, filtered by venue", async () => {
    await expect.poll(() => received.length, { timeout: 3000 }).toBe(1);
    expect(received[0].data.articleIngested.title).toBe("US And North Korea Have Secret Talks");
    await expect.poll(() => receivedFiltered.length, { timeout: 3000 }).toBe(1);
    expect(receivedFiltered[0].data.articleIngested.venues.map((v: any) => v.name)).toContain("North Korea");
  });
});
