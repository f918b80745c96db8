// Pronoun resolution: each pronoun (he, him, his, himself, she, her, hers, herself) that
// refers to a named person, and whether the extractor's coreference (src/ingest/coreference)
// resolves it to that person.
//
// PolNeAR: the gold is CoreNLP's `silver_person_chains` (silver, a statistical system's
// chains): a chain counts when its name, read up to its first comma, starts with a
// capitalised run (its last word the surname), and a predicted person is that chain's
// person when one of its forms ends in that surname. A pronoun with no resolution, or
// resolved to another person, is wrong; so is one whose person the extractor never found.
// docs/extraction.md says how far the silver can be trusted.
//
// GUM: the human gold, where it has pronoun mentions of named individuals (see
// bench/eval/gum.ts for which persons are named individuals); descriptions the extractor
// resolves that are GUM mentions of a named individual are scored too (precision only).
import { articleCoreference } from "../../src/ingest/coreference/article.js";
import type { Coreference } from "../../src/ingest/coreference/index.js";
import { extract } from "../../src/ingest/extract.js";
import { readInput } from "../../src/ingest/read.js";
import { segment } from "../../src/ingest/segment.js";
import type { ExtractedPerson, Extraction, RawDocument } from "../../src/ingest/types.js";
import { fitsPerson, namedPersons, type GumRecord } from "./gum.js";
import { formsOf, nameKey } from "./names.js";

export interface PronounScore {
  /** Pronoun mentions of named persons in the gold. */
  gold: number;
  /** Of those, resolved to some person, and to the right one. */
  resolved: number;
  right: number;
}

interface SilverChain { name: string; mentions: { start: number; end: number; text: string }[] }
export interface ChainRecord { id: string; text: string; silver_person_chains?: SilverChain[] | null }

const PRONOUN = /^(he|him|his|himself|she|her|hers|herself)$/i;

function withCoreference(doc: RawDocument): { x: Extraction; coref: Coreference } {
  const x = extract(doc);
  const seg = segment(doc.text, { title: doc.title });
  return { x, coref: articleCoreference(seg.clean, seg.paragraphs, x.persons) };
}

/**
 * The surname a chain's name gives: CoreNLP names a chain by a whole mention ("Bryan
 * Pagliano, a former technology aide to Hillary Clinton", "Democrat Hillary Clinton"), so
 * the name is read up to its first comma, and its leading run of capitalised words ends in
 * the surname.
 */
export function chainSurname(name: string): string | null {
  const head = name.split(",")[0]!;
  const run = /^(?:(?:\p{Lu}[\p{L}'’.-]*|"[^"]+"|“[^”]+”)\s+)*\p{Lu}[\p{L}'’.-]*/u.exec(head.trim());
  return run ? (nameKey(run[0]).split(" ").pop() ?? null) : null;
}

/** A predicted person is the chain's when one of its forms ends in the chain's surname. */
function fitsSurname(person: ExtractedPerson, surname: string): boolean {
  return [...formsOf(person)].some((f) => f.split(" ").pop() === surname);
}

export function scorePronounsSilver(records: ChainRecord[], ids?: Set<string>): PronounScore & { articles: number } {
  const score = { gold: 0, resolved: 0, right: 0, articles: 0 };
  for (const r of records) {
    if ((ids && !ids.has(r.id)) || !r.silver_person_chains) continue;
    score.articles++;
    const { coref } = withCoreference(readInput(`polnear:${r.id}`, r.text, { format: "text" })[0]!);
    const at = new Map(coref.mentions.map((m) => [m.start, m.person]));
    for (const chain of r.silver_person_chains) {
      const surname = PRONOUN.test(chain.name) ? null : chainSurname(chain.name);
      if (!surname) continue;
      for (const m of chain.mentions) {
        if (!PRONOUN.test(m.text)) continue;
        score.gold++;
        const person = at.get(m.start);
        if (!person) continue;
        score.resolved++;
        if (fitsSurname(person, surname)) score.right++;
      }
    }
  }
  return score;
}

export interface GumCorefResult extends PronounScore { descriptions: { resolved: number; right: number } }

export function scorePronounsGum(records: GumRecord[]): GumCorefResult {
  const result: GumCorefResult = { gold: 0, resolved: 0, right: 0, descriptions: { resolved: 0, right: 0 } };
  for (const r of records) {
    const { individuals } = namedPersons(r.entities);
    const { coref } = withCoreference(readInput(`gum:${r.id}`, r.text, { format: "text" })[0]!);
    const at = new Map(coref.mentions.map((m) => [m.start, m]));
    const named = r.entities.filter((e) => e.type === "person").map((e) => ({ e, gold: namedPersons([e]).individuals[0] }))
      .filter((g) => g.gold && individuals.length);
    for (const { e, gold } of named) {
      for (const m of e.mentions) {
        const found = at.get(m.start);
        const right = !!found && fitsPerson(formsOf(found.person), gold!);
        if (m.pronoun && PRONOUN.test(m.text.trim())) {
          result.gold++;
          if (found) result.resolved++;
          if (right) result.right++;
        } else if (found?.kind === "description") {
          result.descriptions.resolved++;
          if (right) result.descriptions.right++;
        }
      }
    }
  }
  return result;
}
