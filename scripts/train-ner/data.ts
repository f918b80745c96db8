// Training material for the name tagger: PolNeAR train articles tokenised as the extractor
// tokenises, each token tagged B-/I-/O from the silver entity spans.
import fs from "node:fs";
import { cleanText } from "../../src/ingest/normalize.js";
import { TAGS, type Tag } from "../../src/ingest/ner/model.js";
import { tokenize, type Token } from "../../src/ingest/tokens.js";

export interface SilverSpan { type: string; start: number; end: number }
export interface Article { id: string; text: string; tokens: Token[]; gold: number[]; spans: SilverSpan[] }

const SHORT: Record<string, string> = { PERSON: "PER", ORGANIZATION: "ORG", LOCATION: "LOC" };

/** Articles that have silver entities, in the file's order. */
export function readArticles(file: string): Article[] {
  const articles: Article[] = [];
  for (const line of fs.readFileSync(file, "utf8").trim().split("\n")) {
    const r = JSON.parse(line) as { id: string; text: string; silver_entities: SilverSpan[] | null };
    if (!r.silver_entities) continue;
    const text = cleanText(r.text);
    const tokens = tokenize(text);
    const spans = r.silver_entities.filter((e) => SHORT[e.type]).sort((a, b) => a.start - b.start);
    articles.push({ id: r.id, text, tokens, gold: goldTags(tokens, spans), spans });
  }
  return articles;
}

/** A token takes the type of the silver span it starts in: B- for the span's first token, I- after. */
function goldTags(tokens: Token[], spans: SilverSpan[]): number[] {
  const tags = new Array<number>(tokens.length).fill(0);
  let s = 0;
  let previousSpan = -1;
  tokens.forEach((t, i) => {
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    const span = spans[s];
    if (!span || t.start < span.start) return void (previousSpan = -1);
    const type = SHORT[span.type]!;
    tags[i] = TAGS.indexOf(`${previousSpan === s ? "I" : "B"}-${type}` as Tag);
    previousSpan = s;
  });
  return tags;
}
