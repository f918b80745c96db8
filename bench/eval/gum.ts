// GUM news and interviews (human gold): named persons and organisations, per article,
// one-to-one.
//
// Named persons are GUM entities of type "person" that are real individuals:
//   - the entity has a named mention that ends in a proper name (its core: the last run of
//     capitalised words, as in "Texas student Ahmed Mohamed" -> "Ahmed Mohamed");
//   - it is not a pair or a group: its name does not join two names with "and", and a core
//     of one word counts only when the entity is also called "he" or "she" ("Americans",
//     "the Taliban" are not individuals; "Obama" is);
// The other GUM person entities (groups, roles without a name) are neither found nor
// missed: a predicted person matching one of them is not counted at all.
//
// A predicted person matches a named gold person when one of its forms (name or alias,
// normalised) is the gold's name, a named mention, or a part of a core that is its surname
// or more ("Trump", "Donald Trump" in "U.S. President Donald Trump"), or its first word
// alone ("Mario" for "Mario J. Lucero").
//
// Organisations: GUM "organization" entities with a named mention; a predicted
// organisation matches when one of its forms is the gold name or a named mention.
import fs from "node:fs";
import { extract } from "../../src/ingest/extract.js";
import { readInput } from "../../src/ingest/read.js";
import type { Extraction } from "../../src/ingest/types.js";
import { formsOf, nameKey, nameTokens } from "./names.js";
import { addScore, emptyScore, maxMatching, type Score } from "./score.js";

interface GumMention { start: number; end: number; text: string; named: boolean; pronoun: boolean }
interface GumEntity { type: string; name: string | null; named: boolean; mentions: GumMention[] }
export interface GumRecord { id: string; text: string; title: string; entities: GumEntity[] }

export const readGum = (file: string): GumRecord[] => fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as GumRecord);

const CAPITALISED_RUN = /(?:\p{Lu}[\p{L}\p{M}'’.-]*\.?\s+)*\p{Lu}[\p{L}\p{M}'’.-]*/gu;
const SINGULAR_PRONOUN = /^(he|she|him|her|his|hers|himself|herself)$/i;

/** The last run of capitalised words in a mention, when the mention ends in it. */
function coreOf(mention: string): string | null {
  const text = mention.replace(/[\u2019']s?$/u, "").trim();
  const runs = [...text.matchAll(CAPITALISED_RUN)];
  const last = runs[runs.length - 1];
  if (!last || last.index! + last[0].length < text.length) return null;
  return last[0];
}

interface GoldPerson { forms: Set<string>; cores: string[][] }

export function namedPersons(entities: GumEntity[]): { individuals: GoldPerson[]; others: GoldPerson[] } {
  const individuals: GoldPerson[] = [];
  const others: GoldPerson[] = [];
  for (const e of entities) {
    if (e.type !== "person") continue;
    const named = e.mentions.filter((m) => m.named && !m.pronoun);
    const cores = named.map((m) => coreOf(m.text)).filter((c): c is string => !!c).map(nameTokens).filter((t) => t.length > 0);
    const forms = new Set([e.name ?? "", ...named.map((m) => m.text)].map(nameKey).filter(Boolean));
    const person = { forms, cores };
    const singular = e.mentions.some((m) => m.pronoun && SINGULAR_PRONOUN.test(m.text.trim()));
    const individual = e.named && cores.length > 0 && !/\sand\s/.test(e.name ?? "") && (cores.some((c) => c.length >= 2) || singular);
    (individual ? individuals : others).push(person);
  }
  return { individuals, others };
}

export function fitsPerson(forms: Set<string>, gold: GoldPerson): boolean {
  for (const f of forms) {
    if (gold.forms.has(f)) return true;
    const t = f.split(" ");
    for (const core of gold.cores) {
      if (t.length === 1 && core.length > 1 && core[0] === t[0]) return true;
      // The form is a run of the core's words that ends with its last word (the surname).
      const at = core.length - t.length;
      if (at >= 0 && t.every((w, k) => core[at + k] === w)) return true;
    }
  }
  return false;
}

export interface GumResult { articles: number; persons: Score; organizations: Score | null; goldPersons: number; goldOrganizations: number }

export function scoreGum(records: GumRecord[]): GumResult {
  const result: GumResult = { articles: 0, persons: emptyScore(), organizations: null, goldPersons: 0, goldOrganizations: 0 };
  for (const r of records) {
    result.articles++;
    const x: Extraction = extract(readInput(`gum:${r.id}`, r.text, { format: "text" })[0]!);
    const { individuals, others } = namedPersons(r.entities);
    result.goldPersons += individuals.length;
    const predicted = x.persons.filter((p) => p.mentions.some((m) => m.section === "body" || m.section === "title")).map(formsOf);
    // Predictions that stand for a group or a role the filter left out are not counted.
    const counted = predicted.filter((f) => individuals.some((g) => fitsPerson(f, g)) || !others.some((g) => fitsPerson(f, g)));
    const tp = maxMatching(counted.length, individuals.length, (i, j) => fitsPerson(counted[i]!, individuals[j]!));
    addScore(result.persons, { tp, fp: counted.length - tp, fn: individuals.length - tp });

    const orgs = r.entities.filter((e) => e.type === "organization" && e.named)
      .map((e) => new Set([e.name ?? "", ...e.mentions.filter((m) => m.named && !m.pronoun).map((m) => m.text)].map(nameKey).filter(Boolean)));
    result.goldOrganizations += orgs.length;
    {
      const forms = x.organizations.map(formsOf);
      const otp = maxMatching(forms.length, orgs.length, (i, j) => [...forms[i]!].some((f) => orgs[j]!.has(f)));
      addScore((result.organizations ??= emptyScore()), { tp: otp, fp: forms.length - otp, fn: orgs.length - otp });
    }
  }
  return result;
}
