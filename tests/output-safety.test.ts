// What the API returns is safe to put on a page: text fields are text, search snippets are
// HTML whose only markup is the server's <mark>, and every url is an absolute http(s) URL
// or null. Hostile articles (tags, event handlers, escaped tags, literal <mark>, the
// snippets' own sentinel characters, javascript:/data:/vbscript: urls) go in through the
// mutations and the ingest; every string of every field reachable from the root lists,
// searches and mutations is checked.
import {
  getNamedType, isInterfaceType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema,
} from "graphql";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInput } from "../src/ingest/pipeline.js";
import { getSchema } from "../src/schema.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "test-key-output-safety-0123456789";
const WRITE = { "x-api-key": API_KEY };

const HOSTILE_TEXT = [
  `Council <b onmouseover=alert(1)>Votes</b> on the Harbour Plan <script>alert("title")</script>`,
  "",
  `The harbour council said on Monday it would vote on the plan <img src=x onerror=alert(2)> next week, and posted <iframe src=javascript:alert(3)></iframe> on its website for residents to read.`,
  "",
  `Mayor Rui Cardoso said the plan was ready. “We said <mark>no</mark> to delays <script>alert(4)</script> and we meant it,” Cardoso said.`,
  "",
  `Literal markup in the text: <mark>said</mark> and &lt;script&gt;alert(5)&lt;/script&gt; and the sentinels \u0002said\u0003 here, said a clerk, with <a href="javascript:alert(6)">a link</a>.`,
  "",
  `Ana Ferreira, a trader, said “<svg onload=alert(7)> is not a word I know” and left the hall, which said nothing more.`,
  "",
  "Comments",
  "• <img src=x onerror=alert(8)>",
  `I said <script>alert(9)</script> nothing at all.`,
].join("\n");

function hostilePage(ogUrl: string, canonical: string, n: number): string {
  return `<!doctype html><html><head><title>Ignored ${n}</title>
<meta property="og:url" content="${ogUrl}">
<link rel="canonical" href="${canonical}">
<meta property="og:title" content="Port &lt;script&gt;alert(10)&lt;/script&gt; Authority Said Yes ${n}">
<meta property="og:site_name" content="&lt;img src=x onerror=alert(11)&gt;">
</head><body><article>
<h1>Port Authority Said Yes ${n}</h1>
<p onclick="alert(12)">The port authority said on Tuesday that it would let the new ferries dock at night, &lt;img src=x onerror=alert(13)&gt; after a long dispute with the unions about noise and pay.</p>
<p>“We said yes &lt;iframe src=javascript:alert(14)&gt;&lt;/iframe&gt; because the town needs them,” said Jonas Berg, the authority's director, on the quay.</p>
<p>Escaped twice: &amp;lt;mark&amp;gt;said&amp;lt;/mark&amp;gt;, and once: &lt;mark&gt;said&lt;/mark&gt; and &lt;script&gt;alert(15)&lt;/script&gt;, a clerk said.</p>
<figure><img src="x" onerror="alert(16)"><figcaption>Photo: &lt;script&gt;alert(17)&lt;/script&gt;</figcaption></figure>
</article>
<div class="comments"><div class="comment"><span class="author">&lt;script&gt;alert(18)&lt;/script&gt;</span><p>I said &lt;img src=x onerror=alert(19)&gt; twice.</p></div></div>
</body></html>`;
}

const BAD_URLS = [
  "javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)", "/relative/path", "//evil.example/x", "ftp://files.example/x",
  // Too long for a link (and for the unique index on Article.url).
  `https://harbour.example/${"a".repeat(2_100)}`,
];

/**
 * A selection of every field of `type` without required arguments, `depth` objects deep,
 * each object type's fields in full once per document (`expanded`): so the query stays under
 * the cost limit, and the documents of all the roots together read every field of every type.
 * `covered` collects "Type.field" for each leaf selected.
 */
function everyField(type: GraphQLObjectType, covered: Set<string>, expanded = new Set<string>(), depth = 3): string {
  expanded.add(type.name);
  const parts: string[] = ["__typename"];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name);
      covered.add(`${type.name}.${field.name}`);
    } else if (depth > 0 && isObjectType(named) && !expanded.has(named.name)) {
      parts.push(`${field.name}${pageOf(field, 2)} { ${everyField(named, covered, expanded, depth - 1)} }`);
    } else if (depth > 0 && isInterfaceType(named)) parts.push(`${field.name} { __typename id }`);
  }
  return parts.join(" ");
}

/** A small page for a list sized by `first` (or the network's `maxNodes`), so the query stays under the cost limit. */
const pageOf = (field: GraphQLField<unknown, unknown>, size: number) => {
  const sizing = field.args.find((a) => a.name === "first" || a.name === "maxNodes");
  return sizing ? `(${sizing.name}: ${size})` : "";
};

const SENTINELS = /[\u0002\u0003]/;
const ESCAPED_TEXT = /^(?:[^<>"'&]|&(?:amp|lt|gt|quot|#39);)*$/;

/** A snippet is HTML whose only elements are attribute-free <mark>s holding text, paired and not nested. */
function expectSafeSnippet(snippet: string, where: string) {
  const pieces = snippet.split(/(<mark>|<\/mark>)/);
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) expect(piece, `${where}: text between marks must be escaped: ${JSON.stringify(snippet)}`).toMatch(ESCAPED_TEXT);
    else expect(piece, `${where}: marks must pair up: ${JSON.stringify(snippet)}`).toBe(i % 4 === 1 ? "<mark>" : "</mark>");
  });
  expect(pieces.length % 4, `${where}: an unclosed <mark>: ${JSON.stringify(snippet)}`).toBe(1);
  // As a browser reads it.
  const { document } = parseHTML(`<!doctype html><html><body><div>${snippet}</div></body></html>`);
  const elements = [...document.querySelectorAll("div *")];
  for (const el of elements) {
    expect(el.tagName, where).toBe("MARK");
    expect(el.attributes.length, where).toBe(0);
    expect(el.children.length, where).toBe(0);
  }
}

interface Found {
  snippets: string[];
  highlights: { text: string; matches: { start: number; end: number }[] }[];
  urls: (string | null)[];
  texts: string[];
}

/** Walks a response, checking every string by the field it is in; returns what it saw. */
function checkEveryString(value: unknown, found: Found, where = "data", key = ""): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkEveryString(v, found, `${where}[${i}]`, key);
    return;
  }
  if (value !== null && typeof value === "object") {
    if (key === "highlight") found.highlights.push(value as Found["highlights"][number]);
    for (const [k, v] of Object.entries(value)) checkEveryString(v, found, `${where}.${k}`, k);
    return;
  }
  if (key === "url") {
    found.urls.push(value as string | null);
    if (value !== null) expect(new URL(value as string).protocol, `${where} = ${JSON.stringify(value)}`).toMatch(/^https?:$/);
    if (value !== null) expect(value, where).toBe(new URL(value as string).href);
    return;
  }
  if (typeof value !== "string") return;
  expect(value, `${where} holds a snippet sentinel`).not.toMatch(SENTINELS);
  if (key === "snippet") {
    found.snippets.push(value);
    expectSafeSnippet(value, where);
  } else found.texts.push(value);
}

const unescapeHtml = (html: string) =>
  html.replace(/<\/?mark>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

describe.each(databaseKinds)("what the API returns is safe to render, on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  let schema: GraphQLSchema;
  const ingestResults: unknown[] = [];

  const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status error notes article { id title url body source } } }`;

  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    schema = await getSchema();
    const inputs = [
      { text: HOSTILE_TEXT, url: "https://harbour.example/council?a=1&b=<x>" },
      { html: hostilePage("javascript:alert(document.cookie)", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;", 1) },
      { html: hostilePage("vbscript:msgbox(1)", "/2025/port-authority", 2) },
      { html: hostilePage("JAVASCRIPT:alert(1)", "https://port.example/2025/yes", 3) },
    ];
    for (const input of inputs) {
      const { body } = await server.graphql(INGEST, { input }, WRITE);
      expect(body.errors).toBeUndefined();
      expect(body.data.ingestArticle.status).toBe("NEW");
      ingestResults.push(body.data);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a url that is not http(s) with BAD_USER_INPUT naming url, and stores nothing", async () => {
    const before = await fresh.current.db.prisma.article.count();
    for (const url of BAD_URLS) {
      const input = { text: HOSTILE_TEXT.replace("Council", `Council ${url.length}`), url };
      const asVariable = await server.graphql(INGEST, { input }, WRITE);
      expect(asVariable.body.errors?.[0], url).toMatchObject({ message: expect.stringMatching(/url must be an absolute http or https URL/), extensions: { code: "BAD_USER_INPUT" } });
      expect(asVariable.body.errors?.[0]?.message, url).toMatch(/"input\.url"/);
      const batch = await server.graphql(`mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { status } }`, { inputs: [input] }, WRITE);
      expect(batch.body.errors?.[0]?.extensions?.code, url).toBe("BAD_USER_INPUT");
    }
    const literal = await server.graphql(`mutation { ingestArticle(input: { text: "A Title\\n\\nSome body text said here.", url: "javascript:alert(1)" }) { status } }`, undefined, WRITE);
    // Written into the document, the value fails validation (Apollo's code for a bad literal), naming url too.
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/url must be an absolute http or https URL of at most 2,048 characters, got "javascript:alert\(1\)"/),
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", argumentName: "url" },
    });
    expect(await fresh.current.db.prisma.article.count()).toBe(before);
  });

  it("keeps og:url and canonical only when http(s), noting what it ignored", () => {
    const [text, jsAndData, vbAndRelative, jsThenCanonical] = ingestResults.map((r: any) => r.ingestArticle);
    expect(text.article.url).toBe("https://harbour.example/council?a=1&b=%3Cx%3E");
    expect(jsAndData.article.url).toBeNull();
    expect(jsAndData.notes).toEqual(expect.arrayContaining(["ignored the page's og:url: not an absolute http(s) URL", "ignored the page's canonical link: not an absolute http(s) URL"]));
    expect(vbAndRelative.article.url).toBeNull();
    expect(jsThenCanonical.article.url).toBe("https://port.example/2025/yes");
    expect(jsThenCanonical.notes).toContain("ignored the page's og:url: not an absolute http(s) URL");
  });

  it("refuses a JSON Lines record whose url is not http(s), and ignores such a url stored with an article's hints", async () => {
    const line = JSON.stringify({ title: "A Record", url: "javascript:alert(1)", text: "A Record\n\nThe record said nothing at all worth reading here." });
    const [outcome] = await ingestInput(fresh.current.db.prisma, "records.jsonl", line);
    expect(outcome).toMatchObject({ status: "failed", error: expect.stringMatching(/"url" must be an absolute http or https URL/) });
  });

  it("serves a url stored before the checks as null, wherever the article is read", async () => {
    const p = fresh.current.db.prisma;
    const ids = (await p.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    const stored = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative", "vbscript:msgbox(1)"];
    for (const [i, url] of stored.entries()) await p.$executeRaw`UPDATE "Article" SET url = ${url} WHERE id = ${ids[i]}`;
    const { body } = await server.graphql(`{
      articles(first: 100) { url }
      articlesConnection(first: 100) { nodes { url } }
      search(query: "said") { nodes { url } }
      persons(first: 100) { articles { url } articlesConnection { nodes { url } } quotes { article { url } } }
      venues(first: 100) { articles { url } articlesConnection { nodes { url } } }
    }`);
    expect(body.errors).toBeUndefined();
    const found: Found = { snippets: [], highlights: [], urls: [], texts: [] };
    checkEveryString(body.data, found);
    expect(found.urls.length).toBeGreaterThan(10);
    expect(found.urls.filter((u) => u !== null).every((u) => u === "https://port.example/2025/yes")).toBe(true);
    const globalIds = (await server.graphql(`{ articles(first: 100) { id } }`)).body.data.articles.map((a: any) => a.id);
    for (const id of globalIds) {
      const { body: one } = await server.graphql(`query($id: ID!) { article(id: $id) { url } node(id: $id) { ... on Article { url } } }`, { id });
      expect(one.errors).toBeUndefined();
      checkEveryString(one.data, found);
    }
    expect(found.urls.filter((u) => u === null).length).toBeGreaterThan(found.urls.length / 2);
  });

  it("answers every field of every type with text, safe snippets and http(s) urls", async () => {
    const query = schema.getQueryType()!;
    const roots = Object.values(query.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined) && f.name !== "node");
    const covered = new Set<string>();
    const documents = [
      ...roots.map((f) => {
        const named = getNamedType(f.type);
        return `{ ${f.name}${pageOf(f, 3)} ${isObjectType(named) ? `{ ${everyField(named, covered)} }` : ""} }`;
      }),
      `{ search(query: "said", first: 10) { ${everyField(schema.getType("ArticleConnection") as GraphQLObjectType, covered)} } }`,
      `{ quotesConnection(first: 20, filter: { search: "word or yes or delays" }) { ${everyField(schema.getType("QuoteConnection") as GraphQLObjectType, covered)} } }`,
      `{ articlesConnection(first: 50, filter: { search: "said" }) { edges { snippet highlight { text matches { start end } } } } }`,
      // The passages holding literal <mark>, escaped tags and the sentinels.
      `{ a: search(query: "sentinels") { edges { snippet highlight { text matches { start end } } } }
         b: search(query: "escaped twice") { edges { snippet highlight { text matches { start end } } } } }`,
    ];
    const mutationType = schema.getMutationType()!;
    const resultOf = (name: string) => everyField(getNamedType(mutationType.getFields()[name]!.type) as GraphQLObjectType, covered);
    const mutationResults: unknown[] = [];
    const mutate = async (document: string, variables: object) => {
      const { body } = await server.graphql(document, variables, WRITE);
      expect(body.errors, document.slice(0, 60)).toBeUndefined();
      mutationResults.push(body.data);
      return body.data;
    };
    const extra = await mutate(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { ${resultOf("ingestArticle")} } }`, {
      input: { html: hostilePage("javascript:alert(1)", "javascript:alert(2)", 4), source: "<script>alert(21)</script>", title: "<img src=x onerror=alert(22)> said" },
    });
    const extraId = extra.ingestArticle.article.id;
    await mutate(`mutation($id: ID!) { reprocessArticle(id: $id) { ${resultOf("reprocessArticle")} } }`, { id: extraId });
    const person = (await server.graphql(`{ persons(first: 1) { id } }`)).body.data.persons[0].id;
    await mutate(`mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { ${resultOf("renamePerson")} } }`, { id: person, name: "Rui <img src=x onerror=alert(23)> Cardoso" });
    await mutate(`mutation($id: ID!) { deleteArticle(id: $id) { ${resultOf("deleteArticle")} } }`, { id: extraId });

    // Every string field of every output type is read by some document.
    const outputTypes = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("__") && !["Query", "Mutation", "Subscription"].includes(t.name),
    );
    const stringFields = outputTypes.flatMap((t) =>
      Object.values(t.getFields()).filter((f) => ["String", "URL", "ID"].includes(getNamedType(f.type).name)).map((f) => `${t.name}.${f.name}`));
    expect(stringFields.filter((f) => !covered.has(f))).toEqual([]);
    const found: Found = { snippets: [], highlights: [], urls: [], texts: [] };
    for (const document of documents) {
      const { status, body } = await server.graphql(document);
      expect(body.errors, document.slice(0, 60)).toBeUndefined();
      expect(status).toBe(200);
      checkEveryString(body.data, found);
    }
    checkEveryString(ingestResults, found, "mutations");
    checkEveryString(mutationResults, found, "mutations");

    // The hostile texts did reach the answers: as text in text fields, escaped in snippets.
    expect(found.texts).toContainEqual(expect.stringContaining("<img src=x onerror=alert(2)>"));
    expect(found.texts).toContainEqual(expect.stringContaining("<script>alert(15)</script>"));
    expect(found.texts).toContainEqual(expect.stringContaining("We said <mark>no</mark> to delays"));
    expect(found.snippets.length).toBeGreaterThan(5);
    expect(found.snippets.some((s) => s.includes("&lt;img src=x onerror=alert(2)&gt;"))).toBe(true);
    // The body's own sentinels and literal <mark>s are text, never the server's marks.
    const sentinels = found.snippets.find((s) => s.includes("<mark>sentinels</mark>"));
    expect(sentinels).toMatch(/sentinels<\/mark> +said +here/);
    expect(sentinels).not.toContain("<mark>said</mark>");
    expect(found.snippets.some((s) => s.includes("&amp;lt;mark&amp;gt;said&amp;lt;/mark&amp;gt;"))).toBe(true);
    expect(found.snippets.some((s) => /<mark>(word|yes|delays)<\/mark>/i.test(s)), "a quote's snippet").toBe(true);
    expect(found.snippets.some((s) => s.includes("<mark>said</mark>"))).toBe(true);
    // Each highlight is its snippet as plain text, and its matches are the words the snippet marks.
    expect(found.highlights.length).toBeGreaterThan(5);
    const snippetTexts = new Set(found.snippets.map(unescapeHtml));
    for (const { text, matches } of found.highlights) {
      expect(snippetTexts.has(text), text).toBe(true);
      for (const { start, end } of matches) expect(text.slice(start, end)).toMatch(/^(said|word|yes|delays|sentinels|escaped|twice)$/i);
    }
  });
});
