// Stage 3b, persons: capitalized runs that are neither places nor organisations, kept when
// the text gives evidence that they name a person (a title, a role apposition, a speech
// verb, a known given name); then surnames and other parts linked to the full names.
import { getGazetteer } from "./gazetteer/index.js";
import {
  DETERMINERS, GIVEN_NAMES, MONTHS_AND_DAYS, ORG_WORDS, OUTLET_SET, ROLE_NOUNS, SENTENCE_STARTERS, SPEECH_VERBS, TITLE_WORDS,
} from "./lexicon.js";
import { normalizeName } from "./normalize.js";
import type { Token } from "./tokens.js";
import type { ExtractedPerson, SectionName, SectionSpan, Span } from "./types.js";

const PARTICLES = new Set(["bin", "al", "de", "van", "von", "da", "del", "der", "la", "le", "di", "du"]);
const ROMAN = /^(II|III|IV|VI|VII|VIII|IX|XI|XII)$/;

export interface NameCandidate extends SectionSpan {
  tokens: Token[];
  name: string;
  /** Title words before the name in the same run ("Deputy Foreign Minister"). */
  title: string | null;
}

export interface TokenizedSection {
  section: SectionName;
  span: Span;
  tokens: Token[];
}

function isDemonymAt(tokens: Token[], i: number): number {
  const { demonyms } = getGazetteer();
  const two = i + 1 < tokens.length ? `${tokens[i]!.text} ${tokens[i + 1]!.text}` : "";
  if (two && (demonyms.has(two) || demonyms.has(two.replace(/s$/, "")))) return 2;
  const one = tokens[i]!.text;
  return demonyms.has(one) || (one.endsWith("s") && demonyms.has(one.slice(0, -1))) ? 1 : 0;
}

/** Runs of capitalized tokens (with name particles inside) separated only by spaces. */
function capitalizedRuns(text: string, tokens: Token[], blocked: (t: Token) => boolean): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && !run[run.length - 1]!.capitalized) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const previous = run[run.length - 1];
    const gap = previous ? text.slice(previous.end, t.start) : "";
    // "Dr. Ingrid Solberg": an abbreviated title's full stop does not end the run.
    const joined = !!previous && !previous.possessive && (gap === " " || (gap === ". " && TITLE_WORDS.has(previous.text)));
    const particle = !t.capitalized && PARTICLES.has(t.text) && run.length > 0 && tokens[i + 1]?.capitalized;
    if ((t.capitalized || particle) && !blocked(t)) {
      if (!joined) close();
      run.push(t);
    } else close();
  }
  close();
  return runs;
}

/** Name candidates in one section: runs cut into an optional title and the name itself. */
export function nameCandidates(text: string, section: TokenizedSection, blocked: (t: Token) => boolean): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  for (const run of capitalizedRuns(text, section.tokens, blocked)) {
    let i = 0;
    // "Continued Piotr Nowak:", "Added Ruiz": a speech verb opening the sentence is no part of the name.
    while (i < run.length && (SENTENCE_STARTERS.has(run[i]!.text) || MONTHS_AND_DAYS.has(run[i]!.text) || (/(?:ed|s)$/.test(run[i]!.text) && SPEECH_VERBS.has(run[i]!.text.toLowerCase())))) i++;
    const titleStart = i;
    // "House Speaker Paul Ryan", "Senate Minority Leader Harry Reid": an institution before a
    // title belongs to the title.
    let institution = i;
    while (institution < run.length && (ORG_WORDS.has(run[institution]!.text) || /^(Minority|Majority)$/.test(run[institution]!.text))) institution++;
    if (institution > i && TITLE_WORDS.has(run[institution]?.text ?? "")) i = institution;
    for (;;) {
      const demonym = i < run.length ? isDemonymAt(run, i) : 0;
      if (demonym) i += demonym;
      else if (i < run.length && TITLE_WORDS.has(run[i]!.text)) i++;
      else break;
    }
    const nameTokens = run.slice(i);
    if (!nameTokens.length || nameTokens.length > 4) continue;
    if (nameTokens.some((t) => ORG_WORDS.has(t.text) || MONTHS_AND_DAYS.has(t.text) || ROMAN.test(t.text) || /^\p{Lu}{3,}$|^(\p{Lu}\.)+$/u.test(t.text))) continue;
    if (nameTokens.some((t) => SENTENCE_STARTERS.has(t.text)) || isDemonymAt(nameTokens, 0)) continue;
    const name = text.slice(nameTokens[0]!.start, nameTokens[nameTokens.length - 1]!.end);
    if (OUTLET_SET.has(name.toLowerCase())) continue;
    const title = i > titleStart ? text.slice(run[titleStart]!.start, run[i - 1]!.end) : null;
    candidates.push({ start: nameTokens[0]!.start, end: nameTokens[nameTokens.length - 1]!.end, section: section.section, tokens: nameTokens, name, title });
  }
  return candidates;
}

const SPEECH_AFTER = /^\s*(?:(?:,[^,.]{1,120}){1,3},\s*)?(?:\w+ly\s+)?([a-z]+)\b/;
const SPEECH_BEFORE = /\b([a-z]+)\s*$/;

function hasSpeechVerbNear(text: string, c: Span): boolean {
  const after = SPEECH_AFTER.exec(text.slice(c.end, c.end + 160));
  if (after && SPEECH_VERBS.has(after[1]!)) return true;
  const before = SPEECH_BEFORE.exec(text.slice(Math.max(0, c.start - 20), c.start));
  return !!before && SPEECH_VERBS.has(before[1]!);
}

/** Does a phrase read as a role: a role noun among its first words ("the recently appointed Deputy Foreign Minister …")? */
function isRoleNoun(word: string): boolean {
  const w = word.toLowerCase().replace(/[^a-z.-]/g, "");
  // Besides the list, "-ologist", "-ician" and "-ist" words name what someone does.
  return ROLE_NOUNS.has(w) || /(ologist|ician|ist)$/.test(w) && w.length > 5;
}

function isRolePhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (!words.length || words.length > 25) return false;
  return words.slice(0, 5).some(isRoleNoun);
}

/** Trims a phrase to start at its role ("Sputnik spoke with the head of …" -> "the head of …"). */
function fromRoleNoun(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (!isRoleNoun(words[i]!)) continue;
    let start = i;
    while (start > 0 && (DETERMINERS.test(words[start - 1]!) || /^(recently|newly|appointed|elected|acting|executive|deputy|senior|vice)$/i.test(words[start - 1]!))) start--;
    return words.slice(start).join(" ");
  }
  return null;
}

/** Roles given by appositions: "NAME, the manager of X," and "the head of X, NAME". */
export function appositionRoles(text: string, c: Span, paragraph: Span): string[] {
  const roles: string[] = [];
  const after = text.slice(c.end, paragraph.end);
  const post = /^,\s+([^,.;:“”"]+?(?:\b\p{Lu}\.)*[^,;:“”"]*?)(?=,|\.(?:\s|$)|;|\s(?:who|which|that)\s|$)/u.exec(after);
  if (post && isRolePhrase(post[1]!) && !/^(who|which|where|when|and|but)\b/i.test(post[1]!)) roles.push(post[1]!.trim());
  // Only the name's own sentence: a comma-separated role never crosses a full stop.
  const paragraphText = text.slice(paragraph.start, c.start);
  const sentenceStart = paragraphText.search(/[.!?]\s+(?=[^.!?]*$)/);
  const before = sentenceStart >= 0 ? paragraphText.slice(sentenceStart + 1).trimStart() : paragraphText;
  if (/,\s*$/.test(before)) {
    const segments = before.replace(/,\s*$/, "").split(/,\s+/);
    for (let k = segments.length - 1; k >= 0; k--) {
      const role = fromRoleNoun(segments[k]!);
      if (!role || (k < segments.length - 1 && !isRolePhrase(role))) break;
      roles.push(role);
      if (role !== segments[k]!.trim()) break;
    }
  }
  return roles;
}

/** Lowercase role words just before a name: "North Korean leader Kim Jong Un". */
function leadingRole(text: string, tokens: Token[], c: NameCandidate): string | null {
  const idx = tokens.findIndex((t) => t.start === c.start);
  let k = idx;
  let sawRole = false;
  while (k > 0 && idx - k < 4) {
    const prev = tokens[k - 1]!;
    if (!/^ $/.test(text.slice(prev.end, tokens[k]!.start))) break;
    const word = prev.text.toLowerCase();
    if (ROLE_NOUNS.has(word) || TITLE_WORDS.has(prev.text)) sawRole = true;
    else if (!(isDemonymAt(tokens, k - 1) || (k >= 2 && isDemonymAt(tokens, k - 2) === 2) || /^(former|acting|deputy)$/.test(word))) break;
    k--;
  }
  return sawRole && k < idx ? text.slice(tokens[k]!.start, tokens[idx - 1]!.end) : null;
}

interface PersonDraft {
  key: string;
  name: string;
  aliases: Set<string>;
  roles: Set<string>;
  mentions: SectionSpan[];
  evidence: boolean;
  multiToken: boolean;
}

/** A person's canonical key: the name without middle initials ("Donald J Trump" -> "donald trump"). */
function personKey(tokens: string[]): string {
  const kept = tokens.filter((t, i) => !(i > 0 && i < tokens.length - 1 && /^\p{Lu}\.?$/u.test(t)));
  return normalizeName(kept.join(" "));
}

const PLURAL_SPEECH_AFTER = /^\s+(say|warn|argue|claim|insist|believe|fear|worry|complain|agree|think|hope|predict|estimate)\b/;

export function extractPersons(text: string, sections: TokenizedSection[], paragraphs: Span[], blocked: (t: Token) => boolean): ExtractedPerson[] {
  const drafts = new Map<string, PersonDraft>();
  const singles: NameCandidate[] = [];
  const paragraphOf = (s: Span) => paragraphs.find((p) => p.start <= s.start && s.end <= p.end) ?? { start: Math.max(0, s.start - 300), end: Math.min(text.length, s.end + 300) };

  for (const section of sections) {
    if (section.section !== "body") continue;
    for (const c of nameCandidates(text, section, blocked)) {
      const paragraph = paragraphOf(c);
      const roles = [...appositionRoles(text, c, paragraph)];
      const lead = c.title ?? leadingRole(text, section.tokens, c);
      if (lead) roles.unshift(lead);
      const speech = hasSpeechVerbNear(text, c);
      if (c.tokens.length === 1) {
        singles.push({ ...c, title: lead });
        continue;
      }
      const key = personKey(c.tokens.map((t) => t.text));
      const draft = drafts.get(key) ?? { key, name: c.name, aliases: new Set<string>(), roles: new Set<string>(), mentions: [], evidence: false, multiToken: true };
      const hyphenatedGivenName = c.tokens.some((t) => /-\p{Ll}/u.test(t.text));
      draft.evidence ||= !!lead || roles.length > 0 || speech || GIVEN_NAMES.has(c.tokens[0]!.text) || c.tokens.length >= 3 || hyphenatedGivenName;
      draft.aliases.add(c.name);
      roles.forEach((r) => draft.roles.add(r));
      draft.mentions.push({ start: c.start, end: c.end, section: c.section });
      // Prefer the form without middle initials as the canonical name.
      if (normalizeName(c.name) === key) draft.name = c.name;
      drafts.set(key, draft);
    }
  }
  const persons = mergeEpithets(text, [...drafts.values()].filter((d) => d.evidence));

  // Single tokens: a part of a full name in this article, or a person in their own right
  // when a title, role or speech verb says so ("President Obama", "Obama said").
  for (const s of singles) {
    const owners = persons.filter((p) => p.name.split(/\s+/).some((part, i, parts) => part === s.name && !(i > 0 && i < parts.length - 1 && part.length <= 2)));
    if (owners.length === 1) {
      const owner = owners[0]!;
      owner.aliases.add(s.name);
      owner.mentions.push({ start: s.start, end: s.end, section: s.section });
      if (s.title) owner.roles.add(s.title);
      continue;
    }
    // "the University of Tokusёku", "in Sweden": after a preposition a lone word names a place or body.
    if (owners.length > 1 || GIVEN_NAMES.has(s.name) || /\b(of|in|at|from|to|into|via|near)\s+$/.test(text.slice(Math.max(0, s.start - 6), s.start))) continue;
    // "Exporters say …", "Critics warn …": a verb in the plural speaks of a group, not a person.
    if (!s.title && PLURAL_SPEECH_AFTER.test(text.slice(s.end, s.end + 12))) continue;
    const key = normalizeName(s.name);
    const draft = drafts.get(key) ?? { key, name: s.name, aliases: new Set<string>(), roles: new Set<string>(), mentions: [], evidence: false, multiToken: false };
    draft.evidence ||= !!s.title || hasSpeechVerbNear(text, s);
    draft.aliases.add(s.name);
    if (s.title) {
      draft.roles.add(s.title);
      draft.aliases.add(`${s.title.split(/\s+/).pop()} ${s.name}`);
    }
    draft.mentions.push({ start: s.start, end: s.end, section: s.section });
    drafts.set(key, draft);
    if (!persons.includes(draft) && draft.evidence) persons.push(draft);
  }

  return persons
    .filter((p) => p.evidence)
    .map((p) => ({
      name: p.name,
      aliases: [...p.aliases],
      roles: distinctRoles([...p.roles]),
      mentions: p.mentions.sort((a, b) => a.start - b.start),
    }));
}

/**
 * "Crooked Hillary Clinton", "Miss Universe Alicia Machado": a capitalized word before a full
 * name found on its own is an epithet or the rest of a title, not part of the name. Its
 * mentions become the shorter person's.
 */
function mergeEpithets(text: string, persons: PersonDraft[]): PersonDraft[] {
  const byKey = new Map(persons.map((p) => [p.key, p]));
  return persons.filter((p) => {
    const tokens = p.name.split(/\s+/);
    if (tokens.length < 3 || GIVEN_NAMES.has(tokens[0]!)) return true;
    const owner = byKey.get(personKey(tokens.slice(1)));
    if (!owner || owner === p) return true;
    for (const m of p.mentions) {
      const skip = text.slice(m.start, m.end).search(/\s\S/) + 1;
      owner.mentions.push({ ...m, start: m.start + skip });
    }
    p.roles.forEach((r) => owner.roles.add(r));
    return false;
  });
}

/** Roles without repeats: "the head of X" and "head of X" are one role. */
function distinctRoles(roles: string[]): string[] {
  const seen = new Map<string, string>();
  for (const role of roles) {
    const key = role.replace(/^(the|a|an|his|her)\s+/i, "").toLowerCase();
    if (!seen.has(key)) seen.set(key, role.replace(/^(the|a|an)\s+/i, ""));
  }
  return [...seen.values()];
}

/** The photographer named in a credit line ("© AP Photo/ Wong Maye-E"). */
export function photographerOf(credit: string, offset: number): { name: string; start: number; end: number } | null {
  const m = /(?:photo(?:graph)?|image|picture)\s*(?:\/|by|:)\s*([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){1,3})\s*$/iu.exec(credit);
  if (!m) return null;
  const start = offset + m.index + m[0].indexOf(m[1]!);
  return { name: m[1]!, start, end: start + m[1]!.length };
}
