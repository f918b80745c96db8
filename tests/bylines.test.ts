// Bylines on pages made like major news sites' (author meta tags, JSON-LD, byline elements, a
// "By" line in scraped text) through ingestArticle over HTTP: Article.authors holds the
// writers, they are not counted among the persons mentioned, and a photo credit stays the
// credit. The pages are written here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reprocessArticles } from "../src/ingest/pipeline.js";
import { fromGlobalId } from "../src/models/global-id.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "test-key-bylines-0123456789abcdef";
const WRITE = { "x-api-key": API_KEY };

const BODY = [
  "The harbour authority approved a plan on Tuesday to rebuild the northern quay, ending two years of delays that had left three berths closed to container ships.",
  "“We have waited long enough for this, and the crews are ready to start in the spring,” said Marta Kowalska, who chairs the harbour board.",
  "The work is expected to cost about 40 million euros and to take eighteen months, according to figures the authority published with its decision on Tuesday.",
];

/** A news site's article page: `head` goes in <head>, `top` under the headline, `more` after the body. */
function newsPage(headline: string, { head = "", top = "", more = [] as string[] } = {}): string {
  return `<!doctype html><html><head><title>${headline} | Meridian Times</title>${head}</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>${headline}</h1>${top}
${[...BODY, ...more].map((p) => (p.startsWith("<") ? p : `<p>${p}</p>`)).join("\n")}
</article></main>
<footer><p>© Meridian Times. All rights reserved.</p></footer></body></html>`;
}

const jsonLd = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const PAGES = {
  meta: {
    html: newsPage("Harbour Board Backs Quay Rebuild", {
      // article:author as news sites often fill it: the writer's profile URL, no name.
      head: `<meta name="author" content="Jane Doe"><meta property="article:author" content="https://www.facebook.com/jane.doe.writer">`,
    }),
    authors: ["Jane Doe"],
  },
  jsonLdObject: {
    html: newsPage("Quay Rebuild Wins Final Approval", {
      head: jsonLd({ "@context": "https://schema.org", "@type": "NewsArticle", headline: "Quay Rebuild Wins Final Approval", author: { "@type": "Person", name: "Ann Lee" }, publisher: { "@type": "Organization", name: "Meridian Times" } }),
    }),
    authors: ["Ann Lee"],
  },
  jsonLdArray: {
    html: newsPage("Crews Ready for Northern Quay Works", {
      head: jsonLd({ "@context": "https://schema.org", "@type": "Article", author: [{ "@type": "Person", name: "Ann Lee" }, "Tom Hale"] }),
    }),
    authors: ["Ann Lee", "Tom Hale"],
  },
  jsonLdGraph: {
    html: newsPage("Port Budget Set at 40 Million Euros", {
      head: jsonLd({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebPage", name: "Port Budget Set at 40 Million Euros", author: { "@type": "Person", name: "Web Desk Person" } },
          // The outlet listed as an author is the publisher, not a writer.
          { "@type": ["ReportageNewsArticle"], author: [{ "@type": "NewsMediaOrganization", name: "Meridian Wire" }, { "@type": "Person", name: "Piotr Nowak" }] },
        ],
      }),
    }),
    authors: ["Piotr Nowak"],
  },
  bylineElement: {
    html: newsPage("Harbour Board Votes to Reopen Berths", {
      top: `<div class="article-byline">By <a rel="author" href="/staff/ann-lee">Ann Lee</a> and <a rel="author" href="/staff/tom-hale">Tom Hale</a> <span class="byline__time">| Updated 3 May 2025, 14:05</span></div>`,
    }),
    authors: ["Ann Lee", "Tom Hale"],
  },
  photoCredit: {
    html: newsPage("Northern Quay Cranes Arrive", {
      head: `<meta name="author" content="Jane Doe">`,
      more: [
        `<figure><img src="/img/cranes.jpg" alt=""><figcaption>Cranes on the northern quay on Tuesday. Photo: Jane Roe/Baltic Agency</figcaption></figure>`,
        "Officials said the first ships would berth at the rebuilt quay before the end of next year, if the weather allowed the crews to work through the winter.",
      ],
    }),
    authors: ["Jane Doe"],
  },
};

/** Scraped text with a "By" line under the headline, a correspondent's title after the name. */
const BY_LINE_TEXT = [
  "Quay Works Start Ahead of Schedule",
  "",
  "By Maria Lopez, Europe correspondent",
  "",
  ...BODY.flatMap((p) => [p, ""]),
].join("\n");

/** A "By" line whose writer the body also names: then they are a person the article mentions too. */
const BY_LINE_MENTIONED = [
  "Harbour Pilots Warn of Winter Delays",
  "",
  "By Ann Lee and Tom Hale in Gdansk",
  "",
  "The harbour pilots warned on Wednesday that winter storms could delay the quay works by several weeks, as they did two years ago on the southern quay.",
  "",
  "Tom Hale, who covered the southern quay works for this newspaper, counted eleven days lost to storms in the winter of that year.",
].join("\n");

const ARTICLE = `query($id: ID!) { article(id: $id) { title authors photoCredit photoCaption persons { name } quotes { speaker { name } } } }`;
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { id } } }`;

describe.each(databaseKinds)("bylines, on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    const inputs: Record<string, object> = {
      ...Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, { html: page.html }])),
      byLine: { text: BY_LINE_TEXT },
      byLineMentioned: { text: BY_LINE_MENTIONED },
      byAgency: { text: ["Quay Rebuild Approved", "", "By Reuters", "", ...BODY].join("\n\n") },
    };
    for (const [name, input] of Object.entries(inputs)) {
      const { body } = await server.graphql(INGEST, { input }, WRITE);
      expect(body.errors, name).toBeUndefined();
      expect(body.data.ingestArticle.status, name).toBe("NEW");
      ids[name] = body.data.ingestArticle.article.id;
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const read = async (name: string) => {
    const { body } = await server.graphql(ARTICLE, { id: ids[name] });
    expect(body.errors).toBeUndefined();
    return body.data.article as { authors: string[]; photoCredit: string | null; photoCaption: string | null; persons: { name: string }[] };
  };

  it.each(Object.keys(PAGES) as (keyof typeof PAGES)[])("finds the authors of the %s page", async (name) => {
    const article = await read(name);
    expect(article.authors).toEqual(PAGES[name].authors);
    // The writers are not persons the article mentions: only the quoted board chair is.
    expect(article.persons.map((p) => p.name)).toEqual(["Marta Kowalska"]);
  });

  it("reads a \"By\" line in scraped text, without the writer's title, and not as the caption or a person", async () => {
    const article = await read("byLine");
    expect(article.authors).toEqual(["Maria Lopez"]);
    expect(article.photoCaption).toBeNull();
    expect(article.persons.map((p) => p.name)).toEqual(["Marta Kowalska"]);
  });

  it("keeps an agency byline as written", async () => {
    expect((await read("byAgency")).authors).toEqual(["Reuters"]);
  });

  it("counts a writer among the persons only where the body names them", async () => {
    const article = await read("byLineMentioned");
    expect(article.authors).toEqual(["Ann Lee", "Tom Hale"]);
    expect(article.persons.map((p) => p.name)).toEqual(["Tom Hale"]);
  });

  it("keeps a caption's photo credit as the credit, its photographer no person", async () => {
    const article = await read("photoCredit");
    expect(article.photoCredit).toBe("Photo: Jane Roe/Baltic Agency");
    expect(article.persons.map((p) => p.name)).not.toContain("Jane Roe");
    expect(article.authors).not.toContain("Jane Roe");
  });

  it("filters articles by author, and gives an empty list where no byline is found", async () => {
    const query = `query($filter: ArticleFilter) { articlesConnection(first: 20, filter: $filter) { totalCount edges { node { title authors } } } }`;
    const { body } = await server.graphql(query, { filter: { author: "Tom Hale" } });
    expect(body.errors).toBeUndefined();
    expect(body.data.articlesConnection.edges.map((e: any) => e.node.title).sort()).toEqual([
      "Crews Ready for Northern Quay Works", "Harbour Board Votes to Reopen Berths", "Harbour Pilots Warn of Winter Delays",
    ]);
    const none = await server.graphql(INGEST, { input: { text: ["Quay Opening Delayed", "", ...BODY].join("\n\n") } }, WRITE);
    const { body: plain } = await server.graphql(ARTICLE, { id: none.body.data.ingestArticle.article.id });
    expect(plain.data.article.authors).toEqual([]);
  });

  it("writes the authors again on reprocess", async () => {
    const prisma = fresh.current.db.prisma;
    const id = fromGlobalId(ids.jsonLdArray!)!.id;
    await prisma.$executeRaw`UPDATE "Article" SET authors = ARRAY['Stale Name']::text[] WHERE id = ${id}`;
    const [outcome] = await reprocessArticles(prisma, { ids: [id] });
    expect(outcome?.status).toBe("updated");
    expect((await read("jsonLdArray")).authors).toEqual(["Ann Lee", "Tom Hale"]);
  });
});
