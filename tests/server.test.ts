// The GraphQL server over HTTP on a real database holding the sample articles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleDataIfEmpty } from "../src/ingest/sample-data.js";
import { databaseKinds, quietLog, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer } from "./helpers/server.js";

describe.each(databaseKinds)("GraphQL server on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    expect(await loadSampleDataIfEmpty(fresh.current.db, quietLog)).toBe(3);
    server = await startTestServer(fresh.current.db);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers the README's first query with the sample articles, their quotes and speakers", async () => {
    const { status, body } = await server.graphql(`{ articles { title quotes { text speaker { name } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const ports = body.data.articles.find((a: any) => a.title === "Northern Ports Agree to Share Shipping Data");
    expect(ports.quotes.map((q: any) => q.speaker?.name)).toEqual(["Maria Ostrovskaya", "Henrik Vogel", "Henrik Vogel"]);
    expect(body.data.articles).toHaveLength(3);
  });

  it("navigates article -> quotes -> speaker -> articles and back, by global ID", async () => {
    const list = await server.graphql(`{ articles(first: 1) { id } }`);
    const id = list.body.data.articles[0].id;
    const { body } = await server.graphql(
      `query($id: ID!) { article(id: $id) { id title persons { name } personMentions { mentionCount roles person { name } }
         venues { name kind countryCode latitude longitude } comments { author text article { id } }
         quotes { text cue confidence speaker { id name articles { id } quotes { text } } article { id } } } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    const article = body.data.article;
    expect(article.id).toBe(id);
    expect(article.persons.length).toBeGreaterThan(0);
    for (const quote of article.quotes) {
      expect(quote.article.id).toBe(id);
      if (quote.speaker) expect(quote.speaker.articles.map((a: any) => a.id)).toContain(id);
    }
    for (const comment of article.comments) expect(comment.article.id).toBe(id);
  });

  it("finds a person by ID with their articles and quotes, and refetches through node(id)", async () => {
    const persons = await server.graphql(`{ persons(name: "Vogel") { id name roles } }`);
    expect(persons.body.data.persons).toHaveLength(1);
    const vogel = persons.body.data.persons[0];
    expect(vogel.roles.join(" ")).toMatch(/logistics analyst/);
    const { body } = await server.graphql(`query($id: ID!) { person(id: $id) { name articles { title } quotes { text } } node(id: $id) { id ... on Person { name } } }`, { id: vogel.id });
    expect(body.data.person.articles.map((a: any) => a.title)).toEqual(["Northern Ports Agree to Share Shipping Data"]);
    expect(body.data.person.quotes).toHaveLength(2);
    expect(body.data.node).toEqual({ id: vogel.id, name: "Henrik Vogel" });
  });

  it("rejects a malformed ID and an oversized page with BAD_USER_INPUT", async () => {
    const badId = await server.graphql(`{ article(id: "nope") { title } }`);
    expect(badId.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await server.graphql(`{ articles(first: 1000) { title } }`);
    expect(tooMany.body.errors?.[0]?.message).toMatch(/first must be between 0 and 100/);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reports database health at /health", async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: { status: "up", kind: fresh.current.db.target.kind } });
  });

  it("serves the Playground and its assets locally, with no CDN link", async () => {
    const page = await fetch(`${server.url}/playground`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\/(cdn|fonts)\./);
    const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await fetch(new URL(src, server.url))).status, src).toBe(200);
  });
});
