// Organisations over GraphQL-over-HTTP, on invented articles: the list with its name filter,
// one by ID, the most named, an article's organisations apart from its persons, a quote
// spoken by an organisation, the article filter, and the statements a page costs (no N+1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "test-key-orgs-0123456789";
const WRITE = { "x-api-key": API_KEY };

const FIRMS = ["Westfjord Power Company", "Tallowmere Foods Inc", "Greyrock Holdings", "Brackenfield Mills Corp", "Kestrel Airlines", "Duneholt Motors", "Marrow Bay Industries", "Orrin Vale Technologies"];

/** An invented article: a company raising prices and speaking for itself, a ministry, a person. */
const article = (firm: string, i: number) => [
  `${firm} raises prices, day ${i + 1}`,
  `${firm} raised its prices for the second time this year, the Ministry of Energy said on Monday.`,
  `"Costs have doubled," the company said. Consumer advocate Lena Varga called the rise unfair.`,
  `The Ministry of Energy will review the rise.`,
].join("\n\n");

describe.each(databaseKinds)("organisations over HTTP on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    const inputs = FIRMS.map((firm, i) => ({ text: article(firm, i) }));
    const { body } = await server.graphql(`mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { status error } }`, { inputs }, WRITE);
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticles.map((r: any) => r.status)).toEqual(inputs.map(() => "NEW"));
  });
  afterAll(async () => {
    await server?.close();
  });

  async function withStatements(query: string, variables?: object) {
    const statements: string[] = [];
    const stop = fresh.current.db.onStatement((sql) => statements.push(sql));
    try {
      const { body } = await server.graphql(query, variables);
      expect(body.errors).toBeUndefined();
      return { data: body.data, statements };
    } finally {
      stop();
    }
  }

  it("lists organisations by name, filtered by name and kind, with counts", async () => {
    const { body } = await server.graphql(`{
      all: organizations(first: 50) { totalCount nodes { name kind articleCount } }
      ministry: organizations(filter: { name: "energy" }) { totalCount nodes { name kind articleCount mentionCount } }
      companies: organizations(filter: { kind: COMPANY }, orderBy: { field: NAME, direction: DESC }, first: 2) { totalCount pageInfo { hasNextPage } nodes { name } }
    }`);
    expect(body.errors).toBeUndefined();
    const names = body.data.all.nodes.map((o: any) => o.name);
    expect(names).toEqual(expect.arrayContaining([...FIRMS, "Ministry of Energy"]));
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(body.data.ministry).toEqual({ totalCount: 1, nodes: [{ name: "Ministry of Energy", kind: "GOVERNMENT", articleCount: FIRMS.length, mentionCount: 2 * FIRMS.length }] });
    expect(body.data.companies.totalCount).toBeGreaterThanOrEqual(3);
    expect(body.data.companies.pageInfo.hasNextPage).toBe(true);
  });

  it("gives an organisation's page: articles, the quotes it speaks, and node(id)", async () => {
    const found = await server.graphql(`{ organizations(filter: { name: "Westfjord" }) { nodes { id } } }`);
    const id = found.body.data.organizations.nodes[0].id;
    const { body } = await server.graphql(`query($id: ID!) {
      organization(id: $id) {
        name aliases kind articleCount
        articles { title }
        articlesConnection(first: 5) { totalCount nodes { title organizations { name } persons { name } } }
        quotes { text speaker { name } speakerOrganization { id name } }
      }
      node(id: $id) { id ... on Organization { name } }
    }`, { id });
    expect(body.errors).toBeUndefined();
    const org = body.data.organization;
    expect(org).toMatchObject({ name: "Westfjord Power Company", kind: "COMPANY", articleCount: 1 });
    expect(org.articles).toHaveLength(1);
    expect(org.articlesConnection.totalCount).toBe(1);
    const page = org.articlesConnection.nodes[0];
    expect(page.organizations.map((o: any) => o.name).sort()).toEqual(["Ministry of Energy", "Westfjord Power Company"]);
    // Organisations never appear among the persons.
    expect(page.persons.map((p: any) => p.name)).toEqual(["Lena Varga"]);
    expect(org.quotes).toEqual([{ text: "Costs have doubled,", speaker: null, speakerOrganization: { id, name: "Westfjord Power Company" } }].map((q) => ({ ...q, text: expect.stringContaining("Costs have doubled") })));
    expect(body.data.node).toEqual({ id, name: "Westfjord Power Company" });
  });

  it("counts the most named organisations and filters articles by one", async () => {
    const { body } = await server.graphql(`{ topOrganizations(first: 3) { articleCount mentionCount organization { id name } } }`);
    expect(body.errors).toBeUndefined();
    const [top] = body.data.topOrganizations;
    expect(top).toMatchObject({ articleCount: FIRMS.length, organization: { name: "Ministry of Energy" } });
    const filtered = await server.graphql(`query($org: ID!) {
      articlesConnection(filter: { organization: $org }) { totalCount }
      topOrganizations(filter: { organization: $org }, first: 100) { organization { name } }
    }`, { org: top.organization.id });
    expect(filtered.body.errors).toBeUndefined();
    expect(filtered.body.data.articlesConnection.totalCount).toBe(FIRMS.length);
    expect(filtered.body.data.topOrganizations).toHaveLength(FIRMS.length + 1);
    const bad = await server.graphql(`{ articlesConnection(filter: { organization: "nope" }) { totalCount } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("sends as many statements for a page of 8 articles with organisations and organisation speakers as for a page of 2", async () => {
    const query = `query($first: Int!) { articlesConnection(first: $first) { nodes { title organizations { name kind } quotes { text speaker { name } speakerOrganization { name articleCount } } } } }`;
    const small = await withStatements(query, { first: 2 });
    const large = await withStatements(query, { first: 8 });
    expect(large.data.articlesConnection.nodes).toHaveLength(8);
    expect(large.data.articlesConnection.nodes.every((a: any) => a.organizations.length === 2 && a.quotes.some((q: any) => q.speakerOrganization))).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
    // The page, the articles' organisations, the quotes' organisations.
    expect(large.statements.length).toBeLessThanOrEqual(3);
    const orgPage = `query($first: Int!) { organizations(first: $first) { nodes { name articles(first: 2) { title } quotes(first: 2) { text } } } }`;
    const few = await withStatements(orgPage, { first: 2 });
    const many = await withStatements(orgPage, { first: 9 });
    expect(many.data.organizations.nodes).toHaveLength(9);
    expect(many.statements.length).toBe(few.statements.length);
  });
});
