// Stage 3d, one person per identity in an article: the rules and the tagger find a person's
// forms one by one ("Loretta E. Lynch", "Loretta Lynch", "Lynch", "Mr. Bush" and "George
// W. Bush"); here the forms of one person become one Person, and a title the earlier
// stages left inside a name ("Indiana Gov. Mike Pence") goes to the roles.
import { GIVEN_NAMES, SPEECH_VERBS } from "./lexicon.js";
import { normalizeName } from "./normalize.js";
import type { ExtractedPerson } from "./types.js";

/**
 * Words that are a title wherever they stand in a capitalised run: what comes after the
 * last of them is the name ("Indiana Gov. Mike Pence", "Retired Lt. Gen. Michael Flynn").
 * Kept to words that are no one's given name or surname.
 */
const INNER_TITLES = new Set(
  `President Vice-President Minister Secretary Senator Sen. Sens. Representative Rep. Reps. Congressman Congresswoman Governor
  Gov. Mayor Ambassador Chairman Chairwoman Speaker Commissioner Judge Justice Attorney Gen. Lt. Col. Capt. Sgt. Adm. Cmdr. Maj.
  Dr. Mr. Mrs. Ms. Prof. Rev. Del. Atty. Supt. Insp. Det. Chancellor Premier Sheikh Spokesman Spokeswoman Spokesperson
  Administrator Director Superintendent Coach Detective Inspector Sheriff Professor Pastor Bishop Cardinal Rabbi Imam
  Mr Mrs Ms Dr Sen Gov Rep Gen Lt Col Prof Rev Del`.split(/\s+/),
);

/** Party and political labels before a name: "Libertarian Gary Johnson", "Democrat Hillary Clinton". */
const LABELS = new Set(`Democrat Democratic Republican Libertarian Independent Conservative Liberal Labour Socialist GOP Green Tory`.split(/\s+/));

const CREDIT_AFTER = /\s+(Image|Photo|Photograph|Picture|Video|Credit|Courtesy|File)$/;

const INITIAL = /^\p{Lu}\.?$/u;
const SUFFIX = /^(Jr\.?|Sr\.?|II|III|IV)$/;

/** The words that identify a person: the name without middle initials, suffixes or a leading particle's case. */
function identity(name: string): string[] {
  const words = normalizeName(name).split(" ").filter(Boolean);
  const raw = name.split(/\s+/);
  // Initials anywhere but first ("Donald J. Trump"), and "Jr." at the end, say nothing of who it is.
  return words.filter((_, i) => !(i > 0 && i < words.length - 1 && INITIAL.test(raw[i] ?? "")) && !SUFFIX.test(raw[i] ?? ""));
}

/** "Indiana Gov. Mike Pence" -> name "Mike Pence", title "Indiana Gov."; null when the name holds no title. */
export function splitInnerTitle(name: string): { name: string; title: string } | null {
  const words = name.split(/\s+/);
  let cut = -1;
  for (let i = 0; i < words.length - 1; i++) if (INNER_TITLES.has(words[i]!)) cut = i;
  if (cut < 0 && words.length >= 3 && LABELS.has(words[0]!) && GIVEN_NAMES.has(words[1]!)) cut = 0;
  if (cut < 0) return null;
  const rest = words.slice(cut + 1);
  // The rest must still read as a name: capitalised, not an initial alone.
  if (!rest.length || !/^\p{Lu}/u.test(rest[0]!) || (rest.length === 1 && INITIAL.test(rest[0]!))) return null;
  return { name: rest.join(" "), title: words.slice(0, cut + 1).join(" ") };
}

/** Does the longer identity contain the shorter as the same person: same first and last word, or the shorter is its end ("bin laden" in "osama bin laden")? */
function sameIdentity(a: string[], b: string[], initialsA: string, initialsB: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  // "George H. W. Bush" and "George W. Bush" are two persons.
  if (initialsA && initialsB && initialsA !== initialsB) return false;
  if (a[0] === b[0] && a[a.length - 1] === b[b.length - 1]) return true;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length === short.length) return false;
  // The shorter is the longer's last words, and the first of them is a particle or an initial there ("G. Roberts").
  const at = long.length - short.length;
  return short.every((w, k) => long[at + k] === w) && (short[0]!.length <= 3 || /^(bin|van|von|de|del|la|le|al|da|di|du)$/.test(short[0]!));
}

/** "John G. Fairweather" ends with "G. Fairweather": the shorter form, initial and all, is the longer's end. */
function endsWith(l: string[], s: string[]): boolean {
  return s.length <= l.length && s.every((w, k) => l[l.length - s.length + k] === w) && (s.length === l.length || s[0]!.length === 1);
}

const middleInitials = (name: string) => name.split(/\s+/).slice(1, -1).filter((w) => INITIAL.test(w)).join("");

const HONORIFICS = /^(Mr|Mrs|Ms|Miss|Mx)\.?$/;

/** The person goes by `name` now; the old name is no alias (it held words that are no name). */
function rename(p: ExtractedPerson, name: string): void {
  p.aliases = [...new Set([name, ...p.aliases.filter((a) => a !== p.name)])];
  p.name = name;
}

function absorb(into: ExtractedPerson, from: ExtractedPerson): void {
  for (const a of [from.name, ...from.aliases]) if (!into.aliases.includes(a)) into.aliases.push(a);
  for (const r of from.roles) if (!into.roles.includes(r)) into.roles.push(r);
  for (const m of from.mentions) if (!into.mentions.some((x) => x.start === m.start && x.end === m.end)) into.mentions.push(m);
  into.mentions.sort((x, y) => x.start - y.start);
}

/** The better canonical name of two: more words that identify, then no middle initials, then the earlier. */
function preferredName(a: string, b: string, of: (name: string) => { id: string[] }): string {
  const ia = of(a).id.length;
  const ib = of(b).id.length;
  if (ia !== ib) return ia > ib ? a : b;
  const initials = (n: string) => n.split(/\s+/).filter((w) => INITIAL.test(w)).length;
  return initials(b) < initials(a) ? b : a;
}

/**
 * The article's persons with each identity once: titles inside names moved to roles, full
 * names with and without middle initials joined, and a single word joined to the one full
 * name it is the surname or given name of.
 */
export function mergePersonForms(persons: ExtractedPerson[]): ExtractedPerson[] {
  for (const p of persons) {
    // "Ahmed Mohamed Image": a caption's credit word run into the name before it.
    const credit = CREDIT_AFTER.exec(p.name);
    if (credit && credit.index > 0 && p.name.slice(0, credit.index).includes(" ")) rename(p, p.name.slice(0, credit.index));
    // "Continued Piotr Nowak:": a speech verb opening the sentence, run into the name after it.
    const verb = /^(\p{Lu}\p{Ll}+(?:ed|s))\s+(?=\p{Lu})/u.exec(p.name);
    if (verb && SPEECH_VERBS.has(verb[1]!.toLowerCase())) rename(p, p.name.slice(verb[0].length));
    const split = splitInnerTitle(p.name);
    if (!split) continue;
    if (!p.aliases.includes(split.name)) p.aliases.push(split.name);
    p.aliases = p.aliases.filter((a) => a !== p.name);
    if (!HONORIFICS.test(split.title) && !p.roles.includes(split.title)) p.roles.unshift(split.title);
    // The mentions keep their spans: the title is in the text, the name is what the person goes by.
    p.name = split.name;
  }
  // What the comparisons need of a name, worked out once per name: normalising is the costly part.
  const facts = new Map<string, { id: string[]; words: string[]; initials: string }>();
  const of = (name: string) => {
    let f = facts.get(name);
    if (!f) facts.set(name, (f = { id: identity(name), words: normalizeName(name).split(" "), initials: middleInitials(name) }));
    return f;
  };
  const merged: ExtractedPerson[] = [];
  // Full names first, the most words first, so that a shorter form finds its owner.
  const order = [...persons].sort((a, b) => of(b.name).id.length - of(a.name).id.length);
  for (const p of order) {
    const f = of(p.name);
    if (f.id.length >= 2) {
      const owner = merged.find((q) => {
        const g = of(q.name);
        return sameIdentity(g.id, f.id, g.initials, f.initials) || endsWith(g.words, f.words);
      });
      if (owner) {
        owner.name = preferredName(owner.name, p.name, of);
        absorb(owner, p);
        continue;
      }
      merged.push(p);
      continue;
    }
    // One word: the surname, else the given name, of exactly one full name.
    const word = f.id[0] ?? f.words[0]!;
    const full = merged.filter((q) => of(q.name).id.length >= 2);
    const bySurname = full.filter((q) => of(q.name).id.at(-1) === word);
    const owners = bySurname.length ? bySurname : full.filter((q) => of(q.name).id[0] === word);
    const same = merged.find((q) => of(q.name).id.length <= 1 && (of(q.name).id[0] ?? of(q.name).words[0]) === word);
    if (owners.length === 1) absorb(owners[0]!, p);
    else if (same) absorb(same, p);
    else merged.push(p);
  }
  // The order the persons came in: their first mention.
  return persons.filter((p) => merged.includes(p));
}
