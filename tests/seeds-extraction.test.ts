// Locks the seeds: every gold person, quote with its speaker, venue and comment is extracted.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { readInput } from "../src/ingest/read.js";
import type { Extraction } from "../src/ingest/types.js";
import { goldNormalize, readGold } from "./helpers/gold.js";
import { hasShared, SHARED_DIR } from "./helpers/shared.js";

describe.skipIf(!hasShared)("extraction of the seed articles against the gold annotation", () => {
  const gold = hasShared ? readGold() : [];
  const extracted = new Map<string, { x: Extraction; text: string }>();
  for (const doc of gold) {
    const file = path.join(SHARED_DIR, doc.path);
    const text = fs.readFileSync(file, "utf8");
    extracted.set(doc.id, { x: extract(readInput(file, text)[0]!), text });
  }

  describe.each(gold)("$id", (doc) => {
    const { x, text } = extracted.get(doc.id)!;
    const personNames = (p: Extraction["persons"][number]) => [p.name, ...p.aliases].map(goldNormalize);

    it("finds every gold person, under one entity each, with their mentions", () => {
      for (const person of doc.persons.filter((p) => !p.optional)) {
        const surfaces = person.aliases_in_text.map(goldNormalize);
        const matches = x.persons.filter((p) => personNames(p).some((n) => surfaces.includes(n)));
        expect(matches.map((m) => m.name), person.canonical).toHaveLength(1);
        const expectedMentions = Object.values(person.mention_counts).reduce((a, b) => a + b, 0);
        expect(matches[0]!.mentions.length, `${person.canonical} mentions`).toBe(expectedMentions);
      }
    });

    it("finds no person the gold does not have", () => {
      const allowed = [...doc.persons.flatMap((p) => p.aliases_in_text), ...doc.person_optional_surfaces].map(goldNormalize);
      for (const p of x.persons) expect(personNames(p).some((n) => allowed.includes(n)), p.name).toBe(true);
    });

    it("extracts every direct quote with its speaker, and nothing else", () => {
      expect(x.quotes).toHaveLength(doc.quotes.length);
      for (const g of doc.quotes) {
        const q = x.quotes.find((p) => p.start === g.char_start);
        expect(q, `quote at ${g.char_start}`).toBeDefined();
        expect(q!.text).toBe(g.text);
        // Offsets index the file as read; the gold reads no-break spaces as spaces.
        expect(text.slice(q!.start, q!.end).replace(/\u00a0/g, " ")).toBe(g.text);
        expect(goldNormalize(q!.speakerPerson ?? ""), `speaker of quote at ${g.char_start}`).toBe(goldNormalize(g.speaker));
        // The gold's quotes are the speakers' own sentences: direct quotes.
        expect(q!.kind, `kind of quote at ${g.char_start}`).toBe("DIRECT");
      }
    });

    it("finds the scored venues (F1 >= 0.95) with kind and country", () => {
      const scored = doc.venues.filter((v) => v.scored);
      const optional = [...doc.place_optional_surfaces, ...doc.venues.filter((v) => !v.scored).flatMap((v) => v.surfaces_in_text)].map(goldNormalize);
      const names = (v: Extraction["venues"][number]) => [v.name, ...v.aliases].map(goldNormalize);
      const found = scored.filter((g) => x.venues.some((v) => names(v).some((n) => g.surfaces_in_text.map(goldNormalize).includes(n) || n === goldNormalize(g.canonical))));
      const predicted = x.venues.filter((v) => !names(v).every((n) => optional.includes(n)));
      const correct = predicted.filter((v) => scored.some((g) => [g.canonical, ...g.surfaces_in_text].map(goldNormalize).some((s) => names(v).includes(s))));
      const recall = found.length / scored.length;
      const precision = correct.length / predicted.length;
      expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.95);
      for (const g of scored) {
        const v = x.venues.find((p) => names(p).includes(goldNormalize(g.canonical)));
        if (v) expect(v.countryCode, g.canonical).toBe(g.country_iso2);
      }
    });

    it("reads every reader comment with its author", () => {
      expect(x.comments.map((c) => ({ author: c.author, text: c.text }))).toEqual(doc.comments.map((c) => ({ author: c.author, text: c.text })));
    });

    it("reads the metadata: title, date, source, credit, tags, related headlines", () => {
      expect(x.article.title).toBe(doc.metadata.title);
      expect(x.article.publishedAt?.toISOString() ?? null).toBe(doc.metadata.date_iso ? new Date(doc.metadata.date_iso).toISOString() : null);
      expect(x.article.source).toBe(doc.metadata.source);
      expect(x.article.photoCredit).toBe(doc.metadata.photo_credit);
      expect(x.article.tags).toEqual(doc.metadata.tags);
      expect(x.article.relatedHeadlines).toEqual(doc.metadata.related_headlines);
    });
  });
});
