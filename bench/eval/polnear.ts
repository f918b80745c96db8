// PolNeAR (dev or train split): direct and partial quotes, their speakers, and persons and
// organisations against the silver entities.
import fs from "node:fs";
import { extract } from "../../src/ingest/extract.js";
import { normalizeName } from "../../src/ingest/normalize.js";
import { readInput } from "../../src/ingest/read.js";
import type { Extraction, RawDocument } from "../../src/ingest/types.js";
import { addScore, emptyScore, overlaps80, type Score } from "./score.js";
import { scoreByForms, silverOrganizations, silverPersons, type SilverEntity } from "./silver.js";

export interface PolnearRecord {
  id: string;
  text: string;
  quotes: { start: number; end: number; type: string; speaker: string | null; speaker_mention: string | null; speaker_mention_start: number; speaker_mention_end: number; speaker_mention_kind: string }[];
  silver_entities: SilverEntity[] | null;
}

export interface PolnearResult {
  articles: number;
  quotes: Score;
  /** Each kind alone: gold quotes of that type against the quotes extracted as that kind. */
  direct: Score;
  partial: Score;
  /** Matched quotes (any kind) whose extracted kind is the gold type. */
  kinds: { matched: number; right: number };
  /** Matched quotes with a speaker named in the gold, and how many of them got that speaker. */
  namedSpeakers: { matched: number; right: number; gold: number };
  allSpeakers: { matched: number; right: number };
  /** Null when the extractor gives no organisations. */
  persons: Score;
  organizations: Score | null;
  silverArticles: number;
}

export const readPolnear = (file: string): PolnearRecord[] =>
  fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as PolnearRecord);

export const polnearDocument = (r: PolnearRecord): RawDocument => readInput(`polnear:${r.id}`, r.text, { format: "text" })[0]!;

/** The persons the article names in its own text (a photo credit is not the article's). */
const articlePersons = (x: Extraction) => x.persons.filter((p) => p.mentions.some((m) => m.section === "body" || m.section === "title"));

/** The organisations the article names in its own text. */
export const articleOrganizations = (x: Extraction) => x.organizations.filter((o) => o.mentions.some((m) => m.section === "body" || m.section === "title"));

export function scorePolnear(records: PolnearRecord[], ids?: Set<string>): PolnearResult {
  const result: PolnearResult = {
    articles: 0, quotes: emptyScore(), direct: emptyScore(), partial: emptyScore(), kinds: { matched: 0, right: 0 }, namedSpeakers: { matched: 0, right: 0, gold: 0 }, allSpeakers: { matched: 0, right: 0 },
    persons: emptyScore(), organizations: null, silverArticles: 0,
  };
  for (const r of records) {
    if (ids && !ids.has(r.id)) continue;
    result.articles++;
    const x = extract(polnearDocument(r));
    const goldQ = r.quotes.filter((q) => q.type === "direct" || q.type === "partial");
    for (const g of goldQ) {
      const named = g.speaker_mention_kind === "name";
      if (named) result.namedSpeakers.gold++;
      const hit = x.quotes.find((q) => overlaps80(q, g));
      if (!hit) {
        result.quotes.fn++;
        continue;
      }
      result.quotes.tp++;
      result.kinds.matched++;
      if (hit.kind.toLowerCase() === g.type) result.kinds.right++;
      const right = speakerRight(x, hit, g);
      result.allSpeakers.matched++;
      if (right) result.allSpeakers.right++;
      if (named) {
        result.namedSpeakers.matched++;
        if (right) result.namedSpeakers.right++;
      }
    }
    result.quotes.fp += x.quotes.filter((q) => !goldQ.some((g) => overlaps80(q, g))).length;
    for (const [kind, score] of [["direct", result.direct], ["partial", result.partial]] as const) {
      const gold = goldQ.filter((g) => g.type === kind);
      const found = x.quotes.filter((q) => q.kind.toLowerCase() === kind);
      const tp = gold.filter((g) => found.some((q) => overlaps80(q, g))).length;
      addScore(score, { tp, fn: gold.length - tp, fp: found.filter((q) => !gold.some((g) => overlaps80(q, g))).length });
    }
    if (!r.silver_entities) continue;
    result.silverArticles++;
    addScore(result.persons, scoreByForms(articlePersons(x), silverPersons(r.silver_entities)));
    addScore((result.organizations ??= emptyScore()), scoreByForms(articleOrganizations(x), silverOrganizations(r.silver_entities)));
  }
  return result;
}

/**
 * A quote's speaker is right when the speaker person's mentions overlap the gold speaker
 * span, or its surname is in the gold speaker's words, or the cue's speaker words are.
 */
function speakerRight(x: Extraction, hit: Extraction["quotes"][number], g: PolnearRecord["quotes"][number]): boolean {
  const person = x.persons.find((p) => p.name === hit.speakerPerson);
  const gold = { start: g.speaker_mention_start, end: g.speaker_mention_end };
  if ((person?.mentions ?? []).some((s) => s.start < gold.end && gold.start < s.end)) return true;
  if (person && normalizeName(g.speaker ?? "").includes(normalizeName(person.name.split(" ").pop()!))) return true;
  return !!hit.speaker && normalizeName(g.speaker_mention ?? "").includes(normalizeName(hit.speaker));
}
