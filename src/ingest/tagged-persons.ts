// Stage 3c, the name tagger's word on persons: the rules' persons that the tagger reads as
// an organisation or a place are dropped, and the names it reads as persons that the
// rules missed are added (titles before them go to roles, not into the name).
import type { EntitySpan } from "./ner/tagger.js";
import { appositionRoles } from "./persons.js";
import { TITLE_WORDS } from "./lexicon.js";
import { normalizeName } from "./normalize.js";
import type { Token } from "./tokens.js";
import type { ExtractedPerson, SectionName, Span } from "./types.js";

/**
 * How sure the tagger must be that a name is a person to add one the rules missed. A
 * name of two words or more that the tagger reads as a person is one far more often than
 * a single word is, even when its score is low (docs/extraction.md gives the figures).
 */
const ADD_SCORE = 0.5;
const ADD_MULTI = 0.1;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function reconcilePersons(
  text: string,
  persons: ExtractedPerson[],
  spans: EntitySpan[],
  tokens: Token[],
  sectionOf: (s: Span) => SectionName,
  paragraphOf: (s: Span) => Span,
): ExtractedPerson[] {
  const kept = persons.filter((p) => !vetoed(p, spans));
  for (const p of kept) withoutLeadingTitle(p, spans);
  // Each person's names as keys, made once: normalising is the costly part of comparing.
  const keys = new Map<ExtractedPerson, Set<string>>();
  const keysOf = (p: ExtractedPerson) => {
    let set = keys.get(p);
    if (!set) keys.set(p, (set = new Set([p.name, ...p.aliases].map(normalizeName))));
    return set;
  };
  const known = (s: Span) => kept.some((p) => p.mentions.some((m) => overlaps(m, s)));
  const added = spans.filter((s) => s.type === "PERSON" && s.score >= (s.lastToken > s.firstToken ? ADD_MULTI : ADD_SCORE) && !known(s)).map((s) => withoutTitle(text, s, tokens)).filter((s) => s !== null);
  // Full names first, so that a surname alone can join the full name it belongs to.
  added.sort((a, b) => b.tokens.length - a.tokens.length || a.start - b.start);
  for (const s of added) {
    // "Port Budget Set at 40 Million Euros": words the text also writes in lower case
    // ("40 million euros") are capitalised by a headline, not a name.
    if (s.tokens.length > 1 && text.includes(s.name.toLowerCase())) continue;
    const section = sectionOf(s);
    const mention = { start: s.start, end: s.end, section };
    const key = normalizeName(s.name);
    const roles = [...(s.title ? [s.title] : []), ...(section === "body" ? appositionRoles(text, s, paragraphOf(s)) : [])];
    const owners = s.tokens.length === 1
      ? kept.filter((p) => p.aliases.some((a) => a.split(/\s+/).includes(s.name)))
      : kept.filter((p) => keysOf(p).has(key));
    if (owners.length > 1) continue;
    const owner = owners[0];
    if (owner) {
      if (!owner.aliases.includes(s.name)) (owner.aliases.push(s.name), keysOf(owner).add(key));
      owner.mentions.push(mention);
      owner.mentions.sort((a, b) => a.start - b.start);
      for (const r of roles) if (!owner.roles.includes(r)) owner.roles.push(r);
      continue;
    }
    kept.push({ name: s.name, aliases: [s.name], roles, mentions: [mention] });
  }
  return kept;
}

/**
 * A person the tagger never reads as a person, and whose mentions it mostly reads as an
 * organisation, a place or no name at all. The tagger's doubt about the other kinds does
 * not save the person: a rule-found name it reads as no person anywhere seldom is one.
 */
function vetoed(p: ExtractedPerson, spans: EntitySpan[]): boolean {
  const body = p.mentions.filter((m) => m.section === "body" || m.section === "title");
  if (!body.length) return false;
  for (const m of body) if (spans.some((s) => s.type === "PERSON" && overlaps(s, m))) return false;
  return true;
}

/**
 * "Transport Minister Ana Ruiz": when the tagger, sure of itself, reads only the end of a
 * mention as the person, the words before it are a title: they go to the roles, and the
 * name is what the tagger read.
 */
function withoutLeadingTitle(p: ExtractedPerson, spans: EntitySpan[]): void {
  for (const m of p.mentions) {
    if (m.section !== "body" && m.section !== "title") continue;
    const inner = spans.find((s) => s.type === "PERSON" && s.score >= (s.lastToken > s.firstToken ? ADD_MULTI : ADD_SCORE) && s.end === m.end && s.start > m.start);
    if (!inner) continue;
    const mentionText = p.aliases.find((a) => a.length === m.end - m.start && a.endsWith(" " + a.slice(inner.start - m.start))) ?? null;
    if (!mentionText) continue;
    const name = mentionText.slice(inner.start - m.start);
    const title = mentionText.slice(0, inner.start - m.start).trim();
    if (!title || /[.!?,;:]/.test(title)) continue;
    if (p.name === mentionText) p.name = name;
    if (!p.aliases.includes(name)) p.aliases.push(name);
    if (!p.roles.includes(title)) p.roles.unshift(title);
    m.start = inner.start;
  }
  // A title is no alias: the person goes by the shorter forms.
  p.aliases = p.aliases.filter((a) => a === p.name || !p.aliases.some((b) => b !== a && a.endsWith(" " + b) && p.roles.includes(a.slice(0, a.length - b.length).trim())));
}

/** The span without the title words it starts with ("Transport Minister Ana Ruiz" -> "Ana Ruiz", title "Transport Minister"). */
function withoutTitle(text: string, s: EntitySpan, tokens: Token[]): (Span & { name: string; title: string | null; tokens: Token[] }) | null {
  let first = s.firstToken;
  while (first <= s.lastToken && TITLE_WORDS.has(tokens[first]!.text)) first++;
  if (first > s.lastToken) return null;
  const start = tokens[first]!.start;
  const title = first > s.firstToken ? text.slice(s.start, tokens[first - 1]!.end) : null;
  return { start, end: s.end, name: text.slice(start, s.end), title, tokens: tokens.slice(first, s.lastToken + 1) };
}
