// Error analysis for persons: the false positives and misses of the person extractor on
// polnear-dev / polnear-train (against silver PERSON) and gum-news (human gold), one line
// each with the article, so that the largest kinds of error can be counted and worked on.
//   npx tsx bench/eval/person-errors.ts [dev|train|gum] [--limit N]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../../src/ingest/extract.js";
import { readInput } from "../../src/ingest/read.js";
import { fitsPerson, namedPersons, readGum } from "./gum.js";
import { formsOf } from "./names.js";
import { polnearDocument, readPolnear } from "./polnear.js";
import { silverPersons } from "./silver.js";

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/eval");
const which = process.argv[2] ?? "dev";
const at = process.argv.indexOf("--limit");
const limit = at > 0 ? Number(process.argv[at + 1]) : Infinity;

/** A greedy one-to-one matching, enough to list what is left over on each side. */
function leftovers<P, G>(pred: P[], gold: G[], fits: (p: P, g: G) => boolean) {
  const usedG = new Set<number>();
  const fp: P[] = [];
  for (const p of pred) {
    const j = gold.findIndex((g, k) => !usedG.has(k) && fits(p, g));
    if (j < 0) fp.push(p);
    else usedG.add(j);
  }
  return { fp, fn: gold.filter((_, k) => !usedG.has(k)) };
}

const out: string[] = [];
if (which === "gum") {
  for (const r of readGum(path.join(SHARED, "gum-news.jsonl"))) {
    const x = extract(readInput(`gum:${r.id}`, r.text, { format: "text" })[0]!);
    const { individuals, others } = namedPersons(r.entities);
    // As the scorer does: a prediction standing for a group or role GUM leaves out is not counted.
    const pred = x.persons.filter((p) => p.mentions.some((m) => m.section === "body" || m.section === "title"))
      .filter((p) => individuals.some((g) => fitsPerson(formsOf(p), g)) || !others.some((g) => fitsPerson(formsOf(p), g)));
    const { fp, fn } = leftovers(pred, individuals, (p, g) => fitsPerson(formsOf(p), g));
    const last = (q: { name: string }) => q.name.split(" ").pop();
    for (const p of fp) out.push(`FP${pred.some((q) => q !== p && last(q) === last(p)) ? "-dup" : ""}\t${r.id}\t${p.name}\t[${p.aliases.join(" | ")}]\troles: ${p.roles.join("; ")}\t${JSON.stringify(r.text.slice(Math.max(0, p.mentions[0]!.start - 40), p.mentions[0]!.end + 40))}`);
    for (const g of fn) out.push(`FN\t${r.id}\t${[...g.forms].join(" | ")}`);
  }
} else {
  for (const r of readPolnear(path.join(SHARED, `polnear-${which}.jsonl`))) {
    if (!r.silver_entities) continue;
    const x = extract(polnearDocument(r));
    const pred = x.persons.filter((p) => p.mentions.some((m) => m.section === "body" || m.section === "title"));
    const gold = silverPersons(r.silver_entities);
    const { fp, fn } = leftovers(pred, gold, (p, g) => [...formsOf(p)].some((f) => g.has(f)));
    const silverAt = (s: number, e: number) => r.silver_entities!.filter((x) => x.start < e && s < x.end).map((x) => `${x.type}:${x.text}`).join(",");
    const last = (q: { name: string }) => q.name.split(" ").pop();
    for (const p of fp) out.push(`FP${pred.some((q) => q !== p && last(q) === last(p)) ? "-dup" : ""}\t${r.id}\t${p.name}\t[${p.aliases.join(" | ")}]\tsilver: ${silverAt(p.mentions[0]!.start, p.mentions[0]!.end) || "-"}\t${JSON.stringify(r.text.slice(Math.max(0, p.mentions[0]!.start - 40), p.mentions[0]!.end + 40))}`);
    for (const g of fn) {
      const form = [...g].sort((a, b) => b.length - a.length)[0]!;
      const hit = r.silver_entities.find((e) => e.type === "PERSON" && formsOf({ name: e.text, aliases: [] }).has(form));
      out.push(`FN\t${r.id}\t${[...g].join(" | ")}\t${hit ? JSON.stringify(r.text.slice(Math.max(0, hit.start - 40), hit.end + 40)) : ""}`);
    }
  }
}
console.error(`${out.length} lines`);
console.log(out.slice(0, limit).join("\n"));
