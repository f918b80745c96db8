// The publication an article comes from: given, from the URL's host, or from the page's
// own words ("Comment via Sputnik", "Sputnik spoke with …"). Outlets merely cited
// ("requests from HuffPost") are not the source.
import { OUTLETS } from "./lexicon.js";

const HOSTS: Record<string, string> = {
  "sputniknews.com": "Sputnik", "huffpost.com": "HuffPost", "huffingtonpost.com": "HuffPost", "reuters.com": "Reuters",
  "apnews.com": "AP", "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post", "cnn.com": "CNN",
  "bbc.co.uk": "BBC", "bbc.com": "BBC", "foxnews.com": "Fox News", "breitbart.com": "Breitbart", "politico.com": "Politico",
  "theguardian.com": "The Guardian", "wsj.com": "The Wall Street Journal", "nypost.com": "New York Post", "rt.com": "RT",
};

export function sourceFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./, "");
    const known = Object.keys(HOSTS).find((h) => host === h || host.endsWith(`.${h}`));
    return known ? HOSTS[known]! : null;
  } catch {
    return null;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const OUTLET_ALTERNATION = OUTLETS.map(escapeRegExp).sort((a, b) => b.length - a.length).join("|");
const WIDGET = new RegExp(`Comment via (${OUTLET_ALTERNATION})\\b`);
const SELF_REFERENCE = new RegExp(`(?:^|[.!?]\\s+)(${OUTLET_ALTERNATION}) (?:discussed|spoke with|spoke to|talked to|asked|contacted|has learned|learned|reports|reported that)\\b`, "m");

/** The outlet the page names as itself, in its comment widget or in a self-reference. */
export function sourceFromText(boilerplate: string[], body: string): string | null {
  for (const line of boilerplate) {
    const outlets = [...line.matchAll(new RegExp(WIDGET.source, "g"))].map((m) => m[1]!);
    if (outlets.length) return outlets[outlets.length - 1]!;
  }
  return SELF_REFERENCE.exec(body)?.[1] ?? null;
}
