// Persons and organisations against PolNeAR's silver entities (CoreNLP's PERSON and
// ORGANIZATION spans), per article, one-to-one.
//
// Silver persons: an article's PERSON surface forms, without a leading honorific ("Mr.
// Trump" is Trump: CoreNLP puts the honorific inside some spans and not others), grouped
// into one person each. A form
// of two or more words joins a group that has a form with the same first and last word
// ("Donald J. Trump" and "Donald Trump"); a one-word form joins the one group that has it
// as a word ("Trump"), stands alone when no group has it, and is left out when several do
// ("Clinton" beside "Hillary Clinton" and "Bill Clinton": no one can say whom it names).
//
// A predicted person matches a silver person when one of its forms (name or an alias,
// normalised) is one of the group's forms. Each predicted person matches one silver
// person at most and the other way round (the largest such matching).
//
// Silver organisations: an article's ORGANIZATION forms grouped the way names of one
// organisation go together, whoever found them (src/ingest/organization-groups.ts): the same
// words in another order ("Department of Justice", "Justice Department"), an acronym and its
// expansion ("EU", "European Union"), a first word alone for the one full name it starts that
// ends in an organisation's word ("Hofstra", "Hofstra University"). A predicted organisation
// matches a group when one of its forms is one of the group's.
import { groupIndices, withoutArticle } from "../../src/ingest/organization-groups.js";
import { formsOf, nameKey, nameTokens } from "./names.js";
import { matchScore, type Score } from "./score.js";

export interface SilverEntity { type: string; start: number; end: number; text: string }

/** "mr trump" -> "trump": CoreNLP keeps an honorific in some spans; it names no other person. */
const withoutHonorific = (form: string) => form.replace(/^(?:mr|mrs|ms|miss|dr) (?=\S)/, "");

export function silverPersons(entities: SilverEntity[]): Set<string>[] {
  const forms = [...new Set(entities.filter((e) => e.type === "PERSON").map((e) => withoutHonorific(nameKey(e.text))).filter(Boolean))];
  const groups: Set<string>[] = [];
  const multi = forms.filter((f) => f.includes(" ")).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const form of multi) {
    const t = form.split(" ");
    const group = groups.find((g) => [...g].some((h) => {
      const u = h.split(" ");
      return u.length > 1 && u[0] === t[0] && u[u.length - 1] === t[t.length - 1];
    }));
    if (group) group.add(form);
    else groups.push(new Set([form]));
  }
  for (const form of forms.filter((f) => !f.includes(" "))) {
    const owners = groups.filter((g) => [...g].some((h) => h.includes(" ") && h.split(" ").includes(form)));
    if (owners.length === 1) owners[0]!.add(form);
    else if (owners.length === 0) groups.push(new Set([form]));
  }
  return groups;
}

export function silverOrganizations(entities: SilverEntity[]): Set<string>[] {
  const written = [...new Set(entities.filter((e) => e.type === "ORGANIZATION").map((e) => withoutArticle(e.text.trim())).filter((f) => nameKey(f)))];
  return groupIndices(written).map((members) => new Set(members.map((i) => nameKey(written[i]!))));
}

/** Predicted entities against gold groups of forms, one-to-one. */
export function scoreByForms(predicted: { name: string; aliases: string[] }[], gold: Set<string>[]): Score {
  const forms = predicted.map(formsOf);
  return matchScore(forms.length, gold.length, (i, j) => [...forms[i]!].some((f) => gold[j]!.has(f)));
}

export { nameTokens };
