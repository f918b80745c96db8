// The name tagger (src/ingest/ner) and what the extractor does with it, on an invented
// article: organisations and places the capitalisation rules take for persons are dropped,
// names the rules miss are added, and a title the rules keep in a name becomes a role.
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { emissions } from "../src/ingest/ner/decode.js";
import { scoredRuns } from "../src/ingest/ner/emissions.js";
import { getModel } from "../src/ingest/ner/model.js";
import { runsOf } from "../src/ingest/ner/runs.js";
import { tagEntities, type EntitySpan } from "../src/ingest/ner/tagger.js";
import { reconcilePersons } from "../src/ingest/tagged-persons.js";
import type { ExtractedPerson } from "../src/ingest/types.js";
import { readInput } from "../src/ingest/read.js";
import { tokenize } from "../src/ingest/tokens.js";

const ARTICLE = [
  "Harbour utility raises rates",
  "The Northern Hydro Company said on Monday that prices would rise. \"We have no choice,\" said Maria Lopez, a spokeswoman for the utility.",
  "Transport Minister Ana Ruiz told reporters the rise was unwelcome. Local shop owner Piotr Nowak agreed. \"It hurts,\" Nowak said.",
  "Nowak and Lopez will meet in Geneva on Friday.",
].join("\n\n");

describe("name tagger", () => {
  it("tags persons, organisations and places with a score between 0 and 1", () => {
    const spans = tagEntities(ARTICLE, tokenize(ARTICLE));
    const read = spans.map((s) => `${ARTICLE.slice(s.start, s.end)}/${s.type}`);
    expect(read).toContain("Maria Lopez/PERSON");
    expect(read).toContain("Ana Ruiz/PERSON");
    expect(read).toContain("Geneva/LOCATION");
    expect(read.some((r) => r.startsWith("Northern Hydro") && r.endsWith("/ORGANIZATION"))).toBe(true);
    for (const s of spans) expect(s.score).toBeGreaterThanOrEqual(0), expect(s.score).toBeLessThanOrEqual(1);
  });

  it("scores every token as training does, to the last bit, with its features looked up by number", () => {
    // Training scores the string features of runsOf; inference its numbered shortcut.
    const text = `${ARTICLE}\n\nO'Brien's aide, Dr. Lee Kwan-Yoo of the U.S. Bank of America, said: "No." McDONALD'S Chairs’ Group met at 10 Downing St.`;
    const tokens = tokenize(text);
    const weights = getModel();
    const trained = new Map<number, Float64Array>();
    for (const run of runsOf(text, tokens, weights.tables)) emissions(run.rows, weights).forEach((e, k) => trained.set(run.from + k, e));
    let compared = 0;
    for (const run of scoredRuns(text, tokens, weights)) {
      run.emit.forEach((e, k) => {
        expect([...e], tokens[run.from + k]!.text).toEqual([...trained.get(run.from + k)!]);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(30);
  });

  it("gives the extractor persons with the minister's title as a role, not in the name", () => {
    const x = extract(readInput("invented", ARTICLE, { format: "text" })[0]!);
    const names = x.persons.map((p) => p.name);
    expect(names.sort()).toEqual(["Ana Ruiz", "Maria Lopez", "Piotr Nowak"]);
    expect(x.persons.find((p) => p.name === "Ana Ruiz")!.roles).toContain("Transport Minister");
    expect(x.quotes.map((q) => q.speakerPerson)).toEqual(["Maria Lopez", "Piotr Nowak"]);
  });
});

describe("the tagger's word on the rules' persons", () => {
  const text = "The Riverside Arena Trust said it would close. Tomasz Wierzbicki agreed.";
  const tokens = tokenize(text);
  const rulePerson = (name: string): ExtractedPerson => {
    const start = text.indexOf(name);
    return { name, aliases: [name], roles: [], mentions: [{ start, end: start + name.length, section: "body" }] };
  };
  const span = (surface: string, type: EntitySpan["type"], score: number): EntitySpan => {
    const start = text.indexOf(surface);
    const first = tokens.findIndex((t) => t.start === start);
    const last = tokens.findIndex((t) => t.end === start + surface.length);
    return { start, end: start + surface.length, type, score, firstToken: first, lastToken: last };
  };
  const reconcile = (persons: ExtractedPerson[], spans: EntitySpan[]) =>
    reconcilePersons(text, persons, spans, tokens, () => "body", () => ({ start: 0, end: text.length })).map((p) => p.name);

  it("drops a person the tagger reads as an organisation, sure of itself or not, or as no name at all", () => {
    expect(reconcile([rulePerson("Riverside Arena Trust")], [span("Riverside Arena Trust", "ORGANIZATION", 0.9)])).toEqual([]);
    expect(reconcile([rulePerson("Riverside Arena Trust")], [span("Riverside Arena Trust", "ORGANIZATION", 0.3)])).toEqual([]);
    expect(reconcile([rulePerson("Riverside Arena Trust")], [])).toEqual([]);
  });

  it("keeps it when the tagger reads it as a person, however unsure", () => {
    expect(reconcile([rulePerson("Riverside Arena Trust")], [span("Riverside Arena Trust", "PERSON", 0.2)])).toEqual(["Riverside Arena Trust"]);
  });

  it("adds a person the rules missed when the tagger is sure enough: less sure for a full name than a single word", () => {
    const cases: [string, number, string[]][] = [
      ["Tomasz Wierzbicki", 0.8, ["Tomasz Wierzbicki"]],
      ["Tomasz Wierzbicki", 0.2, ["Tomasz Wierzbicki"]],
      ["Tomasz Wierzbicki", 0.05, []],
      ["Wierzbicki", 0.8, ["Wierzbicki"]],
      ["Wierzbicki", 0.3, []],
    ];
    for (const [surface, score, expected] of cases) expect(reconcile([], [span(surface, "PERSON", score)]), `${surface} ${score}`).toEqual(expected);
  });
});

describe("a headline's capitals", () => {
  it("make no person of words the text also writes in lower case", () => {
    const text = "Port Budget Set at Forty Million Euros. The work will cost forty million euros, Tomasz Wierzbicki said.";
    const tokens = tokenize(text);
    const span = (surface: string): EntitySpan => {
      const start = text.indexOf(surface);
      return { start, end: start + surface.length, type: "PERSON", score: 0.3, firstToken: tokens.findIndex((t) => t.start === start), lastToken: tokens.findIndex((t) => t.end === start + surface.length) };
    };
    const names = reconcilePersons(text, [], [span("Million Euros"), span("Tomasz Wierzbicki")], tokens, () => "body", () => ({ start: 0, end: text.length })).map((p) => p.name);
    expect(names).toEqual(["Tomasz Wierzbicki"]);
  });
});
