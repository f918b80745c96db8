// The representative operations of the query benchmarks: what a frontend's main pages ask for.
export const OPERATIONS = {
  "article page": {
    query: `query { articlesConnection(first: 20) { totalCount edges { cursor node { id title publishedAt source
      quotes { text speaker { name } } persons { name } } } } }`,
  },
  "person page": {
    query: `query($id: ID!) { person(id: $id) { name aliases roles articleCount quoteCount
      quotesConnection(first: 10) { totalCount nodes { text article { title publishedAt } } }
      coMentioned(first: 10) { sharedArticles person { name } } articlesConnection(first: 5) { nodes { title } } } }`,
  },
  // A phrase and a place, as a reader searches: 45 of the 5,000 synthetic articles match.
  search: { query: `query { search(query: "\\"fishing quotas\\" Lisbon", first: 10) { totalCount edges { rank snippet node { title } } } }` },
  // Words in every synthetic article: each request ranks all 5,000 (the worst case, shown apart).
  "search, every article": { query: `query { search(query: "parliament approval", first: 10) { totalCount edges { rank snippet node { title } } } }` },
  "co-mention network": { query: `query { coMentionNetwork(minWeight: 2, maxNodes: 50) { nodes { articleCount person { name } } edges { weight source { name } target { name } } } }` },
} as const;

/** The database bench:queries builds (once) and bench:soak reuses, for a corpus size. */
export function corpusDatabaseName(articles: number | string): string {
  return `newsgraph_bench_${articles}`;
}
