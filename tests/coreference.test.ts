// Coreference on invented sentences: each row marks one word or phrase with [brackets] and
// says whom it refers to (or no one). Persons are given as the extractor would give them:
// every occurrence of their name forms is a mention.
import { describe, expect, it } from "vitest";
import { buildCoreference } from "../src/ingest/coreference/index.js";
import { decideGender, firstNameGender } from "../src/ingest/coreference/gender.js";
import type { ExtractedPerson } from "../src/ingest/types.js";

interface PersonSpec { name: string; forms?: string[]; roles?: string[] }

/** The text without its brackets, the bracketed span, and the persons with their mentions. */
function setUp(marked: string, specs: PersonSpec[]) {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  const text = marked.replace("[", "").replace("]", "");
  const persons: ExtractedPerson[] = specs.map((spec) => {
    const forms = [spec.name, ...(spec.forms ?? [])].sort((a, b) => b.length - a.length);
    const mentions: ExtractedPerson["mentions"] = [];
    for (const form of forms) {
      for (const m of text.matchAll(new RegExp(`\\b${form}\\b`, "g"))) {
        if (!mentions.some((x) => x.start <= m.index! && m.index! < x.end)) mentions.push({ start: m.index!, end: m.index! + form.length, section: "body" });
      }
    }
    return { name: spec.name, aliases: forms, roles: spec.roles ?? [], mentions: mentions.sort((a, b) => a.start - b.start) };
  });
  return { text, span: { start, end }, persons };
}

function resolvedAt(marked: string, specs: PersonSpec[]): string | null {
  const { text, span, persons } = setUp(marked, specs);
  const coref = buildCoreference(text, persons);
  return coref.mentions.find((m) => m.start === span.start)?.person.name ?? null;
}

const ANA = { name: "Ana Ruiz", forms: ["Ruiz"] };
const TOM = { name: "Tom Hale", forms: ["Hale"] };
const PIOTR = { name: "Piotr Nowak", forms: ["Nowak"] };

describe("pronouns", () => {
  it.each([
    ["gender: she is the woman", "Ana Ruiz met Tom Hale on Monday. [She] said the talks went well.", [ANA, TOM], "Ana Ruiz"],
    ["gender: he is the man", "Ana Ruiz met Tom Hale on Monday. [He] said the talks went well.", [ANA, TOM], "Tom Hale"],
    ["recency: the person of the sentence before", "Tom Hale spoke first. Later Piotr Nowak took questions. [He] said the plan was sound.", [TOM, PIOTR], "Piotr Nowak"],
    ["salience: the subject over the object", "Tom Hale thanked Piotr Nowak for the report. [He] said it was thorough.", [TOM, PIOTR], "Tom Hale"],
    ["clause: an object pronoun is not its clause's subject", "Piotr Nowak wrote the report. Tom Hale praised [him] warmly.", [PIOTR, TOM], "Piotr Nowak"],
    ["clause: a reflexive is its clause's nearest person", "Piotr Nowak said that Tom Hale blamed [himself] for the delay.", [PIOTR, TOM], "Tom Hale"],
    ["title: Mrs. gives the gender", "Mrs. Ostrova and Mr. Vaal arrived late. [She] apologised.", [{ name: "Ostrova" }, { name: "Vaal" }], "Ostrova"],
    ["possessive after a surname alone", "Ana Ruiz spoke to Tom Hale. Later Ruiz thanked [her] staff.", [ANA, TOM], "Ana Ruiz"],
    ["a title says he: she is not him", "Mr. Hale left early. [She] stayed on.", [{ name: "Hale" }], null],
    ["they is left alone", "Ana Ruiz and Tom Hale arrived. [They] sat down.", [ANA, TOM], null],
  ])("%s", (_, marked, specs, expected) => {
    expect(resolvedAt(marked as string, specs as PersonSpec[])).toBe(expected);
  });
});

describe("descriptions and lone names", () => {
  it.each([
    ["a role the person holds", "Union leader Piotr Nowak met Ana Ruiz. [The union leader] said talks would resume.", [{ ...PIOTR, roles: ["union leader"] }, { ...ANA, roles: ["mayor"] }], "Piotr Nowak"],
    ["the role that fits best, of two", "Piotr Nowak and Ana Ruiz spoke. [The mayor] left first.", [{ ...PIOTR, roles: ["union leader"] }, { ...ANA, roles: ["mayor"] }], "Ana Ruiz"],
    ["an age", "Kestrin Vaal, 39, was arrested on Friday. [The 39-year-old] denied the charges.", [{ name: "Kestrin Vaal" }], "Kestrin Vaal"],
    ["a gendered noun", "Tom Hale and Ana Ruiz were on the ferry. [The woman] called for help.", [TOM, ANA], "Ana Ruiz"],
    ["a role no one holds: no guess", "Tom Hale arrived. [The mayor] was late.", [TOM], null],
    ["a surname two persons share: the one in view", "Tim Scott spoke in March. On Friday Bobby Scott spoke. [Scott] said he would run.", [{ name: "Tim Scott" }, { name: "Bobby Scott" }], "Bobby Scott"],
  ])("%s", (_, marked, specs, expected) => {
    expect(resolvedAt(marked as string, specs as PersonSpec[])).toBe(expected);
  });
});

describe("gender evidence", () => {
  it("reads first names from the lexicon package", () => {
    expect(firstNameGender("Maria")).toBe("FEMALE");
    expect(firstNameGender("Piotr")).toBe("MALE");
    expect(firstNameGender("Xqzvt")).toBe("UNKNOWN");
    expect(firstNameGender("J.")).toBe("UNKNOWN");
  });

  it.each([
    ["pronouns first", [3, 0, null, "MALE"], { gender: "FEMALE", evidence: "PRONOUNS" }],
    ["pronouns two to one", [1, 2, null, "UNKNOWN"], { gender: "MALE", evidence: "PRONOUNS" }],
    ["pronouns split evenly: the title", [1, 1, "FEMALE", "MALE"], { gender: "FEMALE", evidence: "TITLE" }],
    ["no pronouns: the first name", [0, 0, null, "MALE"], { gender: "MALE", evidence: "FIRST_NAME" }],
    ["nothing", [0, 0, null, "UNKNOWN"], { gender: "UNKNOWN", evidence: "NONE" }],
  ])("%s", (_, args, expected) => {
    const [f, m, title, name] = args as [number, number, "FEMALE" | null, "MALE" | "UNKNOWN"];
    expect(decideGender(f, m, title, name)).toMatchObject(expected);
  });

  it("lets pronouns outweigh a first name the lexicon reads otherwise", () => {
    const { text, persons } = setUp("Kim Ostrova runs the depot. He said the drivers were paid. His offer stands, he added.", [{ name: "Kim Ostrova", forms: ["Ostrova"] }]);
    expect(firstNameGender("Kim")).toBe("FEMALE");
    expect(buildCoreference(text, persons).genderOf(persons[0]!)).toMatchObject({ gender: "MALE", evidence: "PRONOUNS", malePronouns: 3, firstNameGender: "FEMALE" });
  });

  it("counts no pronoun inside quoted words as evidence", () => {
    const marked = "Ana Ruiz spoke. “She is wrong,” Ruiz said of a rival.";
    const { text, persons } = setUp(marked, [ANA]);
    const quote = { start: text.indexOf("“") + 1, end: text.indexOf("”") };
    expect(buildCoreference(text, persons, { quoteSpans: [quote] }).genderOf(persons[0]!)).toMatchObject({ femalePronouns: 0, evidence: "FIRST_NAME" });
  });
});
