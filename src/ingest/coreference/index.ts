// Coreference within one article: which of its persons each pronoun (he, him, his, himself,
// she, her, hers, herself) and each definite description ("the mayor", "the 39-year-old",
// "the union leader") refers to. Candidates are the persons mentioned before, weighed by
// salience (recency, subject position, how often mentioned: ./salience.ts), filtered by
// gender (titles, pronouns already resolved to them, their first name: ./gender.ts) and by
// the clause ("Kim praised him": him is not Kim). "They" is left alone: in news it is
// nearly always a group.
import { ROLE_NOUNS, TITLE_WORDS } from "../lexicon.js";
import type { ExtractedPerson, Span } from "../types.js";
import { decideGender, firstNameGender, pronounGender, wordGender, type Gender, type PersonGender } from "./gender.js";
import { insertSorted, standings, type Contribution, type Standing } from "./salience.js";
import { findBareNames, type BareName } from "./bare-names.js";
import { indexSentences } from "./sentences.js";
import { clauseBreakBetween, findDescriptions, isAgeNoun, isObjectPronoun, isSubject, type Description } from "./syntax.js";

export type { Gender, GenderEvidence, PersonGender } from "./gender.js";

export interface ResolvedMention extends Span {
  text: string;
  kind: "pronoun" | "description" | "name";
  person: ExtractedPerson;
  /** Inside quoted words: resolved, but no evidence of the person's gender. */
  inQuote: boolean;
}

export interface ResolveHints {
  /** The person named as the subject of the pronoun's sentence ("Clinton says she …"). */
  sentenceSubject?: ExtractedPerson | null;
  /** Who spoke last before (quote attribution). */
  lastSpeaker?: ExtractedPerson | null;
  /** For a description no person's roles fit: whom to credit, if anyone. */
  fallback?: ExtractedPerson | null;
}

export interface Coreference {
  /** Every pronoun and description resolved, in text order. */
  mentions: ResolvedMention[];
  resolvePronoun(word: string, at: Span, hints?: ResolveHints): ExtractedPerson | null;
  resolveDescription(phrase: string, at: Span, hints?: ResolveHints): ExtractedPerson | null;
  genderOf(person: ExtractedPerson): PersonGender;
}

export interface CoreferenceOptions {
  /** The spans to read (the body's paragraphs); the whole text when absent. */
  regions?: Span[];
  /** Quoted words: names inside them are no antecedents. */
  quoteSpans?: Span[];
}

const PRONOUN = /\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b/g;
/** How much a mention inside quoted words counts for a pronoun outside them. */
const QUOTED_WEIGHT = 0.3;
const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
const TITLE_BEFORE = /\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$/;

export function buildCoreference(text: string, persons: ExtractedPerson[], options: CoreferenceOptions = {}): Coreference {
  const regions = options.regions?.length ? options.regions : [{ start: 0, end: text.length }];
  const quotes = options.quoteSpans ?? [];
  const inRegion = (pos: number) => regions.some((r) => r.start <= pos && pos < r.end);
  const inQuote = (pos: number) => quotes.some((q) => q.start <= pos && pos < q.end);
  const sentences = indexSentences(text, regions);

  // What a person's title or first name says of their gender, whatever the pronouns say.
  const titleGender = new Map<ExtractedPerson, Gender | null>();
  const nameGender = new Map<ExtractedPerson, Gender>();
  const loneNameGender = new Map<ExtractedPerson, Gender>();
  for (const p of persons) {
    let title: Gender | null = null;
    for (const m of p.mentions) {
      const t = TITLE_BEFORE.exec(text.slice(Math.max(0, m.start - 8), m.start));
      if (t) title ??= wordGender(t[1]!);
    }
    for (const role of p.roles) for (const w of role.split(/\s+/)) title ??= wordGender(w);
    titleGender.set(p, title);
    const full = [p.name, ...p.aliases].reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a));
    // A title or role left before the name ("Engineer Tom Hale", "Dr. Ana Ruiz") is no first name.
    const words = full.split(/\s+/);
    while (words.length > 1 && (TITLE_WORDS.has(words[0]!) || ROLE_NOUNS.has(words[0]!.toLowerCase()))) words.shift();
    nameGender.set(p, words.length >= 2 ? firstNameGender(words[0]!) : "UNKNOWN");
    // A name of one word may be a first name ("Melanie") or a surname the lexicon also
    // lists ("Clinton", "Warren"): it only leans.
    if (words.length === 1) loneNameGender.set(p, firstNameGender(words[0]!));
  }

  const contributions: Contribution[] = [];
  for (const p of persons) {
    for (const m of p.mentions) {
      // The body's mentions: a headline or a caption is no antecedent.
      if (!inRegion(m.start) || m.section !== "body") continue;
      contributions.push({ person: p, start: m.start, end: m.end, sentence: sentences.sentenceOf(m.start), subject: isSubject(text, m.start, m.end, sentences.sentenceStart(m.start)), pronoun: null, quoted: inQuote(m.start) });
    }
  }
  contributions.sort((a, b) => a.start - b.start);

  /**
   * The gender a candidate is known to have at this point, or null: a title, or the
   * pronouns resolved to them so far (two to one or more). A first name only leans
   * (`nameLeaning`): the lexicon is sometimes wrong for a person, and pronouns can say so.
   */
  const knownGender = (s: Standing): Gender | null => {
    const title = titleGender.get(s.person);
    if (title) return title;
    if (s.female + s.male >= 2 && (s.female >= 2 * s.male || s.male >= 2 * s.female)) return s.female > s.male ? "FEMALE" : "MALE";
    return null;
  };
  /** How much a first name weighs for or against a pronoun's gender. */
  const nameLeaning = (p: ExtractedPerson, gender: Gender): number => {
    const full = nameGender.get(p) ?? "UNKNOWN";
    if (full !== "UNKNOWN") return full === gender ? 1 : 0;
    const lone = loneNameGender.get(p) ?? "UNKNOWN";
    return lone === "UNKNOWN" ? 0.8 : lone === gender ? 1 : 0.3;
  };

  function rankPronoun(word: string, at: Span, hints: ResolveHints = {}): ExtractedPerson | null {
    const gender = pronounGender(word);
    if (!gender) return null;
    const sentence = sentences.sentenceOf(at.start);
    const lower = word.toLowerCase();
    const reflexive = lower.endsWith("self");
    const object = isObjectPronoun(text, word, at.end);
    const subjectPronoun = lower === "he" || lower === "she";
    let best: ExtractedPerson | null = null;
    let bestScore = 0;
    /** Near persons whose first name says otherwise: "Kim" may be a man the lexicon calls a woman. */
    const againstName: ExtractedPerson[] = [];
    for (const s of standings(contributions, at.start, sentence, inQuote(at.start) ? 1 : QUOTED_WEIGHT).values()) {
      const known = knownGender(s);
      if (known && known !== gender) continue;
      const sameClause = s.last.sentence === sentence && !clauseBreakBetween(text, s.last.end, at.start);
      // "Kim praised him": an object pronoun is not its own clause's subject.
      if (object && sameClause && s.last.subject) continue;
      let score = s.salience;
      if (!known) score *= nameLeaning(s.person, gender);
      if (score === 0) {
        if (sentence - s.last.sentence <= 1) againstName.push(s.person);
        continue;
      }
      // Within a sentence, the nearer mention: "apologize to Donald Trump for accusing him".
      if (s.last.sentence === sentence) score *= 1 + Math.max(0, 1 - (at.start - s.last.end) / 150) * (reflexive ? 8 : 0.5);
      if (reflexive && s.last.sentence === sentence) score *= 4;
      if (subjectPronoun && s.last.subject) score *= 1.35;
      if (hints.sentenceSubject === s.person) score *= 3;
      if (hints.lastSpeaker === s.person) score *= 1.5;
      if (score > bestScore) {
        best = s.person;
        bestScore = score;
      }
    }
    // No one else near: the pronoun is theirs, and says more than the lexicon.
    return best ?? (againstName.length === 1 ? againstName[0]! : null);
  }

  function rankDescription(d: Pick<Description, "head" | "modifiers">, at: Span, hints: ResolveHints = {}): ExtractedPerson | null {
    const sentence = sentences.sentenceOf(at.start);
    const around = standings(contributions, at.start, sentence, inQuote(at.start) ? 1 : QUOTED_WEIGHT);
    const head = new RegExp(`\\b${escapeRegExp(d.head)}\\b`, "i");
    const described = persons.filter((p) => p.roles.some((r) => head.test(r)));
    if (described.length) {
      // Of those whose roles fit, the one whose roles hold the most modifiers too, then the most salient.
      const fitness = (p: ExtractedPerson) => Math.max(...p.roles.map((r) => d.modifiers.filter((m) => new RegExp(`\\b${escapeRegExp(m)}\\b`, "i").test(r)).length));
      return described.reduce((a, b) => (fitness(b) > fitness(a) || (fitness(b) === fitness(a) && (around.get(b)?.salience ?? 0) > (around.get(a)?.salience ?? 0)) ? b : a));
    }
    const gender = wordGender(d.head);
    if (gender || isAgeNoun(d.head)) {
      // "the 39-year-old", "the woman": the most salient person of two sentences, of that gender.
      let best: Standing | null = null;
      for (const s of around.values()) {
        if (sentence - s.last.sentence > 2) continue;
        const known = knownGender(s);
        if (gender && (known ? known !== gender : nameLeaning(s.person, gender) < 0.5)) continue;
        if (!best || s.salience > best.salience) best = s;
      }
      if (best) return best.person;
    }
    return hints.fallback ?? null;
  }

  /** A lone first name or surname: the most salient person it fits, else the most mentioned. */
  function rankName(b: BareName): ExtractedPerson {
    const around = standings(contributions, b.start, sentences.sentenceOf(b.start));
    const weight = (p: ExtractedPerson) => (around.get(p)?.salience ?? 0) * 1000 + p.mentions.length;
    return b.candidates.reduce((a, c) => (weight(c) > weight(a) ? c : a));
  }

  // One pass in text order: each pronoun and description, once resolved, is a mention too.
  const mentions: ResolvedMention[] = [];
  const pending: { start: number; end: number; text: string; description: Description | null; bare?: BareName }[] = [];
  for (const b of findBareNames(text, regions, persons)) pending.push({ start: b.start, end: b.end, text: b.text, description: null, bare: b });
  for (const r of regions) {
    const slice = text.slice(r.start, r.end);
    for (const m of slice.matchAll(PRONOUN)) pending.push({ start: r.start + m.index!, end: r.start + m.index! + m[0].length, text: m[0], description: null });
    for (const d of findDescriptions(text, r.start, r.end)) pending.push({ start: d.start, end: d.end, text: d.text, description: d });
  }
  pending.sort((a, b) => a.start - b.start);
  const named = new Set(contributions.map((c) => c.start));
  for (const item of pending) {
    // "the mayor, Ana Ruiz," and "the 39-year-old Ruiz": the name that follows is the person.
    const following = item.description ? contributions.find((c) => c.start > item.end - 1 && c.start <= item.end + 3) : undefined;
    if (following && named.has(following.start)) {
      mentions.push({ start: item.start, end: item.end, text: item.text, kind: "description", person: following.person, inQuote: inQuote(item.start) });
      continue;
    }
    const person = item.bare ? rankName(item.bare) : item.description ? rankDescription(item.description, item) : rankPronoun(item.text, item);
    if (!person) continue;
    const quoted = inQuote(item.start);
    mentions.push({ start: item.start, end: item.end, text: item.text, kind: item.bare ? "name" : item.description ? "description" : "pronoun", person, inQuote: quoted });
    const lower = item.text.toLowerCase();
    // A pronoun given against the first name (no one else near) is evidence of gender for
    // the person's record, but not yet for resolving: one such guess must not decide the rest.
    const againstName = !item.description && !item.bare && nameLeaning(person, pronounGender(item.text)!) === 0;
    // A speaker's own "he" inside quoted words says who the speaker talks about, not who the
    // reporter's next sentence is about.
    if (quoted && !item.description && !item.bare) continue;
    insertSorted(contributions, {
      person, start: item.start, end: item.end, sentence: sentences.sentenceOf(item.start),
      subject: lower === "he" || lower === "she" || (!!(item.description || item.bare) && isSubject(text, item.start, item.end, sentences.sentenceStart(item.start))),
      pronoun: item.description || item.bare || quoted || againstName ? null : (pronounGender(item.text) as "FEMALE" | "MALE"),
      quoted,
    });
  }

  const genders = new Map<ExtractedPerson, PersonGender>();
  return {
    mentions,
    resolvePronoun: (word, at, hints) => rankPronoun(word, at, hints),
    resolveDescription(phrase, at, hints) {
      const words = phrase.trim().split(/\s+/);
      const head = words[words.length - 1]!.toLowerCase();
      return rankDescription({ head, modifiers: words.slice(1, -1).map((w) => w.toLowerCase()) }, at, hints);
    },
    genderOf(person) {
      let g = genders.get(person);
      if (!g) {
        let female = 0;
        let male = 0;
        for (const m of mentions) {
          if (m.person !== person || m.kind !== "pronoun" || m.inQuote) continue;
          if (pronounGender(m.text) === "FEMALE") female++;
          else male++;
        }
        genders.set(person, (g = decideGender(female, male, titleGender.get(person) ?? null, nameGender.get(person) ?? "UNKNOWN")));
      }
      return g;
    },
  };
}

const cached = new WeakMap<ExtractedPerson[], { text: string; coreference: Coreference }>();

/** The coreference of a whole text over these persons, built once per persons array. */
export function coreferenceFor(text: string, persons: ExtractedPerson[], quoteSpans: Span[]): Coreference {
  const hit = cached.get(persons);
  if (hit && hit.text === text) return hit.coreference;
  const coreference = buildCoreference(text, persons, { quoteSpans });
  cached.set(persons, { text, coreference });
  return coreference;
}
