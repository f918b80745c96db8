// Stage 3a, venues: looks up every run of tokens in the gazetteer, longest match first.
import { getGazetteer, type Place } from "./gazetteer/index.js";
import { normalizeName } from "./normalize.js";
import { adjacent, type Token } from "./tokens.js";
import type { ExtractedVenue, SectionName, SectionSpan } from "./types.js";

export interface VenueHit extends SectionSpan {
  place: Place;
  surface: string;
}

/** What may stand between the words of one place name: one or two spaces ("Kim Il Sung Square") or ", " ("Paris, Texas"). */
function joiningGap(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (to - from === 1) return first === 32;
  return to - from === 2 && (first === 32 || first === 44) && text.charCodeAt(from + 1) === 32;
}

/** Finds places in one section's tokens. Aliases match case as written ("US", not "us"). */
export function findVenues(text: string, tokens: Token[], section: SectionName): VenueHit[] {
  const { byAlias, maxTokens, firstWords } = getGazetteer();
  const hits: VenueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Most capitalized words start no place name and need no lookups.
    if (!tokens[i]!.capitalized || !firstWords.has(tokens[i]!.text)) continue;
    // How many tokens from here a place name can span: up to a possessive or a wider gap.
    let reach = 1;
    while (reach < maxTokens && i + reach < tokens.length) {
      const t = tokens[i + reach - 1]!;
      if (t.possessive || !joiningGap(text, t.end, tokens[i + reach]!.start)) break;
      reach++;
    }
    for (let n = reach; n >= 1; n--) {
      const last = tokens[i + n - 1]!;
      const written = text.slice(tokens[i]!.start, last.end);
      const surface = written.includes("  ") ? written.replace(/\s+/g, " ") : written;
      const place = byAlias.get(surface);
      if (!place) continue;
      // "Kim Il Sung Square" is a place; "Georgia" inside "Georgia Smith" is not.
      const next = tokens[i + n];
      if (place.kind !== "country" && next?.capitalized && adjacent(text, last, next) && !last.possessive) continue;
      hits.push({ start: tokens[i]!.start, end: last.end, section, place, surface });
      i += n - 1;
      break;
    }
  }
  return hits;
}

/** Groups hits by place into one venue each, with every surface form and mention. */
export function groupVenues(hits: VenueHit[]): ExtractedVenue[] {
  const byKey = new Map<string, ExtractedVenue>();
  for (const hit of hits) {
    const key = normalizeName(hit.place.name);
    let venue = byKey.get(key);
    if (!venue) {
      venue = { name: hit.place.name, kind: hit.place.kind, countryCode: hit.place.countryCode, lat: hit.place.lat, lon: hit.place.lon, aliases: [], mentions: [] };
      byKey.set(key, venue);
    }
    if (!venue.aliases.includes(hit.surface)) venue.aliases.push(hit.surface);
    venue.mentions.push({ start: hit.start, end: hit.end, section: hit.section });
  }
  return [...byKey.values()];
}
