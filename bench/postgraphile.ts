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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The article page on newsgraph and on PostGraphile in alternating rounds, so that drift in
 * this machine's speed (other tenants, CPU boost) falls on both alike; prints each round
 * and the median ratio.
 */
export async function comparePostGraphile(
  databaseUrl: string, ours: { url: string; body: object }, duration: number, connections: number, load: Load, rounds: number, warmUpSeconds: number,
): Promise<void> {
  const child = spawn(process.execPath, [
    "--import", "./bench/promise-with-resolvers.mjs", "bench/node_modules/postgraphile/dist/cli-run.js",
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
    const theirsBody = { query: POSTGRAPHILE_ARTICLE_PAGE };
    const check = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(theirsBody) });
    const answer = (await check.json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(`PostGraphile: ${JSON.stringify(answer.errors)}`);
    await load(url, theirsBody, warmUpSeconds, connections);
    console.log(`\narticle page, newsgraph and PostGraphile 5 in alternating rounds of ${duration} s, ${connections} connections, same database:\n`);
    console.log(`| round | newsgraph req/s | p99 ms | PostGraphile req/s | p99 ms | ratio |`);
    console.log(`|-------|-----------------|--------|--------------------|--------|-------|`);
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const a = await load(ours.url, ours.body, duration, connections);
      const b = await load(url, theirsBody, duration, connections);
      if (a.errors || b.errors) throw new Error(`errors in round ${round}: newsgraph ${a.errors}, PostGraphile ${b.errors}`);
      ratios.push(a.rps / b.rps);
      console.log(`| ${round} | ${a.rps.toFixed(0)} | ${a.p99} | ${b.rps.toFixed(0)} | ${b.p99} | ${(a.rps / b.rps).toFixed(2)} |`);
    }
    console.log(`\nnewsgraph ÷ PostGraphile, median of ${rounds} rounds: ${median(ratios).toFixed(2)}`);
  } finally {
    child.kill("SIGTERM");
  }
}
