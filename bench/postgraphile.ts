// PostGraphile 5 (amber preset) serving the same PostgreSQL database, for the article-page
// comparison in bench/queries.ts. On Node 20 it needs Promise.withResolvers, polyfilled by
// bench/promise-with-resolvers.mjs loaded with --import.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The same page as newsgraph's "article page": 20 newest articles, their quotes with speakers, and their persons. */
export const POSTGRAPHILE_ARTICLE_PAGE = `query { allArticles(first: 20, orderBy: [PUBLISHED_AT_DESC, PRIMARY_KEY_DESC]) { totalCount edges { cursor node {
  id title publishedAt source
  quotesByArticleId(orderBy: POSITION_ASC) { nodes { text personBySpeakerId { name } } }
  articlePeopleByArticleId { nodes { personByPersonId { name } } } } } } }`;

type Load = (url: string, body: object, duration: number, connections: number) => Promise<{ rps: number; p50: number; p99: number; errors: number }>;

export async function comparePostGraphile(databaseUrl: string, ours: Awaited<ReturnType<Load>>, duration: number, connections: number, load: Load): Promise<void> {
  const child = spawn(process.execPath, [
    "--import", "./bench/promise-with-resolvers.mjs", "node_modules/postgraphile/dist/cli-run.js",
    "-P", "postgraphile/presets/amber", "-c", databaseUrl, "-s", "public", "--port", "0",
  ], { cwd: ROOT, env: { ...process.env, GRAPHILE_ENV: "production" } });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const m = /listening on port (\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`PostGraphile exited with ${code}:\n${output}`)));
  });
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    const check = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: POSTGRAPHILE_ARTICLE_PAGE }) });
    const answer = (await check.json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(`PostGraphile: ${JSON.stringify(answer.errors)}`);
    await load(url, { query: POSTGRAPHILE_ARTICLE_PAGE }, 2, connections); // warm-up
    const theirs = await load(url, { query: POSTGRAPHILE_ARTICLE_PAGE }, duration, connections);
    console.log(`\narticle page, same database and connections: newsgraph ${ours.rps.toFixed(0)} req/s (p99 ${ours.p99} ms),` +
      ` PostGraphile 5 ${theirs.rps.toFixed(0)} req/s (p99 ${theirs.p99} ms, ${theirs.errors} errors): ratio ${(ours.rps / theirs.rps).toFixed(2)}`);
  } finally {
    child.kill("SIGTERM");
  }
}
