// One Person per identity in an article (src/ingest/person-merge.ts), on invented sentences:
// a title inside a name goes to the roles, and every partial form of one person (given
// name, surname, full name, with a middle initial, with "Mr.") is that one person.
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { mergePersonForms, splitInnerTitle } from "../src/ingest/person-merge.js";
import { readInput } from "../src/ingest/read.js";
import type { ExtractedPerson } from "../src/ingest/types.js";

const personsOf = (text: string) => extract(readInput("invented", text, { format: "text" })[0]!).persons;

describe("titles inside names", () => {
  const cases: [string, { name: string; title: string } | null][] = [
    ["Indiana Gov. Ana Ruiz", { name: "Ana Ruiz", title: "Indiana Gov." }],
    ["Retired Lt. Gen. Tomas Berg", { name: "Tomas Berg", title: "Retired Lt. Gen." }],
    ["Libertarian Gary Holm", { name: "Gary Holm", title: "Libertarian" }],
    ["Mr. Kowalczyk", { name: "Kowalczyk", title: "Mr." }],
    ["Administrator Bolderby", { name: "Bolderby", title: "Administrator" }],
    ["Ana Maria Ruiz", null],
    ["Martin Luther Kingsley", null],
    ["Sen. J.", null],
  ];
  it.each(cases)("%s", (name, expected) => expect(splitInnerTitle(name)).toEqual(expected));
});

describe("the forms of one person in an article are one Person", () => {
  const person = (name: string, start: number): ExtractedPerson => ({ name, aliases: [name], roles: [], mentions: [{ start, end: start + name.length, section: "body" }] });
  const cases: [string[], string[][]][] = [
    [["Loretta E. Vance", "Loretta Vance", "Vance"], [["Loretta Vance", "Loretta E. Vance", "Vance"]]],
    [["Osmo bin Rahal", "Bin Rahal"], [["Osmo bin Rahal", "Bin Rahal"]]],
    [["John G. Fairweather", "G. Fairweather"], [["John G. Fairweather", "G. Fairweather"]]],
    [["Mr. Kowalczyk", "Adam Kowalczyk"], [["Adam Kowalczyk", "Kowalczyk"]]],
    [["Priya Natarajan", "Priya"], [["Priya Natarajan", "Priya"]]],
    // A caption's credit word run into the name.
    [["Tariq Hamdan Image", "Tariq Hamdan"], [["Tariq Hamdan"]]],
    [["Administrator Bolderby", "Charles Bolderby"], [["Charles Bolderby", "Bolderby"]]],
    // Two persons share the surname: the surname alone names neither.
    [["Bill Harlow", "Hilda Harlow", "Harlow"], [["Bill Harlow"], ["Hilda Harlow"], ["Harlow"]]],
    // Different middle initials: two persons.
    [["George H. W. Brandt", "George W. Brandt"], [["George H. W. Brandt"], ["George W. Brandt"]]],
  ];
  it.each(cases)("%j", (names, expected) => {
    const merged = mergePersonForms(names.map((n, k) => person(n, k * 100)));
    expect(merged.map((p) => [p.name, ...p.aliases.filter((a) => a !== p.name)].sort((a, b) => (a === p.name ? -1 : b === p.name ? 1 : a < b ? -1 : 1)))).toEqual(
      expected.map((forms) => [forms[0]!, ...forms.slice(1).sort()]),
    );
  });

  it("keeps every mention and role of the forms it joins", () => {
    const text = [
      "Council weighs transit plan",
      "Indiana Gov. Ana Ruiz said on Monday that the plan would go ahead.",
      "Ruiz, a former engineer, told reporters she expected a vote soon. Gov. Ruiz said: \"We are ready.\"",
      "Ana Ruiz met Tomasz Wierzbicki later. Wierzbicki said little.",
    ].join("\n\n");
    const persons = personsOf(text);
    expect(persons.map((p) => p.name).sort()).toEqual(["Ana Ruiz", "Tomasz Wierzbicki"]);
    const ruiz = persons.find((p) => p.name === "Ana Ruiz")!;
    expect(ruiz.roles).toContain("Indiana Gov.");
    expect(ruiz.mentions.length).toBeGreaterThanOrEqual(4);
    expect(ruiz.aliases).not.toContain("Indiana Gov. Ana Ruiz");
  });
});
