// Stage 3d, organisations: the name tagger's ORGANIZATION spans and the names the rules
// recognise by their own words ("… Inc", "… Party", "Ministry of …", a news outlet), grouped
// into one organisation per thing the article names ("European Union", "EU", "E.U."), each
// with its kind where its words say it. Organisations never stay among the persons: a name
// both claim goes to the side with the plainer evidence, and leaves the other.
import type { EntitySpan } from "./ner/tagger.js";
import { isOrganizationWord, kindOf } from "./organization-kinds.js";
import { MONTHS_AND_DAYS, OUTLETS, SENTENCE_STARTERS, TITLE_WORDS } from "./lexicon.js";
import { normalizeName } from "./normalize.js";
import type { Token } from "./tokens.js";
import type { ExtractedOrganization, ExtractedPerson, SectionName, SectionSpan, Span } from "./types.js";
import { groupForms } from "./organization-groups.js";
import { addShortFormsAndMentions } from "./organization-mentions.js";

interface Candidate extends Span {
  form: string;
  /** Found by the organisation's own words (a suffix, "X of Y", an outlet), not by the tagger alone. */
  ruled: boolean;
  /** The tagger's confidence (1 for the rules' names). */
  score: number;
}

/** How sure the tagger must be of a one-word name that is also a common word of the article. */
const SURE_SCORE = 0.5;

/** Capitalised words an organisation's word may have before it ("Federal Emergency Management Agency"). */
const MAX_WORDS_BEFORE = 4;
/** Words after "of" or "for" ("Department of Health and Human Services"). */
const MAX_WORDS_AFTER = 5;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** Lower-case words inside an organisation's name. */
const INNER_CONNECTORS = new Set(["of", "and", "for", "on", "the", "&"]);
const OUTLET_FORMS = new Set(OUTLETS.filter((o) => !o.startsWith("The ")));

export function extractOrganizations(
  text: string,
  spans: EntitySpan[],
  tokens: Token[],
  sectionOf: (s: Span) => SectionName,
  persons: ExtractedPerson[],
): ExtractedOrganization[] {
  const ruled = ruleCandidates(text, tokens, persons);
  const lowerWords = new Set(tokens.filter((t) => !t.capitalized).map((t) => t.text));
  const tagged: Candidate[] = spans
    .filter((s) => s.type === "ORGANIZATION" && !headlineRun(tokens, s))
    .filter((s) => s.firstToken < s.lastToken || s.score >= SURE_SCORE || !commonWord(tokens[s.firstToken]!.text, lowerWords))
    .map((s) => trimmed(text, tokens, s.firstToken, s.lastToken, false, s.score))
    .filter((c): c is Candidate => c !== null);
  // Where both found a name, the longer reading stands ("Securities and Exchange Commission"
  // from the tagger over the rules' "Exchange Commission"; "U.S. Justice Department" from the
  // rules over the tagger's "Justice Department").
  const longer = (a: Candidate, b: Candidate) => overlaps(a, b) && a.end - a.start > b.end - b.start;
  const candidates = [...ruled.filter((r) => !tagged.some((t) => longer(t, r))), ...tagged.filter((t) => !ruled.some((r) => overlaps(r, t) && !longer(t, r)))]
    .sort((a, b) => a.start - b.start);
  const kept = withoutPersons(text, candidates, persons, spans);
  const groups = groupForms(text, kept.map((c) => ({ form: c.form, start: c.start, end: c.end })));
  const organizations: ExtractedOrganization[] = groups.map((g) => {
    const mentions: SectionSpan[] = g.spans.map((s) => ({ start: s.start, end: s.end, section: sectionOf(s) }));
    return { name: g.name, aliases: g.forms, kind: kindOf(g.forms), mentions };
  });
  addShortFormsAndMentions(text, tokens, organizations, sectionOf, persons);
  return organizations;
}

/**
 * Runs of capitalised words that end in an organisation's word ("Northwind Traders Inc",
 * "the Green Party"), or head an "X of Y" name ("Ministry of Health and Welfare"), and the
 * news outlets the lexicon knows.
 */
function ruleCandidates(text: string, tokens: Token[], persons: ExtractedPerson[]): Candidate[] {
  const found: Candidate[] = [];
  // A person's name ends a run: "Troy Patterson of Slate Magazine" names the magazine only.
  const personStarts = new Set(persons.flatMap((p) => p.mentions.map((m) => m.start)));
  const personEnds = new Set(persons.flatMap((p) => p.mentions.map((m) => m.end)));
  const joined = (a: Token, b: Token) => !a.possessive && text.slice(a.end, b.start) === " " && !personEnds.has(a.end) && !personStarts.has(b.start);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.capitalized) continue;
    let first = i;
    let last = i;
    if (isOrganizationWord(t.text)) {
      // Back over capitalised words and the connectors between them ("Securities and Exchange Commission").
      for (let k = i - 1; k >= 0 && joined(tokens[k]!, tokens[k + 1]!); k--) {
        if (tokens[k]!.capitalized) first = k;
        // "Apple Inc and Alphabet Inc" are two names: "and" joins words of one name only.
        else if (!/^(and|&)$/.test(tokens[k]!.text) || !tokens[k - 1]?.capitalized || isOrganizationWord(tokens[k - 1]!.text)) break;
      }
      // A longer run is a headline in title case ("Voters Abandon Green Party"), no name: the tagger decides.
      if (i - first > MAX_WORDS_BEFORE) first = i;
    }
    // "Ministry of Health and Welfare", "Center for Policy Research": the name runs on after "of" or "for".
    if (isOrganizationWord(t.text) && /^(of|for)$/.test(tokens[i + 1]?.text ?? "") && joined(t, tokens[i + 1]!)) {
      let j = i + 2;
      while (j < tokens.length && j <= i + 1 + MAX_WORDS_AFTER && joined(tokens[j - 1]!, tokens[j]!) && (tokens[j]!.capitalized || (INNER_CONNECTORS.has(tokens[j]!.text) && tokens[j + 1]?.capitalized))) {
        // "… Institute of Technology and Colorado State University" is two names.
        if (tokens[j]!.text === "and" && tokens.slice(j + 1, j + 5).some((x) => isOrganizationWord(x.text))) break;
        j++;
      }
      if (j - 1 > i + 1 && tokens[j - 1]!.capitalized) last = j - 1;
    }
    if (first === i && last === i) {
      const outlet = outletAt(text, tokens, i);
      if (outlet > i) found.push({ start: t.start, end: tokens[outlet]!.end, form: text.slice(t.start, tokens[outlet]!.end), ruled: true, score: 1 });
      if (outlet > i) i = outlet;
      else if (OUTLET_FORMS.has(t.text) && /^\p{Lu}{2,}$/u.test(t.text)) found.push({ start: t.start, end: t.end, form: t.text, ruled: true, score: 1 });
      continue;
    }
    const c = trimmed(text, tokens, first, last, true);
    if (c && c.form.includes(" ")) found.push(c);
    i = last;
  }
  // A name inside another ("Justice Department" in "U.S. Justice Department") is the longer one.
  return found.filter((c) => !found.some((d) => d !== c && d.start <= c.start && c.end <= d.end && d.end - d.start > c.end - c.start));
}

/** The end of a multi-word outlet's name starting at token i ("Washington Post"), or i. */
function outletAt(text: string, tokens: Token[], i: number): number {
  let end = i;
  let form = tokens[i]!.text;
  for (let j = i + 1; j < tokens.length && j < i + 4 && text.slice(tokens[j - 1]!.end, tokens[j]!.start) === " "; j++) {
    form += " " + tokens[j]!.text;
    if (OUTLET_FORMS.has(form)) end = j;
  }
  return end;
}

/**
 * A word that the article also writes in lower case ("Power", "Climate", "Council"), a
 * single letter or a Roman numeral: alone, and the tagger unsure, a word, no name.
 */
function commonWord(form: string, lowerWords: Set<string>): boolean {
  return lowerWords.has(form.toLowerCase()) || /^\p{L}$/u.test(form) || /^[IVXLC]+$/.test(form);
}

/**
 * A tagged run of many capitalised words with no organisation's word at its end: a headline
 * in title case ("Voters Abandon Green Party for Ana Ruiz"), which the tagger reads as a name.
 */
function headlineRun(tokens: Token[], s: EntitySpan): boolean {
  const words = s.lastToken - s.firstToken + 1;
  return words > MAX_WORDS_BEFORE + 1 && !isOrganizationWord(tokens[s.lastToken]!.text) && !tokens.slice(s.firstToken, s.lastToken + 1).some((t) => INNER_CONNECTORS.has(t.text));
}

/** Tokens first..last without the sentence openers, titles and dates before the name. */
function trimmed(text: string, tokens: Token[], first: number, last: number, ruled: boolean, score = 1): Candidate | null {
  // "Shares of Northwind Inc rose": a sentence's opening word and "of" are no part of a name
  // unless that word is an organisation's ("Bank of …", "Ministry of …").
  const opensSentence = /(^|[.!?]["”’]?\s+|\n\s*)$/u.test(text.slice(Math.max(0, tokens[first]!.start - 4), tokens[first]!.start));
  if (opensSentence && first + 2 <= last && tokens[first + 1]!.text === "of" && !isOrganizationWord(tokens[first]!.text)) first += 2;
  // "Brussels-based Egmont Foundation": the place it is based in is no part of the name.
  while (first <= last && (SENTENCE_STARTERS.has(tokens[first]!.text) || MONTHS_AND_DAYS.has(tokens[first]!.text) || !tokens[first]!.capitalized || /-based$/i.test(tokens[first]!.text))) first++;
  // "… Court of Cassation on July": dates and connectors after the name are no part of it.
  while (last >= first && (MONTHS_AND_DAYS.has(tokens[last]!.text) || !tokens[last]!.capitalized)) last--;
  if (first > last) return null;
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  const form = text.slice(start, end);
  // One word that is a title or an opener alone is no organisation ("Chairman", "Meanwhile").
  if (first === last && ((TITLE_WORDS.has(form) && !/^\p{Lu}+$/u.test(form)) || !/\p{Lu}/u.test(form))) return null;
  return { start, end, form, ruled, score };
}

/**
 * Names both claim. A rule-found person the tagger reads as an organisation more often than
 * as a person ("Northwind Traders said") becomes one. Otherwise the persons keep what they
 * were sure of: a tagged name that is a person's name, or lies on a person's mention, is no
 * organisation; a name found by its organisation's words ("Hallmark Foundation") takes the
 * person's overlapping mentions from them.
 */
function withoutPersons(text: string, candidates: Candidate[], persons: ExtractedPerson[], spans: EntitySpan[]): Candidate[] {
  for (let i = persons.length - 1; i >= 0; i--) {
    const p = persons[i]!;
    const inText = p.mentions.filter((m) => m.section === "body" || m.section === "title");
    let org = 0;
    let person = 0;
    for (const m of inText) {
      const tagged = spans.filter((s) => overlaps(s, m));
      if (tagged.some((s) => s.type === "PERSON")) person++;
      else if (tagged.some((s) => s.type === "ORGANIZATION")) org++;
    }
    if (org <= person || !inText.length) continue;
    persons.splice(i, 1);
    for (const m of inText) if (!candidates.some((c) => overlaps(c, m))) candidates.push({ start: m.start, end: m.end, form: text.slice(m.start, m.end), ruled: false, score: 1 });
  }
  candidates.sort((a, b) => a.start - b.start);
  const personKeys = new Set(persons.flatMap((p) => [p.name, ...p.aliases]).map(normalizeName));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const onPerson = persons.some((p) => p.mentions.some((m) => overlaps(m, c)));
    if (!c.ruled && (onPerson || personKeys.has(normalizeName(c.form)))) continue;
    if (c.ruled) for (const p of persons) p.mentions = p.mentions.filter((m) => !overlaps(m, c));
    kept.push(c);
  }
  // A person left with no mention in the article's text was only ever the organisation.
  for (let i = persons.length - 1; i >= 0; i--) if (!persons[i]!.mentions.length) persons.splice(i, 1);
  return kept;
}
