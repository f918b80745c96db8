// The seeds against their hand-made gold: persons, direct quotes and speakers, venues,
// comments. Names are matched by the gold's own normalisation (its "description").
import fs from "node:fs";
import path from "node:path";
import { extract } from "../../src/ingest/extract.js";
import { readInput } from "../../src/ingest/read.js";
import { goldNormalize as norm } from "../gold-match.js";
import { emptyScore, overlaps80, type Score } from "./score.js";

export interface SeedsResult { persons: Score; quotes: Score; venues: Score; comments: Score; speakersRight: number; goldQuotes: number; files: string[] }

export function scoreSeeds(shared: string): SeedsResult {
  const gold = JSON.parse(fs.readFileSync(path.join(shared, "eval/seeds-gold.json"), "utf8")).documents as any[];
  const r: SeedsResult = { persons: emptyScore(), quotes: emptyScore(), venues: emptyScore(), comments: emptyScore(), speakersRight: 0, goldQuotes: 0, files: [] };
  const { persons, quotes, venues, comments } = r;
  for (const doc of gold) {
    const file = path.join(shared, doc.path);
    r.files.push(file);
    const x = extract(readInput(file, fs.readFileSync(file))[0]!);
    const names = (p: { name: string; aliases: string[] }) => [p.name, ...p.aliases].map(norm);
    const optionalPersons = [...doc.person_optional_surfaces, ...doc.persons.filter((p: any) => p.optional).flatMap((p: any) => p.aliases_in_text)].map(norm);
    for (const g of doc.persons.filter((p: any) => !p.optional)) {
      if (x.persons.some((p) => names(p).some((n) => g.aliases_in_text.map(norm).includes(n)))) persons.tp++;
      else persons.fn++;
    }
    for (const p of x.persons) {
      const matched = doc.persons.some((g: any) => !g.optional && g.aliases_in_text.map(norm).some((s: string) => names(p).includes(s)));
      if (!matched && !names(p).some((n) => optionalPersons.includes(n))) persons.fp++;
    }
    const goldSpans = doc.quotes.map((q: any) => ({ start: q.char_start, end: q.char_start + q.text.length, speaker: q.speaker }));
    r.goldQuotes += goldSpans.length;
    for (const g of goldSpans) {
      const hit = x.quotes.find((q) => overlaps80(q, g));
      if (hit) {
        quotes.tp++;
        if (norm(hit.speakerPerson ?? "") === norm(g.speaker)) r.speakersRight++;
      } else quotes.fn++;
    }
    quotes.fp += x.quotes.filter((q) => !goldSpans.some((g: any) => overlaps80(q, g))).length;
    const scored = doc.venues.filter((v: any) => v.scored);
    const optionalPlaces = [...doc.place_optional_surfaces, ...doc.venues.filter((v: any) => !v.scored).flatMap((v: any) => v.surfaces_in_text)].map(norm);
    const gv = (v: any) => [v.canonical, ...v.surfaces_in_text].map(norm);
    for (const g of scored) (x.venues.some((v) => names(v).some((n) => gv(g).includes(n))) ? venues.tp++ : venues.fn++);
    for (const v of x.venues) {
      if (!scored.some((g: any) => gv(g).some((s: string) => names(v).includes(s))) && !names(v).every((n) => optionalPlaces.includes(n))) venues.fp++;
    }
    for (const g of doc.comments) (x.comments.some((c) => c.text === g.text && c.author === g.author) ? comments.tp++ : comments.fn++);
    comments.fp += x.comments.filter((c) => !doc.comments.some((g: any) => g.text === c.text)).length;
  }
  return r;
}
