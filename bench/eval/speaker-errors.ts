// Error analysis for speakers: matched PolNeAR quotes whose gold speaker is a name and
// whose extracted speaker is wrong, one line each with the kind of error, so that the
// largest kinds can be counted.  npx tsx bench/eval/speaker-errors.ts [dev|train]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../../src/ingest/extract.js";
import { normalizeName } from "../../src/ingest/normalize.js";
import { polnearDocument, readPolnear } from "./polnear.js";
import { overlaps80 } from "./score.js";

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/eval");
const which = process.argv[2] ?? "dev";
const out: string[] = [];
for (const r of readPolnear(path.join(SHARED, `polnear-${which}.jsonl`))) {
  const x = extract(polnearDocument(r));
  for (const g of r.quotes) {
    if ((g.type !== "direct" && g.type !== "partial") || g.speaker_mention_kind !== "name") continue;
    const hit = x.quotes.find((q) => overlaps80(q, g));
    if (!hit) continue;
    const person = x.persons.find((p) => p.name === hit.speakerPerson);
    const gold = { start: g.speaker_mention_start, end: g.speaker_mention_end };
    const right = (person?.mentions ?? []).some((s) => s.start < gold.end && gold.start < s.end)
      || (person && normalizeName(g.speaker ?? "").includes(normalizeName(person.name.split(" ").pop()!)))
      || (!!hit.speaker && normalizeName(g.speaker_mention ?? "").includes(normalizeName(hit.speaker)));
    if (right) continue;
    const goldPerson = x.persons.find((p) => p.mentions.some((s) => s.start < gold.end && gold.start < s.end));
    const kind = !hit.speakerPerson && !hit.speaker ? "none" : !person ? "words-only" : goldPerson ? "other-person" : "gold-not-a-person";
    const ctx = r.text.slice(Math.max(0, Math.min(g.start, gold.start) - 60), Math.max(g.end, gold.end) + 60).replace(/\s+/g, " ");
    out.push(`${kind}\t${r.id}\tgold=${g.speaker_mention} (${g.speaker})\tgot=${hit.speakerPerson ?? "-"} / ${hit.speaker ?? "-"} [${hit.cue ?? ""}]\t${ctx.slice(0, 400)}`);
  }
}
console.log(out.join("\n"));
