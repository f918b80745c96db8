// How the API behaves whatever the data: statements per request (no N+1), limits, the
// GraphQL-over-HTTP conventions, access control and the editorial mutations. Runs on the
// committed sample articles, so it needs no ../shared.
import { getNamedType, isLeafType, isNonNullType, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "../src/generated/prisma/client.js";
import { passagesOf } from "../src/db/queries/sql.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { toGlobalId } from "../src/models/global-id.js";
import { getSchema } from "../src/schema.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { lisbonVariants, sampleText } from "./helpers/articles.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "test-key-0123456789abcdef";
const WRITE = { "x-api-key": API_KEY };

const ARTICLE_PAGE = `query($first: Int!) {
  articlesConnection(first: $first) {
    totalCount
    edges { cursor node { title quotes { text speaker { name articleCount } } persons { name } venues { name } } }
  }
}`;

describe.each(databaseKinds)("API behaviour on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    const inputs = [...lisbonVariants(24), sampleText("001_northern-ports.txt")].map((text) => ({ text }));
    const { body } = await server.graphql(`mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { status error } }`, { inputs }, WRITE);
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticles.map((r: any) => r.status)).toEqual(inputs.map(() => "NEW"));
  });
  afterAll(async () => {
    await server?.close();
  });

  /**
   * The statements of a bigger page must not grow with it. On PostgreSQL a loader shared by
   * two branches (persons of articles and speakers of quotes) can fire once or twice,
   * depending on which database answer comes first, so equal within one statement.
   */
  function expectSameStatementCount(large: string[], small: string[]) {
    expect(Math.abs(large.length - small.length), `${large.length} statements against ${small.length}`).toBeLessThanOrEqual(1);
  }

  /** Runs a query and returns its answer with the SQL statements it sent. */
  async function withStatements(query: string, variables?: object) {
    const statements: string[] = [];
    const stop = fresh.current.db.onStatement((sql) => statements.push(sql));
    try {
      const { body } = await server.graphql(query, variables);
      return { body, statements };
    } finally {
      stop();
    }
  }

  it("sends as many SQL statements for a page of 20 articles with quotes and speakers as for a page of 2", async () => {
    const small = await withStatements(ARTICLE_PAGE, { first: 2 });
    const large = await withStatements(ARTICLE_PAGE, { first: 20 });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data.articlesConnection.edges).toHaveLength(2);
    expect(large.body.data.articlesConnection.edges).toHaveLength(20);
    expect(large.body.data.articlesConnection.edges.some((e: any) => e.node.quotes.some((q: any) => q.speaker))).toBe(true);
    expectSameStatementCount(large.statements, small.statements);
    // The page with its total, quotes, speakers, persons and venues; then the speakers' article counts.
    expect(large.statements).toHaveLength(2);
  });

  it.skipIf(kind.name !== "postgres")("plans a page statement once per connection, whatever the page's size", async () => {
    // One request at a time: the pool hands back the connection it got last, so the
    // requests and the looks at its prepared statements share one session.
    const pagePlans = async () => {
      const plans = await fresh.current.db.query<{ statement: string; generic: number; custom: number }>(Prisma.sql`
        SELECT statement, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements`);
      return plans.find((p) => p.statement.includes(`"listTotal"`)) ?? { generic: 0, custom: 0 };
    };
    const before = await pagePlans();
    for (const first of [2, 5, 20, 3, 7, 11, 1]) {
      const { body } = await server.graphql(ARTICLE_PAGE, { first });
      expect(body.errors).toBeUndefined();
    }
    const after = await pagePlans();
    expect(after).toMatchObject({ generic: before.generic + 7, custom: 0 });
  });

  it("counts each co-mention network node's matching articles, from one statement with the persons", async () => {
    const NETWORK = `query($filter: ArticleFilter) { coMentionNetwork(minWeight: 1, filter: $filter) {
      nodes { articleCount person { name articleCount } } edges { weight source { name } target { name } } } }`;
    const all = await withStatements(NETWORK);
    expect(all.body.errors).toBeUndefined();
    const nodes = all.body.data.coMentionNetwork.nodes;
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes) expect(node.articleCount).toBe(node.person.articleCount);
    expect(nodes[0].articleCount).toBe(24);
    // The edges and the nodes with their persons; the persons' own article counts (asked for here).
    expect(all.statements).toHaveLength(2);
    expect(all.statements[0]).toMatch(/"Person"/);
    // Over one of the 24 Lisbon evenings, each person counts one article.
    const one = await withStatements(NETWORK, { filter: { search: '"Evening 3"' } });
    expect(one.body.errors).toBeUndefined();
    const filtered = one.body.data.coMentionNetwork.nodes;
    expect(filtered.length).toBeGreaterThanOrEqual(2);
    expect(filtered.map((n: any) => n.articleCount)).toEqual(filtered.map(() => 1));
    expect(one.body.data.coMentionNetwork.edges.every((e: any) => e.weight === 1)).toBe(true);
  });

  it("answers a page with the children it selected from one statement, the same as article by article", async () => {
    // Every scalar field of the article and its children (the page reads only the columns
    // selected, so a field added later is covered here), and a narrow selection.
    const schema = await getSchema();
    const scalars = (type: string) =>
      Object.values((schema.getType(type) as GraphQLObjectType).getFields())
        .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
        .map((f) => f.name).join(" ");
    const everything = `${scalars("Article")} quotes { ${scalars("Quote")} speaker { ${scalars("Person")} } }
      persons { ${scalars("Person")} } venues { ${scalars("Venue")} }`;
    const narrow = `title quotes { sentence speaker { name } } persons { roles }`;
    for (const fields of [everything, narrow]) {
      // Aliases, a fragment and `nodes` instead of `edges`: the page statement still brings the children along.
      const page = await withStatements(`fragment Children on Article { ${fields} }
        { list: articlesConnection(first: 25, orderBy: { field: TITLE }) { total: totalCount nodes { id ...Children } } }`);
      expect(page.body.errors).toBeUndefined();
      // One statement for the page; the persons' and venues' counts are counted apart.
      expect(page.statements.filter((sql) => !/::int AS quotes|count\(\*\)::int AS count/.test(sql))).toHaveLength(1);
      if (fields === narrow) expect(page.statements).toHaveLength(1);
      const { nodes } = page.body.data.list;
      expect(page.body.data.list.total).toBe(25);
      expect(nodes).toHaveLength(25);
      for (const node of nodes.filter((n: any) => n.quotes.length).slice(0, 3)) {
        const single = await server.graphql(`query($id: ID!) { article(id: $id) { id ${fields} } }`, { id: node.id });
        expect(single.body.data.article).toEqual(node);
        // A nested connection's page returns whole quotes too: the same as the plain list.
        const quoteFields = scalars("Quote");
        const nested = await server.graphql(`query($id: ID!) { article(id: $id) { quotes { ${quoteFields} } quotesConnection(first: 50) { nodes { ${quoteFields} } } } }`, { id: node.id });
        expect(nested.body.data.article.quotesConnection.nodes).toEqual(nested.body.data.article.quotes);
      }
    }
    // A page read without bodies leaves no body-less article behind for the rest of the request.
    const nested = await server.graphql(`{ articlesConnection(first: 25, filter: { hasQuotes: true }) { nodes { quotes { article { body } } } } }`);
    expect(nested.body.errors).toBeUndefined();
    const bodies = nested.body.data.articlesConnection.nodes.flatMap((n: any) => n.quotes.map((q: any) => q.article.body));
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body.length).toBeGreaterThan(100);
  });

  it("counts persons' articles and quotes in one statement, the same as counting them apart", async () => {
    const { body, statements } = await withStatements(`{ persons(first: 8, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id name articleCount quoteCount } }`);
    expect(body.errors).toBeUndefined();
    // The page's keys, the persons' rows, then both counts of all of them.
    expect(statements).toHaveLength(3);
    const persons = body.data.persons as { id: string; name: string; articleCount: number; quoteCount: number }[];
    expect(persons.some((p) => p.quoteCount > 0) && persons.some((p) => p.quoteCount === 0)).toBe(true);
    for (const person of persons) {
      const { body: apart } = await server.graphql(`query($id: ID!) {
        person(id: $id) { articlesConnection { totalCount } quotesConnection { totalCount } } }`, { id: person.id });
      const { articlesConnection, quotesConnection } = apart.data.person;
      expect([person.articleCount, person.quoteCount], person.name).toEqual([articlesConnection.totalCount, quotesConnection.totalCount]);
      // One person's page: the counts come with the person's row.
      const page = await withStatements(`query($id: ID!) { person(id: $id) { name articleCount quoteCount } }`, { id: person.id });
      expect(page.body.data.person).toEqual({ name: person.name, articleCount: person.articleCount, quoteCount: person.quoteCount });
      expect(page.statements).toHaveLength(1);
    }
    const uncounted = await withStatements(`query($id: ID!) { person(id: $id) { name } }`, { id: persons[0]!.id });
    expect(uncounted.body.data.person).toEqual({ name: persons[0]!.name });
    expect(uncounted.statements.join("\n")).not.toMatch(/count\(/);
  });

  it("relates persons and venues through shared articles with one statement per relation, the entities included", async () => {
    const query = `query($first: Int!) { persons(first: $first, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id
      coMentioned(first: 5) { sharedArticles person { id name aliases roles } }
      venues(first: 5) { sharedArticles venue { id name latitude longitude persons(first: 3) { sharedArticles person { id name } } } } } }`;
    const small = await withStatements(query, { first: 1 });
    const large = await withStatements(query, { first: 6 });
    expect(large.body.errors).toBeUndefined();
    // The page's keys and the persons' rows, then one statement for each relation: none loads the related entities.
    expect(large.statements).toHaveLength(5);
    expectSameStatementCount(large.statements, small.statements);
    const related = large.body.data.persons.flatMap((p: any) => [...p.coMentioned.map((c: any) => c.person), ...p.venues.map((v: any) => v.venue)]);
    expect(related.length).toBeGreaterThan(5);
    for (const person of large.body.data.persons) {
      const others = person.coMentioned.map((c: any) => c.person.id);
      expect(new Set([person.id, ...others]).size, "a person's co-mentioned are others, each once").toBe(others.length + 1);
    }
    for (const entity of related.slice(0, 8)) {
      const { body } = await server.graphql(`query($id: ID!) { node(id: $id) {
        ... on Person { id name aliases roles } ... on Venue { id name latitude longitude } } }`, { id: entity.id });
      const { persons: _, ...fields } = entity;
      expect(body.data.node).toEqual(fields);
    }
  });

  it("brings a person's quotes' articles along with the quotes page, the same as loading them apart", async () => {
    const ARTICLE_FIELDS = "id title body publishedAt source dateline tags url";
    const query = `query($first: Int!) { persons(first: $first, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id
      quotesConnection(first: 3) { nodes { text article { ${ARTICLE_FIELDS} } } } } }`;
    const small = await withStatements(query, { first: 1 });
    const large = await withStatements(query, { first: 6 });
    expect(large.body.errors).toBeUndefined();
    // The page's keys, the persons' rows, then their quote pages with the articles.
    expect(large.statements).toHaveLength(3);
    expectSameStatementCount(large.statements, small.statements);
    const articles = large.body.data.persons.flatMap((p: any) => p.quotesConnection.nodes.map((q: any) => q.article));
    expect(new Set(articles.map((a: any) => a.id)).size).toBeGreaterThan(1);
    for (const article of articles) {
      const { body } = await server.graphql(`query($id: ID!) { node(id: $id) { ... on Article { ${ARTICLE_FIELDS} } } }`, { id: article.id });
      expect(body.data.node).toEqual(article);
    }
    // Without Quote.article, the page reads no article columns.
    const textOnly = await withStatements(`query { persons(first: 6) { quotesConnection(first: 3) { nodes { text } } } }`);
    expect(textOnly.body.errors).toBeUndefined();
    expect(textOnly.statements.join("\n")).not.toMatch(/"article\./);
  });

  it("reads only the article columns a nested page selects, and serves the same articles whole where a field below reads more", async () => {
    const titles = await withStatements(`{ persons(first: 4, orderBy: { field: ARTICLE_COUNT, direction: DESC }) {
      quotesConnection(first: 2) { nodes { id article { id title } } } articlesConnection(first: 2) { nodes { id title } } } }`);
    expect(titles.body.errors).toBeUndefined();
    const nested = titles.statements.filter((sql) => /PARTITION BY/.test(sql));
    expect(nested).toHaveLength(2);
    for (const sql of nested) {
      expect(sql).toMatch(/"title"/);
      expect(sql).not.toMatch(/"body"|"tags"/);
    }
    // Below the page, the same articles read whole (through each one's quotes) are whole:
    // the page's projected articles filled no loader.
    const WHOLE = "quotes { article { id title body tags } }";
    // One page per request: a whole read below one page must not race the other page's.
    const PERSONS = "persons(first: 4, orderBy: { field: ARTICLE_COUNT, direction: DESC })";
    const quotePage = await server.graphql(`{ ${PERSONS} { quotesConnection(first: 2) { nodes { id article { id title ${WHOLE} } } } } }`);
    const articlePage = await server.graphql(`{ ${PERSONS} { articlesConnection(first: 2) { nodes { id title ${WHOLE} } } } }`);
    const venuePage = await server.graphql(`{ venues(first: 3) { articlesConnection(first: 2) { nodes { id title ${WHOLE} } } } }`);
    for (const page of [quotePage, articlePage, venuePage]) expect(page.body.errors).toBeUndefined();
    const pageArticles = [
      ...quotePage.body.data.persons.flatMap((p: any) => p.quotesConnection.nodes.map((q: any) => q.article)),
      ...[...articlePage.body.data.persons, ...venuePage.body.data.venues].flatMap((p: any) => p.articlesConnection.nodes),
    ];
    const whole = pageArticles.flatMap((a: any) => a.quotes.map((q: any) => q.article));
    expect(whole.length).toBeGreaterThan(4);
    expect(whole.filter((a: any) => pageArticles.some((p: any) => p.id === a.id)).length, "the page's own articles, read whole").toBe(whole.length);
    for (const article of whole.slice(0, 6)) {
      const apart = await server.graphql(`query($id: ID!) { node(id: $id) { ... on Article { id title body tags } } }`, { id: article.id });
      expect(apart.body.data.node.body.length).toBeGreaterThan(100);
      expect(article).toEqual(apart.body.data.node);
    }
  });

  it("makes search snippets only when a client reads them, the same results otherwise", async () => {
    const withSnippets = await withStatements(`{ search(query: "market", first: 5) { totalCount edges { rank ...S node { title } } } }
      fragment S on ArticleEdge { snippet }`);
    const without = await withStatements(`{ search(query: "market", first: 5) { totalCount edges { rank node { title } } } }`);
    expect(withSnippets.body.errors).toBeUndefined();
    const edges = withSnippets.body.data.search.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) expect(edge.snippet).toMatch(/<mark>market<\/mark>/i);
    expect(withSnippets.statements.join("\n")).toMatch(/ts_headline/);
    expect(without.statements.join("\n")).not.toMatch(/ts_headline/);
    expect(without.body.data.search).toEqual({ ...withSnippets.body.data.search, edges: edges.map(({ snippet: _, ...edge }: any) => edge) });
  });

  it("gives a search one total on every page, with the page's rows, and past the last page too", async () => {
    const PAGE = `query($after: String) { search(query: "market", first: 10, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const byDate = await server.graphql(`{ articlesConnection(filter: { search: "market" }, orderBy: { field: PUBLISHED_AT }) { totalCount } }`);
    const total = byDate.body.data.articlesConnection.totalCount;
    expect(total).toBeGreaterThan(20);

    const ids: string[] = [];
    let after: string | null = null;
    for (let hasNextPage = true; hasNextPage; ) {
      const page = await withStatements(PAGE, { after });
      expect(page.body.errors).toBeUndefined();
      const { totalCount, pageInfo, edges } = page.body.data.search;
      expect(totalCount).toBe(total);
      // The planner's estimate of the matches (a plan, no rows read: whether to rank in the
      // newest articles' window), then the page with its total.
      expect(page.statements).toHaveLength(2);
      expect(page.statements[0]).toMatch(/Article_search_matches_estimate/);
      ids.push(...edges.map((e: any) => e.node.id));
      ({ hasNextPage, endCursor: after } = pageInfo);
    }
    expect(new Set(ids).size).toBe(total);
    const past = await server.graphql(PAGE, { after });
    expect(past.body.data.search).toEqual({ totalCount: total, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it("pages nested connections of many parents in one statement per level", async () => {
    const query = `query($first: Int!) { personsConnection(first: $first, orderBy: { field: NAME }) {
      nodes { name articlesConnection(first: 2) { totalCount nodes { title quotesConnection(first: 1) { totalCount nodes { text } } } } } } }`;
    const small = await withStatements(query, { first: 1 });
    const large = await withStatements(query, { first: 5 });
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data.personsConnection.nodes.length).toBeGreaterThan(1);
    expectSameStatementCount(large.statements, small.statements);
  });

  it("answers one person's nested pages with its key as a scalar, the same as in a page of many persons", async () => {
    const NESTED = `quotesConnection(first: 3) { totalCount nodes { text article { title } } }
      articlesConnection(first: 2) { totalCount nodes { title } } coMentioned(first: 3) { sharedArticles person { name } } venues(first: 2) { venue { name } }`;
    const many = await withStatements(`{ persons(first: 6, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id ${NESTED} } }`);
    expect(many.body.errors).toBeUndefined();
    const persons = many.body.data.persons;
    expect(persons.filter((p: any) => p.quotesConnection.totalCount > 0 && p.coMentioned.length > 0).length).toBeGreaterThan(1);
    for (const { id, ...page } of persons.slice(0, 3)) {
      const one = await withStatements(`query($id: ID!) { person(id: $id) { ${NESTED} } }`, { id });
      expect(one.body.data.person).toEqual(page);
      // A generic plan takes an array for ten keys and hash-joins whole tables for one.
      const nested = one.statements.slice(1);
      expect(nested).toHaveLength(4);
      for (const sql of nested) expect(sql).not.toMatch(/= ANY\(/);
    }
    expect(many.statements.filter((sql) => /PARTITION BY/.test(sql)).every((sql) => /= ANY\(/.test(sql))).toBe(true);
  });

  it("pages forwards and backwards with cursors, and reports the total", async () => {
    const all = (await server.graphql(`{ articlesConnection(first: 100, orderBy: { field: TITLE, direction: ASC }) { totalCount nodes { title } } }`)).body.data.articlesConnection;
    expect(all.totalCount).toBe(25);
    const titles = all.nodes.map((n: any) => n.title);
    expect([...titles].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(titles);

    const page = `query($first: Int, $after: String, $last: Int, $before: String) {
      articlesConnection(first: $first, after: $after, last: $last, before: $before, orderBy: { field: TITLE, direction: ASC }) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { title } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: { body: any } = await server.graphql(page, { first: 7, after });
      const conn: any = body.data.articlesConnection;
      seen.push(...conn.nodes.map((n: any) => n.title));
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(titles);

    const last = (await server.graphql(page, { last: 3 })).body.data.articlesConnection;
    expect(last.nodes.map((n: any) => n.title)).toEqual(titles.slice(-3));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = (await server.graphql(page, { last: 2, before: last.pageInfo.startCursor })).body.data.articlesConnection;
    expect(before.nodes.map((n: any) => n.title)).toEqual(titles.slice(-5, -3));
  });

  it("tells whether a page follows from the total when the client reads it, and from one row more when not", async () => {
    // 25 articles in pages of 5: the fifth page is full and the last.
    for (const withTotal of [true, false]) {
      const page = `query($after: String) { articlesConnection(first: 5, after: $after, orderBy: { field: TITLE, direction: ASC }) {
        ${withTotal ? "totalCount" : ""} pageInfo { hasNextPage endCursor } nodes { title } } }`;
      const read = vi.spyOn(fresh.current.db, "query");
      const follows: boolean[] = [];
      let after: string | null = null;
      try {
        do {
          const { body }: { body: any } = await server.graphql(page, { after });
          expect(body.errors).toBeUndefined();
          expect(body.data.articlesConnection.nodes).toHaveLength(5);
          follows.push(body.data.articlesConnection.pageInfo.hasNextPage);
          after = body.data.articlesConnection.pageInfo.endCursor;
        } while (follows.at(-1) && follows.length < 10);
        const rowsRead = await Promise.all(read.mock.results.map((result) => result.value as Promise<unknown[]>));
        // The page statements: with the total, never a row more than the page.
        expect(rowsRead.map((rows) => rows.length)).toEqual(withTotal ? [5, 5, 5, 5, 5] : [6, 6, 6, 6, 5]);
      } finally {
        read.mockRestore();
      }
      expect(follows).toEqual([true, true, true, true, false]);
    }
  });

  it("filters articles by person, speaker, venue, quotes and date range", async () => {
    const ids = (await server.graphql(`{ persons(name: "Vogel") { id } venues(filter: { name: "Rotterdam" }) { id } }`)).body.data;
    const vogel = ids.persons[0].id;
    const rotterdam = ids.venues[0].id;
    const { body } = await server.graphql(
      `query($p: ID!, $v: ID!) {
        byPerson: articlesConnection(filter: { person: $p }) { totalCount nodes { title } }
        bySpeaker: articlesConnection(filter: { speaker: $p }) { totalCount }
        byVenue: articlesConnection(filter: { venue: $v }) { totalCount }
        quoted: articlesConnection(filter: { hasQuotes: true }) { totalCount }
        in2025: articlesConnection(filter: { publishedAfter: "2025-01-01T00:00:00Z", publishedBefore: "2026-01-01T00:00:00Z" }) { totalCount }
        none: articlesConnection(filter: { publishedBefore: "2000-01-01T00:00:00Z" }) { totalCount pageInfo { hasNextPage startCursor } }
      }`,
      { p: vogel, v: rotterdam },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.byPerson).toEqual({ totalCount: 1, nodes: [{ title: "Northern Ports Agree to Share Shipping Data" }] });
    expect(body.data.bySpeaker.totalCount).toBe(1);
    expect(body.data.byVenue.totalCount).toBe(1);
    expect(body.data.quoted.totalCount).toBe(25);
    expect(body.data.in2025.totalCount).toBe(1);
    expect(body.data.none).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, startCursor: null } });
  });

  it("serves and filters publication times in UTC whatever the server's time zone", async () => {
    const stored = await fresh.current.db.prisma.article.findFirstOrThrow({ where: { title: "Northern Ports Agree to Share Shipping Data" } });
    const publishedAt = stored.publishedAt!.toISOString();
    const justAfter = new Date(stored.publishedAt!.getTime() + 1).toISOString();
    const previousZone = process.env.TZ;
    // Both drivers read and write plain timestamps in local time unless told otherwise.
    process.env.TZ = "Asia/Kolkata";
    try {
      const { body } = await server.graphql(
        `query($at: DateTime!, $after: DateTime!) {
          from: articlesConnection(filter: { publishedAfter: $at }) { nodes { title publishedAt } }
          later: articlesConnection(filter: { publishedAfter: $after }) { totalCount }
          before: articlesConnection(filter: { publishedBefore: $after, hasQuotes: true }, first: 100) { nodes { publishedAt } }
        }`,
        { at: publishedAt, after: justAfter },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.from.nodes).toEqual([{ title: stored.title, publishedAt }]);
      expect(body.data.later.totalCount).toBe(0);
      expect(body.data.before.nodes.map((n: any) => n.publishedAt)).toContain(publishedAt);
    } finally {
      if (previousZone === undefined) delete process.env.TZ;
      else process.env.TZ = previousZone;
    }
  });

  it("refuses a query nested 20 levels deep before touching the database", async () => {
    // articles > (quotes > speaker > articles) x 6 > title: 20 levels.
    let selection = "title";
    for (let i = 0; i < 6; i++) selection = `quotes { speaker { articles { ${selection} } } }`;
    const deep = `{ articles { ${selection} } }`;
    expect(deep.match(/\{/g)).toHaveLength(20);
    const { body, statements } = await withStatements(deep);
    expect(body.errors?.[0]).toMatchObject({ message: "the operation is 20 levels deep, over this server's limit of 12", extensions: { code: "GRAPHQL_VALIDATION_FAILED", depth: 20, maxDepth: 12 } });
    expect(statements).toHaveLength(0);
  });

  it("refuses an over-costly query and an oversized page with clear errors", async () => {
    const costly = await withStatements(`{ a: articlesConnection(first: 100) { nodes { quotesConnection(first: 100) { nodes { speaker { articlesConnection(first: 100) { nodes { title } } } } } } } }`);
    expect(costly.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(costly.body.errors?.[0]?.message).toMatch(/over this server's limit of 100000/);
    expect(costly.statements).toHaveLength(0);
    const huge = await server.graphql(`{ articlesConnection(first: 5000) { totalCount } }`);
    expect(huge.body.errors?.[0]).toMatchObject({ message: "first must be between 0 and 100, got 5000", extensions: { code: "BAD_USER_INPUT" } });
    const both = await server.graphql(`{ articlesConnection(first: 1, last: 1) { totalCount } }`);
    expect(both.body.errors?.[0]?.message).toBe("give first or last, not both");
    const badCursor = await server.graphql(`{ articlesConnection(after: "nope") { totalCount } }`);
    expect(badCursor.body.errors?.[0]?.message).toMatch(/after "nope" is not a cursor/);
  });

  it("follows GraphQL over HTTP: GET for queries, 405 for a mutation by GET, 400 for a syntax error", async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ articles(first: 1) { title } }")}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toMatch(/application\/graphql-response\+json/);
    expect((await get.json()).data.articles).toHaveLength(1);

    const mutationByGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { deleteArticle(id: "x") { deletedId } }')}`);
    expect(mutationByGet.status).toBe(405);

    const broken = await server.graphql(`{ articles { title `);
    expect(broken.status).toBe(400);
    expect(broken.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers 400 naming each variable that is wrong or missing, not a cost error", async () => {
    const query = `query($first: Int, $id: ID!) { articlesConnection(first: $first) { totalCount } article(id: $id) { title } }`;
    const wrong = await server.graphql(query, { first: "many" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toHaveLength(1);
    expect(wrong.body.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(wrong.body.errors![0]!.message).toMatch(/^Variable "\$first" got invalid value "many"; .*Variable "\$id" of required type "ID!" was not provided/);
  });

  it("needs the API key for writes and answers a clear error without it", async () => {
    const input = { text: sampleText("003_svalbard-glacier.txt") };
    const mutation = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { title } } }`;
    const anonymous = await server.graphql(mutation, { input });
    expect(anonymous.body.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    expect(anonymous.body.errors?.[0]?.message).toMatch(/needs the API key/);
    const wrong = await server.graphql(mutation, { input }, { authorization: "Bearer not-the-key-at-all" });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const keyed = await server.graphql(mutation, { input }, { authorization: `Bearer ${API_KEY}` });
    expect(keyed.body.data.ingestArticle).toEqual({ status: "NEW", article: { title: "Scientists Track Melting Glacier From Space" } });
    const again = await server.graphql(mutation, { input }, WRITE);
    expect(again.body.data.ingestArticle.status).toBe("UNCHANGED");
  });

  it("explains bad ingest input, and a batch stores the good articles past a bad one", async () => {
    const both = await server.graphql(`mutation { ingestArticle(input: { text: "a", html: "<p>b</p>" }) { status } }`, {}, WRITE);
    expect(both.body.errors?.[0]).toMatchObject({ message: "the article cannot be ingested: give exactly one of text and html (got text and html)", extensions: { code: "BAD_USER_INPUT" } });
    const batch = await server.graphql(
      `mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { index status error article { title } } }`,
      { inputs: [{ text: "   " }, { html: "<html><body><h1>Harbour Reopens</h1><p>The harbour of Tromsø reopened on Monday, officials said.</p></body></html>", source: "Test Wire" }] },
      WRITE,
    );
    expect(batch.body.data.ingestArticles[0]).toMatchObject({ index: 0, status: "FAILED", article: null, error: "the input holds only whitespace" });
    expect(batch.body.data.ingestArticles[1]).toMatchObject({ index: 1, status: "NEW", error: null });
  });

  it("renames and merges persons, reprocesses and deletes articles", async () => {
    const find = async (name: string) => (await server.graphql(`query($n: String) { persons(name: $n) { id name aliases articleCount quoteCount } }`, { n: name })).body.data.persons;
    const [cardoso] = await find("Cardoso");
    const [ferreira] = await find("Ferreira");
    const renamed = await server.graphql(`mutation($id: ID!) { renamePerson(id: $id, name: "Rui M. Cardoso") { name aliases } }`, { id: cardoso.id }, WRITE);
    expect(renamed.body.data.renamePerson).toEqual({ name: "Rui M. Cardoso", aliases: expect.arrayContaining(["Rui Cardoso", "Cardoso"]) });
    const clash = await server.graphql(`mutation($id: ID!) { renamePerson(id: $id, name: "Ana Ferreira") { name } }`, { id: cardoso.id }, WRITE);
    expect(clash.body.errors?.[0]?.message).toMatch(/already called "Ana Ferreira": use mergePersons/);

    const merged = await server.graphql(`mutation($into: ID!, $from: [ID!]!) { mergePersons(into: $into, from: $from) { name aliases articleCount quoteCount } }`,
      { into: cardoso.id, from: [ferreira.id] }, WRITE);
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data.mergePersons).toMatchObject({ name: "Rui M. Cardoso", articleCount: 24, quoteCount: cardoso.quoteCount + ferreira.quoteCount });
    expect(merged.body.data.mergePersons.aliases).toContain("Ana Ferreira");
    expect(await find("Ana Ferreira")).toEqual([expect.objectContaining({ name: "Rui M. Cardoso" })]);
    // A new article naming both links them to the merged person through its aliases.
    const next = await server.graphql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }`, { input: { text: lisbonVariants(25)[24] } }, WRITE);
    expect(next.body.data.ingestArticle.status).toBe("NEW");
    expect(await find("Ferreira")).toEqual([expect.objectContaining({ name: "Rui M. Cardoso", articleCount: 25 })]);

    const articles = (await server.graphql(`{ articles(first: 1, filter: { source: "Sputnik" }) { id title } }`)).body.data.articles;
    const reprocessed = await server.graphql(`mutation($id: ID!) { reprocessArticle(id: $id) { status article { id title } } }`, { id: articles[0].id }, WRITE);
    expect(reprocessed.body.data.reprocessArticle).toEqual({ status: "UPDATED", article: articles[0] });

    const deleted = await server.graphql(`mutation($id: ID!) { deleteArticle(id: $id) { deletedId orphansRemoved } }`, { id: articles[0].id }, WRITE);
    expect(deleted.body.data.deleteArticle.deletedId).toBe(articles[0].id);
    expect(deleted.body.data.deleteArticle.orphansRemoved).toBeGreaterThan(0);
    expect((await server.graphql(`query($id: ID!) { article(id: $id) { id } }`, { id: articles[0].id })).body.data.article).toBeNull();
    expect(await find("Vogel")).toEqual([]);
    const again = await server.graphql(`mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }`, { id: articles[0].id }, WRITE);
    expect(again.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  // Last: it adds an article, which the tests above do not expect.
  it("makes a search snippet from the passages that hold the query's words, not from the text between them", async () => {
    const filler = (word: string) =>
      Array.from({ length: 6 }, (_, i) => `The ${word} committee met for session ${i + 1} and adjourned without a statement.`).join(" ");
    const text = [
      "Harbour Board Reviews Quorlap Tariffs at Pennick", "",
      "The harbour board said on Monday that quorlap tariffs would be reviewed before the summer season.", "",
      filler("zeppelin"), "",
      "Officials in Vintrese will publish the new schedule next month.", "",
      filler("marigold"),
    ].join("\n");
    const ingested = await server.graphql(`mutation($text: String!) { ingestArticle(input: { text: $text }) { status article { id } } }`, { text }, WRITE);
    expect(ingested.body.data?.ingestArticle.status).toBe("NEW");

    const snippetOf = async (query: string) => {
      const { body } = await server.graphql(`query($query: String!) { search(query: $query) { edges { snippet } } }`, { query });
      expect(body.data.search.edges).toHaveLength(1);
      return body.data.search.edges[0].snippet as string;
    };
    const snippet = await snippetOf("quorlap vintrese");
    expect(snippet).toMatch(/<mark>quorlap<\/mark>/);
    expect(snippet).toMatch(/<mark>Vintrese<\/mark>/);
    expect(snippet).not.toMatch(/zeppelin|marigold/);
    // Re-extraction writes the passages again.
    const reprocessed = await server.graphql(`mutation($id: ID!) { reprocessArticle(id: $id) { status } }`, { id: ingested.body.data.ingestArticle.article.id }, WRITE);
    expect(reprocessed.body.data?.reprocessArticle.status).toBe("UPDATED");
    expect(await snippetOf("quorlap vintrese")).toBe(snippet);

    // A word only the title has: the snippet is the start of the body, nothing marked.
    const titleOnly = await snippetOf("pennick");
    expect(titleOnly).toMatch(/^The harbour board said/);
    expect(titleOnly).not.toMatch(/<mark>/);

    // Every stored article has a row for each passage of its body.
    const [{ mismatched }] = await fresh.current.db.prisma.$queryRaw<{ mismatched: number }[]>`
      SELECT count(*)::int AS mismatched FROM "Article" a
      WHERE cardinality(${passagesOf(Prisma.sql`a.body`)}) <> (SELECT count(*) FROM "ArticlePassage" ap WHERE ap."articleId" = a.id)`;
    expect(mismatched).toBe(0);
  });

  // Last too: it adds articles.
  it("keeps each person's counts and co-mentioned pairs through ingests, concurrent ones included, edits and deletions", async () => {
    // The tests above ingested, reprocessed, merged, renamed and deleted; now concurrent ingests
    // sharing persons (Ferreira was merged into Cardoso above: a new name makes them a pair again).
    const texts = lisbonVariants(6).map((text) =>
      text.replace(/^Night Market in Lisbon, Evening/, "Counting Persons in Lisbon, Evening").replaceAll("Ferreira", "Ferraz"));
    const results = await Promise.all(texts.map((text) =>
      server.graphql(`mutation($text: String!) { ingestArticle(input: { text: $text }) { status } }`, { text }, WRITE)));
    expect(results.map((r) => r.body.data?.ingestArticle.status)).toEqual(texts.map(() => "NEW"));

    const { prisma } = fresh.current.db;
    const countedAndKept = async () => ({
      counted: await prisma.$queryRaw<{ id: number; articleCount: number; mentionCount: number }[]>`
        SELECT p.id, count(ap."articleId")::int AS "articleCount", coalesce(sum(ap."mentionCount"), 0)::int AS "mentionCount"
        FROM "Person" p LEFT JOIN "ArticlePerson" ap ON ap."personId" = p.id GROUP BY p.id ORDER BY p.id`,
      kept: await prisma.person.findMany({ select: { id: true, articleCount: true, mentionCount: true }, orderBy: { id: "asc" } }),
      countedPairs: await prisma.$queryRaw<{ personId: number; coMentionedId: number; sharedArticles: number }[]>`
        SELECT x."personId", y."personId" AS "coMentionedId", count(*)::int AS "sharedArticles"
        FROM "ArticlePerson" x JOIN "ArticlePerson" y ON y."articleId" = x."articleId" AND y."personId" <> x."personId"
        GROUP BY 1, 2 ORDER BY 1, 2`,
      keptPairs: await prisma.personCoMention.findMany({ orderBy: [{ personId: "asc" }, { coMentionedId: "asc" }] }),
    });
    const { counted, kept, countedPairs, keptPairs } = await countedAndKept();
    expect(counted.length).toBeGreaterThan(0);
    expect(kept).toEqual(counted);
    expect(countedPairs.some((p) => p.sharedArticles > 1)).toBe(true);
    expect(keptPairs).toEqual(countedPairs);
    // Hand edits (no write path of ours makes them): a mention count changed in place, and a
    // mention moved to another person who is not in that article.
    const [moved] = await prisma.$queryRaw<{ articleId: number; personId: number; to: number }[]>`
      SELECT ap."articleId", ap."personId", p.id AS "to" FROM "ArticlePerson" ap, "Person" p
      WHERE p."articleCount" > 0 AND NOT EXISTS (SELECT FROM "ArticlePerson" o WHERE o."articleId" = ap."articleId" AND o."personId" = p.id)
        AND (SELECT count(*) FROM "ArticlePerson" o WHERE o."articleId" = ap."articleId") > 1
      ORDER BY ap."articleId", ap."personId", p.id LIMIT 1`;
    expect(moved).toBeDefined();
    await prisma.$executeRaw`UPDATE "ArticlePerson" SET "mentionCount" = "mentionCount" + 2 WHERE "personId" = ${counted[0]!.id}`;
    await prisma.$executeRaw`UPDATE "ArticlePerson" SET "personId" = ${moved!.to} WHERE "articleId" = ${moved!.articleId} AND "personId" = ${moved!.personId}`;
    const edited = await countedAndKept();
    expect(edited.kept).toEqual(edited.counted);
    expect(edited.kept[0]!.mentionCount).toBeGreaterThan(counted[0]!.mentionCount);
    expect(edited.keptPairs).toEqual(edited.countedPairs);
    expect(edited.keptPairs).not.toEqual(keptPairs);

    // The unfiltered top list reads those counts, and answers as counting would.
    const { body } = await server.graphql(`{ topPersons(first: 5) { articleCount mentionCount person { id } } }`);
    const sortByMentions = (counts: typeof counted) => counts.filter((c) => c.articleCount > 0)
      .sort((a, b) => b.articleCount - a.articleCount || b.mentionCount - a.mentionCount || a.id - b.id);
    const byCount = sortByMentions(edited.counted).slice(0, 5);
    expect(body.data.topPersons.map((t: any) => [t.articleCount, t.mentionCount])).toEqual(byCount.map((c) => [c.articleCount, c.mentionCount]));

    // The unfiltered network reads the kept pairs, and answers as counting them here would:
    // the pairs among the 50 most mentioned persons, and the persons with a pair.
    const { body: network } = await server.graphql(`{ coMentionNetwork(minWeight: 1, maxNodes: 50) {
      nodes { articleCount person { id } } edges { weight source { id } target { id } } } }`);
    const top = new Map(sortByMentions(edited.counted).slice(0, 50).map((c) => [c.id, c.articleCount]));
    const edges = edited.countedPairs.filter((p) => p.personId < p.coMentionedId && top.has(p.personId) && top.has(p.coMentionedId))
      .sort((a, b) => b.sharedArticles - a.sharedArticles || a.personId - b.personId || a.coMentionedId - b.coMentionedId);
    const withEdge = new Set(edges.flatMap((e) => [e.personId, e.coMentionedId]));
    const gid = (id: number) => ({ id: toGlobalId("Person", id) });
    expect(edges.length).toBeGreaterThan(1);
    expect(edges[0]!.sharedArticles).toBeGreaterThan(1);
    expect(network.data.coMentionNetwork).toEqual({
      nodes: [...top].filter(([id]) => withEdge.has(id)).sort(([a, x], [b, y]) => y - x || a - b)
        .map(([id, articleCount]) => ({ articleCount, person: gid(id) })),
      edges: edges.map((e) => ({ weight: e.sharedArticles, source: gid(e.personId), target: gid(e.coMentionedId) })),
    });

    // Each person's most co-mentioned persons are its kept pairs, most shared first.
    const persons = byCount.slice(0, 3).map((c) => c.id);
    const pages = await server.graphql(`{ ${persons.map((id, i) =>
      `p${i}: person(id: "${gid(id).id}") { coMentioned(first: 4) { sharedArticles person { id } } }`).join(" ")} }`);
    expect(pages.body.errors).toBeUndefined();
    const firstPairs = (id: number) => edited.countedPairs.filter((p) => p.personId === id)
      .sort((a, b) => b.sharedArticles - a.sharedArticles || a.coMentionedId - b.coMentionedId).slice(0, 4)
      .map((p) => ({ sharedArticles: p.sharedArticles, person: gid(p.coMentionedId) }));
    expect(persons.map((_, i) => pages.body.data[`p${i}`].coMentioned)).toEqual(persons.map(firstPairs));
  });
});

describe("co-mention network counts", () => {
  const fresh = useFreshDatabase(databaseKinds[0]!);

  it("counts each node's articles, not the articles it shares with a neighbour", async () => {
    const { prisma } = fresh.current.db;
    await ingestInput(prisma, "talks.txt", "Harbour Talks Resume\n\nAnna Novak said the port would open on Monday after the talks in Geneva ended. Jonas Berg said the talks had gone well for both sides.\n");
    await ingestInput(prisma, "ships.txt", "Port Opens Early\n\nAnna Novak said the first ships had docked in the harbour before noon on Tuesday, a day early.\n");
    const server = await startTestServer(fresh.current.db);
    try {
      const { body } = await server.graphql(`{ coMentionNetwork(minWeight: 1) { nodes { articleCount person { name } } edges { weight source { name } target { name } } } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data.coMentionNetwork.nodes).toEqual([
        { articleCount: 2, person: { name: "Anna Novak" } },
        { articleCount: 1, person: { name: "Jonas Berg" } },
      ]);
      expect(body.data.coMentionNetwork.edges.map((e: any) => e.weight)).toEqual([1]);
    } finally {
      await server.close();
    }
  });
});

describe("access settings", () => {
  const fresh = useFreshDatabase(databaseKinds[0]!);

  it("turns writes off without an API key, and can close reads behind one", async () => {
    const open = await startTestServer(fresh.current.db);
    try {
      const write = await open.graphql(`mutation { ingestArticle(input: { text: "x" }) { status } }`);
      expect(write.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/writes are turned off.*API_KEY/), extensions: { code: "FORBIDDEN" } });
    } finally {
      await open.close();
    }
    const closed = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY, readsRequireKey: true } });
    try {
      const anonymous = await closed.graphql(`{ articles { title } }`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const keyed = await closed.graphql(`{ articles { title } }`, {}, WRITE);
      expect(keyed.status).toBe(200);
      // Asked a third time, the query runs compiled: still closed without the key.
      expect((await closed.graphql(`{ articles { title } }`)).status).toBe(401);
    } finally {
      await closed.close();
    }
  });
});

describe("unexpected errors", () => {
  const fresh = useFreshDatabase(databaseKinds[0]!);

  it("are masked for clients in production, with an id that is also logged", async () => {
    // A database whose every query fails with a message clients must not see.
    const failing = new Proxy({}, { get: () => () => Promise.reject(new Error("relation secret_internal_table does not exist")) });
    const logged: any[] = [];
    const pino = (await import("pino")).default;
    const log = pino({ level: "error" }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const secret = () => Promise.reject(new Error("relation secret_internal_table does not exist"));
    const broken = { ...fresh.current.db, prisma: failing as any, query: secret };
    for (const production of [true, false]) {
      const server = await startTestServer(broken, { production, log });
      try {
        // The first request runs interpreted, the second compiled (compiled-execution.ts).
        for (let run = 0; run < 2; run++) {
          const { body } = await server.graphql(`{ articles { title } }`);
          const [error] = body.errors!;
          expect(error!.extensions).toMatchObject({ code: "INTERNAL_SERVER_ERROR", errorId: expect.any(String) });
          if (production) expect(error!.message).toBe(`Internal server error (id ${error!.extensions!.errorId})`);
          else expect(error!.message).toMatch(/secret_internal_table/);
          expect(logged.some((entry) => entry.errorId === error!.extensions!.errorId)).toBe(true);
        }
      } finally {
        await server.close();
      }
    }
  });
});
