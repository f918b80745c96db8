// Reading and matching the gold annotation (../shared/eval/seeds-gold.json) the way its
// description says names are matched.
import fs from "node:fs";
import { GOLD_PATH } from "./shared.js";

export interface GoldDocument {
  id: string;
  path: string;
  metadata: { title: string; date_iso: string | null; source: string | null; photo_credit: string | null; tags: string[]; related_headlines: string[] };
  persons: { canonical: string; aliases_in_text: string[]; optional?: boolean; mention_counts: Record<string, number> }[];
  person_optional_surfaces: string[];
  quotes: { text: string; speaker: string; char_start: number }[];
  venues: { canonical: string; surfaces_in_text: string[]; scored: boolean; kind: string; country_iso2: string | null }[];
  place_optional_surfaces: string[];
  comments: { author: string | null; text: string }[];
}

export function readGold(): GoldDocument[] {
  return JSON.parse(fs.readFileSync(GOLD_PATH, "utf8")).documents;
}

export { goldNormalize } from "../../bench/gold-match.js";
