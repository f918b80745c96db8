// An organisation's later mentions in its article: every form it already has, and its short
// forms where the text uses them: the name without a company word ("Northwind Traders" for
// "Northwind Traders Inc") and the first word of a name that ends in an organisation's word
// ("Brackenfield" for "Brackenfield University"). A one-word "person" that is only such a
// short form ("Northwind said") was the organisation all along.
import { getGazetteer } from "./gazetteer/index.js";
import { GIVEN_NAMES, SENTENCE_STARTERS, TITLE_WORDS } from "./lexicon.js";
import { isOrganizationWord } from "./organization-kinds.js";
import { normalizeName } from "./normalize.js";
import type { Token } from "./tokens.js";
import type { ExtractedOrganization, ExtractedPerson, SectionName, Span } from "./types.js";

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const COMPANY_SUFFIX = /,?\s+(Inc\.?|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|LLC|plc|PLC|Group|Holdings)$/;
/** First words that describe rather than name ("National Guard", "American Red Cross"). */
const DESCRIBING = new Set(`New National Federal International American British United General Royal Central Northern Southern
  Eastern Western North South East West Democratic Republican Public Global World State City County Great Grand Supreme High
  Free Independent Popular People Social Socialist Liberal Conservative Green Labour Christian Islamic Catholic Young First`.split(/\s+/));

/** The forms an organisation may be called by later, short of its full names. */
function shortForms(o: ExtractedOrganization): string[] {
  const forms = new Set<string>();
  for (const a of o.aliases) {
    const bare = a.replace(COMPANY_SUFFIX, "");
    if (bare !== a && bare.length > 2) forms.add(bare);
    const words = a.split(" ");
    const first = words[0]!;
    if (words.length > 1 && isOrganizationWord(words[words.length - 1]!) && usableFirstWord(first)) forms.add(first);
  }
  return [...forms].filter((f) => !o.aliases.includes(f));
}

function usableFirstWord(word: string): boolean {
  const { byAlias, demonyms } = getGazetteer();
  return word.length > 3 && /^\p{Lu}\p{Ll}/u.test(word) && !isOrganizationWord(word) && !DESCRIBING.has(word) && !SENTENCE_STARTERS.has(word)
    && !TITLE_WORDS.has(word) && !GIVEN_NAMES.has(word) && !byAlias.has(word) && !demonyms.has(word);
}

export function addShortFormsAndMentions(text: string, tokens: Token[], organizations: ExtractedOrganization[], sectionOf: (s: Span) => SectionName, persons: ExtractedPerson[]): void {
  const short = new Map<string, ExtractedOrganization | null>();
  for (const o of organizations) for (const f of shortForms(o)) short.set(f, short.has(f) && short.get(f) !== o ? null : o);
  // A person by one name only, that name a short form of one organisation: the organisation.
  for (let i = persons.length - 1; i >= 0; i--) {
    const p = persons[i]!;
    const owner = p.aliases.every((a) => a === p.name) ? short.get(p.name) : undefined;
    if (!owner) continue;
    persons.splice(i, 1);
    owner.aliases.push(p.name);
    owner.mentions.push(...p.mentions.filter((m) => m.section === "body" || m.section === "title"));
  }
  const personKeys = new Set(persons.flatMap((p) => [p.name, ...p.aliases]).map(normalizeName));
  const taken = (s: Span) => organizations.some((o) => o.mentions.some((m) => overlaps(m, s))) || persons.some((p) => p.mentions.some((m) => overlaps(m, s)));
  const byForm = new Map<string, ExtractedOrganization | null>();
  for (const o of organizations) {
    for (const form of [...o.aliases, ...shortForms(o)]) {
      if (personKeys.has(normalizeName(form))) continue;
      byForm.set(form, byForm.has(form) && byForm.get(form) !== o ? null : o);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.capitalized) continue;
    // The longest known form starting here.
    let best: { end: number; form: string; org: ExtractedOrganization } | null = null;
    let form = "";
    for (let j = i; j < tokens.length && j < i + 8; j++) {
      if (j > i && text.slice(tokens[j - 1]!.end, tokens[j]!.start) !== " ") break;
      form = j === i ? tokens[j]!.text : `${form} ${tokens[j]!.text}`;
      const org = byForm.get(form);
      if (org) best = { end: j, form, org };
    }
    if (!best) continue;
    const span = { start: tokens[i]!.start, end: tokens[best.end]!.end };
    // A short form running into more capitalised words is part of another name ("Brackenfield Road").
    const next = tokens[best.end + 1];
    const runsOn = next?.capitalized && text.slice(tokens[best.end]!.end, next.start) === " ";
    if (!taken(span) && !runsOn) {
      best.org.mentions.push({ ...span, section: sectionOf(span) });
      if (!best.org.aliases.includes(best.form)) best.org.aliases.push(best.form);
    }
    i = best.end;
  }
  for (const o of organizations) o.mentions.sort((a, b) => a.start - b.start);
}
