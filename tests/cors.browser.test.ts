// Cross-origin calls from a real browser (headless Chromium): a page served from another
// origin reads the API, sends the API key only where its origin is listed, and is refused
// where it is not. The preflight and the setting's parsing are checked without a browser.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings, SettingError } from "../src/config.js";
import { loadSampleDataIfEmpty } from "../src/ingest/sample-data.js";
import { parseCorsOrigins, type CorsPolicy } from "../src/server/cors.js";
import { databaseKinds } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[newsgraph tests] no Chromium at ${CHROMIUM}: the CORS browser test is skipped (apt-get install chromium)`);

const API_KEY = "cors-test-key-0123456789";
const READ = `{ articles(first: 1) { title } }`;

/** A page on its own origin (another port), from which the browser calls the API. */
async function startOtherOrigin(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>app</title>"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What a fetch from the page gets: the answer's data, or the browser's refusal. */
function callFrom(page: Page, url: string, query: string, headers: Record<string, string> = {}): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  return page.evaluate(
    async ({ url, query, headers }) => {
      try {
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
        return { ok: true as const, data: ((await res.json()) as { data: unknown }).data };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    },
    { url, query, headers },
  );
}

describe("CORS_ORIGINS setting", () => {
  it("reads *, none and a list of origins, and names an entry that is not an origin", () => {
    expect(parseCorsOrigins(undefined)).toEqual({ kind: "any-origin-reads" });
    expect(parseCorsOrigins("*")).toEqual({ kind: "any-origin-reads" });
    expect(parseCorsOrigins("none")).toEqual({ kind: "off" });
    expect(parseCorsOrigins(" https://app.example.com , http://localhost:3000/ ")).toEqual({ kind: "origins", origins: new Set(["https://app.example.com", "http://localhost:3000"]) });
    expect(() => parseCorsOrigins("https://app.example.com/path")).toThrow(/"https:\/\/app.example.com\/path" is not an origin/);
    expect(() => parseCorsOrigins("app.example.com")).toThrow(/"app.example.com" is not an origin/);
    expect(() => parseCorsOrigins("*,https://a.example")).toThrow(/mixes "\*"/);
    expect(() => readSettings({ CORS_ORIGINS: "ftp://files.example" })).toThrow(SettingError);
  });
});

describe.skipIf(!hasChromium)("cross-origin calls from headless Chromium", () => {
  let created: Awaited<ReturnType<(typeof databaseKinds)[0]["create"]>>;
  let other: Awaited<ReturnType<typeof startOtherOrigin>>;
  let browser: Browser;
  let page: Page;
  const servers: TestServer[] = [];
  const serve = async (cors: CorsPolicy) => {
    const server = await startTestServer(created.db, { cors, access: { apiKey: API_KEY } });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    created = await databaseKinds[0]!.create();
    await loadSampleDataIfEmpty(created.db, (await import("./helpers/databases.js")).quietLog);
    other = await startOtherOrigin();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage();
    await page.goto(other.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    await other?.close();
    await created?.db.close();
  });

  it("lets any origin read by default, but not send the API key", async () => {
    const server = await serve({ kind: "any-origin-reads" });
    const read = await callFrom(page, `${server.url}/graphql`, READ);
    expect(read).toMatchObject({ ok: true, data: { articles: [{ title: expect.any(String) }] } });
    const keyed = await callFrom(page, `${server.url}/graphql`, READ, { "x-api-key": API_KEY });
    expect(keyed).toMatchObject({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  });

  it("lets a listed origin read and send the API key, and refuses an origin not listed", async () => {
    const listed = await serve({ kind: "origins", origins: new Set([other.origin]) });
    expect(await callFrom(page, `${listed.url}/graphql`, READ, { authorization: `Bearer ${API_KEY}` })).toMatchObject({ ok: true, data: { articles: [{ title: expect.any(String) }] } });
    const elsewhere = await serve({ kind: "origins", origins: new Set(["https://app.example.com"]) });
    expect(await callFrom(page, `${elsewhere.url}/graphql`, READ)).toMatchObject({ ok: false });
    const off = await serve({ kind: "off" });
    expect(await callFrom(page, `${off.url}/graphql`, READ)).toMatchObject({ ok: false });
  });

  it("answers a preflight with the allowed methods and headers, and no credentials", async () => {
    const listed = await serve({ kind: "origins", origins: new Set([other.origin]) });
    const preflight = (origin: string) =>
      fetch(`${listed.url}/graphql`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-api-key" } });
    const allowed = await preflight(other.origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(other.origin);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/x-api-key/);
    expect(allowed.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    expect(allowed.headers.get("vary")).toMatch(/Origin/);
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});
