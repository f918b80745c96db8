// The Playground in a real browser (headless Chromium): it loads from localhost alone and
// runs a query. Leaves a screenshot at tmp/playground.png.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleDataIfEmpty } from "../src/ingest/sample-data.js";
import { databaseKinds, quietLog } from "./helpers/databases.js";
import { startTestServer } from "./helpers/server.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[newsgraph tests] no Chromium at ${CHROMIUM}: the browser test is skipped (apt-get install chromium)`);

describe.skipIf(!hasChromium)("the Playground in headless Chromium", () => {
  let created: Awaited<ReturnType<(typeof databaseKinds)[0]["create"]>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  beforeAll(async () => {
    created = await databaseKinds[0]!.create();
    await loadSampleDataIfEmpty(created.db, quietLog);
    server = await startTestServer(created.db);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await created?.db.close();
  });

  it("renders, runs the first query against local assets only, and shows sample data", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    await page.goto(`${server.url}/playground`);
    await page.waitForSelector(".CodeMirror", { timeout: 30_000 });
    await page.locator('[title^="Execute Query"]').first().click();
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, which is what a reader sees
    await page.waitForFunction(() => document.body.innerText.includes("Northern Ports Agree to Share Shipping Data"), null, { timeout: 30_000 });
    fs.mkdirSync(path.join(PROJECT_ROOT, "tmp"), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, "tmp/playground.png") });
    expect(foreign).toEqual([]);
  });
});
