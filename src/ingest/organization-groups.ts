// One organisation per thing an article names: its forms grouped when they are the same
// words ("the Justice Department", "Justice Department"), the same words reordered
// ("Department of Justice"), an acronym and its expansion ("European Union", "EU", "E.U.",
// or one given in brackets after the name), or a short form that is the first word of one
// full name ending in an organisation's word ("Hofstra" for "Hofstra University").
import { isOrganizationWord } from "./organization-kinds.js";
import { normalizeName } from "./normalize.js";
import type { Span } from "./types.js";

export interface FormAt extends Span {
  form: string;
}

export interface FormGroup {
  name: string;
  forms: string[];
  spans: Span[];
}

const CONNECTOR = /^(of|and|for|on|the|in|at|to|&)$/i;

/** "The Justice Department" -> "Justice Department". */
export const withoutArticle = (form: string) => form.replace(/^the\s+/i, "");

/** The letters of an acronym ("EU" for "E.U."), or null when the form is not one. */
export function acronymOf(form: string): string | null {
  const letters = form.replace(/\./g, "");
  return /^\p{Lu}[\p{Lu}&]{1,7}$/u.test(letters) ? letters.replace(/&/g, "") : null;
}

/** The initials of a name's capitalised words ("European Union" -> "EU"), or null for one word. */
export function initialsOf(form: string): string | null {
  const words = withoutArticle(form).split(/\s+/).filter((w) => !CONNECTOR.test(w));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return words.map((w) => w.replace(/\./g, "")).map((w) => (acronymOf(w) ?? w[0]!)).join("").toUpperCase();
}

/** The name's words without connectors, sorted: "Department of Justice" = "Justice Department". */
export const wordBag = (form: string) => normalizeName(withoutArticle(form)).split(" ").filter((w) => w && !CONNECTOR.test(w)).sort().join(" ");

/** Groups of forms (as sets of indices into `forms`) that name one organisation. */
export function groupIndices(forms: string[], sameByBrackets: (i: number, j: number) => boolean = () => false): number[][] {
  const parent = forms.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (i: number, j: number) => void (parent[find(i)] = find(j));
  const bags = forms.map(wordBag);
  const acronyms = forms.map(acronymOf);
  const initials = forms.map(initialsOf);
  const words = forms.map((f) => withoutArticle(f).split(/\s+/));
  for (let i = 0; i < forms.length; i++) {
    for (let j = i + 1; j < forms.length; j++) {
      if (bags[i] && bags[i] === bags[j]) join(i, j);
      else if ((acronyms[i] && acronyms[i] === initials[j]) || (acronyms[j] && acronyms[j] === initials[i])) join(i, j);
      else if (sameByBrackets(i, j)) join(i, j);
    }
  }
  // A one-word form joins the one full name it starts, when that name ends in an organisation's word.
  for (let i = 0; i < forms.length; i++) {
    if (words[i]!.length !== 1 || acronyms[i] || isOrganizationWord(words[i]![0]!)) continue;
    const owners = new Set(forms.map((_, j) => j).filter((j) => words[j]!.length > 1 && words[j]![0] === words[i]![0] && isOrganizationWord(words[j]![words[j]!.length - 1]!)).map(find));
    if (owners.size === 1) join(i, [...owners][0]!);
  }
  const groups = new Map<number, number[]>();
  forms.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

/** The article's organisation names, grouped, each group named by its fullest form. */
export function groupForms(text: string, found: FormAt[]): FormGroup[] {
  const all = [...found];
  // "the World Wildlife Fund (WWF)": the bracketed acronym is the name's, whatever its letters.
  const bracketed = new Map<number, number>();
  for (let k = 0; k < found.length; k++) {
    const m = /^\s*\(\s*(\p{Lu}[\p{Lu}.&]{1,9})\s*\)/u.exec(text.slice(found[k]!.end, found[k]!.end + 14));
    if (!m || !found[k]!.form.includes(" ")) continue;
    const start = found[k]!.end + m.index + m[0].indexOf(m[1]!);
    if (!found.some((f) => f.start === start)) all.push({ start, end: start + m[1]!.length, form: m[1]! });
    bracketed.set(all.findIndex((f) => f.start === start), k);
  }
  const forms = [...new Set(all.map((f) => withoutArticle(f.form)))];
  const formIndex = (f: FormAt) => forms.indexOf(withoutArticle(f.form));
  const bracketPairs = new Set([...bracketed].map(([a, b]) => `${formIndex(all[a]!)}:${formIndex(all[b]!)}`));
  const groups = groupIndices(forms, (i, j) => bracketPairs.has(`${i}:${j}`) || bracketPairs.has(`${j}:${i}`));
  return groups.map((members) => {
    const groupForms = members.map((i) => forms[i]!);
    const spans = all.filter((f) => members.includes(formIndex(f))).map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
    // The fullest form: most words, then the most often written, then the first.
    const count = (f: string) => all.filter((x) => withoutArticle(x.form) === f).length;
    const name = [...groupForms].sort((a, b) => b.split(" ").length - a.split(" ").length || count(b) - count(a))[0]!;
    return { name, forms: groupForms, spans };
  });
}
