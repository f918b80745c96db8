// The attribution rules of the quote extractor, one made-up sentence each: who said it,
// and what is no quote at all. (Their effect on real news is measured by `npm run eval`.)
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { readInput } from "../src/ingest/read.js";

/** The quotes of a one-paragraph-per-line article body, as [text start, speaker text, speaker person]. */
function quotesOf(...paragraphs: string[]) {
  const [doc] = readInput("t.txt", ["Talks Resume in Geneva", "", ...paragraphs.flatMap((p) => [p, ""])].join("\n"), { format: "text" });
  return extract(doc!).quotes.map((q) => [q.text.split(" ").slice(0, 3).join(" "), q.speaker, q.speakerPerson]);
}

describe("quote attribution", () => {
  it("finds a speaker earlier in the quote's sentence", () => {
    expect(quotesOf("Anna Novak told delegates at the summit to “stop waiting for a perfect deal” before the vote."))
      .toEqual([["stop waiting for", "Anna Novak", "Anna Novak"]]);
    expect(quotesOf("The senator said he would “introduce a bill to fix the rules” next year."))
      .toEqual([["introduce a bill", "The senator", null]]);
    expect(quotesOf("Pavel Petrov criticised the plan, saying, “It will cost far too much for far too little.”"))
      .toEqual([["It will cost", "Pavel Petrov", "Pavel Petrov"]]);
  });

  it("finds a speaker after more words, after a role, after an apposition, and after a dash", () => {
    expect(quotesOf("A cashier who “steals a handful of coins” is punished at once, Maria Costa said."))
      .toEqual([["steals a handful", "Maria Costa", "Maria Costa"]]);
    expect(quotesOf("“We will reach a deal by Friday,” port authority spokesman Jonas Berg said on Monday."))
      .toEqual([["We will reach", "Jonas Berg", "Jonas Berg"]]);
    expect(quotesOf("“We will win this case,” Irina Sato, the attorney general of the region, said on Monday."))
      .toEqual([["We will win", "Irina Sato", "Irina Sato"]]);
    expect(quotesOf("Readers wrote in after the vote.", "“Maybe we can build a bridge instead.” ― Lukas Brandt.", "Other readers disagreed."))
      .toEqual([["Maybe we can", "Lukas Brandt", null]]);
  });

  it("keeps the text of a speaker that is no person", () => {
    expect(quotesOf("The letter says that “the schools have failed our children for years.”"))
      .toEqual([["the schools have", "The letter", null]]);
  });

  it("resolves he and she to a person of the matching given name", () => {
    const [quote] = quotesOf("Hillary Clinton met Donald Trump in Geneva. “We talked for an hour about the treaty,” she said.");
    expect(quote).toEqual(["We talked for", "she", "Hillary Clinton"]);
  });

  it("takes a short title after a possessive or 'of' for no quote", () => {
    expect(quotesOf("Anna Novak told MSNBC’s “Morning Joe” that talks would resume.")).toEqual([]);
    expect(quotesOf("On this weekend’s broadcast of “Fox News Sunday,” the minister spoke about trade.")).toEqual([]);
  });
});

describe("more speakers", () => {
  it("takes a verb before the speaker, and family and friends for speakers", () => {
    expect(quotesOf("Said Maria Costa: “I do not see any interest in tax reform.”")).toEqual([["I do not", "Maria Costa", "Maria Costa"]]);
    expect(quotesOf("“We live in hard times,” my father often said.")).toEqual([["We live in", "my father", null]]);
    expect(quotesOf("During the debate a friend commented: “Immigration is the reason to vote.”")).toEqual([["Immigration is the", "a friend", null]]);
    expect(quotesOf("“My reaction was anger,” Novak's former campaign strategist said in an interview."))
      .toEqual([["My reaction was", "Novak's former campaign strategist", null]]);
    expect(quotesOf("“We see hope in every city,” the letter reads.")).toEqual([["We see hope", "the letter", null]]);
    expect(quotesOf("“The city will change,” said the Rev. Peter Wherry, of Mayfield Church."))
      .toEqual([["The city will", "Rev. Peter Wherry", "Peter Wherry"]]);
  });
});

describe("roles, documents and openers", () => {
  it("takes roles in the plural, documents, role words before a name, and a longer opener before the subject", () => {
    expect(quotesOf("The two former presidents introduced the “war on waste” at a summit.")).toEqual([["war on waste", "The two former presidents", null]]);
    expect(quotesOf("The court's ruling dismissed those reports as “previous misinterpreted statements”."))
      .toEqual([["previous misinterpreted statements", "The court", null]]);
    expect(quotesOf("Novak “is the only candidate with the experience to lead,” retired Air Force general Lloyd Newton said."))
      .toEqual([["is the only", "Lloyd Newton", "Lloyd Newton"]]);
    expect(quotesOf("With the party increasingly worried about turnout, Maria Costa is rolling out a new message: “It is about you.”"))
      .toEqual([["It is about", "Maria Costa", "Maria Costa"]]);
    // A possessive is no speaker: "Costa's remarks" are about her words.
    expect(quotesOf("Later, Maria Costa's remarks drew “a wake-up call for the party” from her rivals.")).toEqual([["a wake-up call", null, null]]);
  });
});

describe("labels and appositions", () => {
  it("reads past a party label and initials in an apposition", () => {
    expect(quotesOf("“They would just go get them,” Rep. Tom Haddad (R-Ohio), an oversight panel member, said."))
      .toEqual([["They would just", "Rep. Tom Haddad", "Tom Haddad"]]);
    expect(quotesOf("House Speaker Paul Ryan, R-Wis., despite his doubts about “trial lawyers trying to get rich”, backed the bill."))
      .toEqual([["trial lawyers trying", "House Speaker Paul Ryan", "Paul Ryan"]]);
    expect(quotesOf("Another critic, Laurence H. Tribe, likened the rules to “burning the Constitution” on television."))
      .toEqual([["burning the Constitution", "Another critic", null]]);
    expect(quotesOf("Scott's family has called on police to release the videos “as a matter of transparency” now."))
      .toEqual([["as a matter", "Scott's family", null]]);
  });
});

describe("speaker names", () => {
  it("end at a sentence's end and leave out a sentence opener", () => {
    expect(quotesOf("“We will not sign,” said Pavel Petrov. Another official disagreed."))
      .toEqual([["We will not", "Pavel Petrov", "Pavel Petrov"]]);
    expect(quotesOf("Even Norway said it was “resolutely opposed” to the test."))
      .toEqual([["resolutely opposed", "Norway", null]]);
  });
});

describe("the sentence subject as the last resort", () => {
  it("credits a partial quote in a sentence with no speech verb to the sentence's subject", () => {
    expect(quotesOf("In recent weeks, Harry Reid has gone after the plan as “a gift to the rich and nobody else”."))
      .toEqual([["a gift to", "Harry Reid", "Harry Reid"]]);
    // "U.S." ends no sentence; "He’s" is a pronoun and its verb; a party label in brackets is part of the name.
    expect(quotesOf("Anna Novak is once again questioning the U.S. voting system as “rigged from the start”."))
      .toEqual([["rigged from the", "Anna Novak", "Anna Novak"]]);
    expect(quotesOf("Pavel Petrov, the mayor, spoke first. He’s claiming that the budget is “a disaster for the regions”."))
      .toEqual([["a disaster for", "He", "Pavel Petrov"]]);
    expect(quotesOf("Senator Maria Costa (D-Ore.), in particular, has been pounding the plan as “a gift to the rich”."))
      .toEqual([["a gift to", "Senator Maria Costa", "Maria Costa"]]);
    // One word is a quote when the sentence's subject is credited with it; alone it is a scare quote.
    expect(quotesOf("Anna Novak has long seen the deal as “unfair” in interviews.")).toEqual([["unfair", "Anna Novak", "Anna Novak"]]);
    expect(quotesOf("The deal was seen as “unfair” by many.")).toEqual([]);
    // A sentence opener is no subject.
    expect(quotesOf("After months of talks the deal collapsed amid “a great deal of anger” on all sides."))
      .toEqual([["a great deal", null, null]]);
  });
});

describe("the sentence before the quote", () => {
  it("credits a quote opening a sentence to the speaker of the sentence before", () => {
    expect(quotesOf("The ministry may wait until after the vote, Anna Novak said. “The other factor is the timing of the talks.”"))
      .toEqual([["The other factor", "Anna Novak", "Anna Novak"]]);
    expect(quotesOf("Jonas Berg warned that the port could close. “We have two weeks of fuel left.”"))
      .toEqual([["We have two", "Jonas Berg", "Jonas Berg"]]);
  });

  it("credits a quote paragraph to the speaker introduced by the colon before it", () => {
    expect(quotesOf("The harbour had a quiet week.", "The Guardian reports:", "“Only four ships docked, the fewest since the war.”"))
      .toEqual([["Only four ships", "The Guardian", null]]);
  });

  it("leaves a quote opening a sentence after a sentence that reports no speech", () => {
    expect(quotesOf("Jonas Berg walked to the pier at dawn. “Only four ships docked, the fewest since the war.”"))
      .toEqual([["Only four ships", null, null]]);
  });
});

describe("claims and party labels", () => {
  it("credits a quote stating a claim to whoever made it, not a judgment of the claim", () => {
    expect(quotesOf("Jonas Berg said the port was full.", "The paper checked Jonas Berg’s claim that there were “hundreds of empty berths” in the port."))
      .toEqual([["hundreds of empty", "Jonas Berg", "Jonas Berg"]]);
    expect(quotesOf("Jonas Berg said the port was full.", "The paper found that Jonas Berg’s statement was “mostly true” in the end."))
      .toEqual([["mostly true", null, null]]);
  });

  it("finds a speaker with a party label before the verb, in a sentence opened by a title", () => {
    expect(quotesOf("On the broadcast of “Face the Nation,” Sen. Anna Novak (R-Ohio) said the bill was only “a first step” for the port."))
      .toEqual([["a first step", "Sen. Anna Novak", "Anna Novak"]]);
  });

  it("ends a sentence at a closing parenthesis, and takes an institution before a title for part of the title", () => {
    expect(quotesOf("The vote went to the leaders (as it does). Senate Leader Anna Novak (D-Nev.), in particular, has been calling the plan a “slow disaster” for weeks."))
      .toEqual([["slow disaster", "Senate Leader Anna Novak", "Anna Novak"]]);
  });
});

describe("where an attribution after the quote belongs", () => {
  it("reads no attribution after a quote that ends its sentence inside it", () => {
    expect(quotesOf(`Norway called the test an "outlaw act in the region." Jonas Berg said the talks would go on.`))
      .toEqual([["outlaw act in", "Norway", null]]);
  });

  it("reads no attribution in a clause after the quote", () => {
    expect(quotesOf("The ad shows Jonas Berg saying, “That makes me smart,” when Anna Novak said he paid nothing.").map((q) => q[1]))
      .not.toContain("Anna Novak");
  });

  it("takes role words between the verb and the name", () => {
    expect(quotesOf("“The rules do not hold. They are wrong,” said 9/11 widow Terry Strada."))
      .toEqual([["The rules do", "Terry Strada", "Terry Strada"]]);
  });

  it("takes no party's name used as an adjective for a speaker", () => {
    expect(quotesOf("Anna Novak rated half of Republican claims as “false” last year."))
      .toEqual([["false", "Anna Novak", "Anna Novak"]]);
  });
});

describe("context across sentences and paragraphs", () => {
  it("takes 'it added' after a quote for a document or outlet, no person", () => {
    expect(quotesOf("“The plan is sound,” the report said. “It will be slow,” it added."))
      .toEqual([["The plan is", "the report", null], ["It will be", "it", null]]);
  });

  it("reads a sentence on past a dot before a lowercase word, as in a party label", () => {
    expect(quotesOf("In an interview on “Face the Nation,” Rep. Anna Novak (R-Wis.) said the voters wanted “more listening” this year."))
      .toEqual([["more listening", "Rep. Anna Novak", "Anna Novak"]]);
  });

  it("keeps the words that named the speaker for a quote paragraph continuing their quotes", () => {
    expect(quotesOf("Jonas Berg said the port was full.", "“Ships wait for days,” he said at the pier on Monday.", "“The rest of the trade is politics, and nobody in the town can change that.”"))
      .toEqual([["Ships wait for", "he", "Jonas Berg"], ["The rest of", "he", "Jonas Berg"]]);
  });

  it("continues only the last quote kept in the paragraph, not a title in marks", () => {
    expect(quotesOf("“Ships wait for days,” Jonas Berg said.", "On “Face the Nation,” the talks turned to “more listening” in the port."))
      .toEqual([["Ships wait for", "Jonas Berg", "Jonas Berg"], ["more listening", null, null]]);
  });

  it("finds the sentence's subject after an opening phrase with a title in marks", () => {
    expect(quotesOf("On “Face the Nation,” Anna Novak backed the “slow approach” for the port."))
      .toEqual([["slow approach", "Anna Novak", "Anna Novak"]]);
  });

  it("takes a long description ending in a role for the speaker", () => {
    expect(quotesOf("Anna Novak said the port was full.", "On Monday, the former minister of state and current presidential nominee said she wanted “a clean vote” soon."))
      .toEqual([["a clean vote", "the former minister of state and current presidential nominee", "Anna Novak"]]);
  });
});

describe("more ways of naming a source", () => {
  it("takes 'as X put it' before or after the quote", () => {
    expect(quotesOf("Ships wait for days, as The Guardian put it in a long report, “the harbour is full.”"))
      .toEqual([["the harbour is", "The Guardian", null]]);
    expect(quotesOf("“The harbour is full,” as a port memo put it."))
      .toEqual([["The harbour is", "a port memo", null]]);
  });

  it("takes 'according to' with role words before the name, before or after the quote", () => {
    expect(quotesOf("According to conservative radio host Rush Limbaugh, the move reeks of “fear” and panic."))
      .toEqual([["fear", "Rush Limbaugh", "Rush Limbaugh"]]);
    expect(quotesOf("The mayor heard “shame on you” at the conference, according to union president Doris Crouse-Mays."))
      .toEqual([["shame on you", "union president Doris Crouse-Mays", "Doris Crouse-Mays"]]);
  });

  it("keeps words someone called something as a quote ('what he called')", () => {
    expect(quotesOf("Anna Novak said the port was full.", "She condemned what she called a “brazen breach” of the rules."))
      .toEqual([["brazen breach", "she", "Anna Novak"]]);
  });

  it("finds the subject after an opening phrase ending in 'ago'", () => {
    expect(quotesOf("Twenty-two years ago, a Times article hailed Anna Novak as “the comeback mayor” of the town."))
      .toEqual([["the comeback mayor", "a Times article", null]]);
  });

  it("opens a quote at a closing mark that starts a paragraph", () => {
    expect(quotesOf("Readers wrote in.", "”Fear. I am truly afraid that the port will close this winter.” ― Steve Quinlan."))
      .toEqual([["Fear. I am", "Steve Quinlan", "Steve Quinlan"]]);
  });
});

describe("groups and bodies as speakers", () => {
  it("takes a share of those polled for the speaker, and no person", () => {
    expect(quotesOf("Only 52 percent of registered voters agreed that the mayor was in “good enough health to serve” this year.", "However, 63 percent said the mayor was “justified” in keeping it private."))
      .toEqual([["good enough health", "Only 52 percent of registered voters", null], ["justified", "63 percent", null]]);
    expect(quotesOf("Jonas Berg said the port was full.", "The voters said the plan was “a disaster for the port.”"))
      .toEqual([["a disaster for", "The voters", null]]);
  });

  it("takes 'it' after an opening adverb for the subject of a participle", () => {
    expect(quotesOf("Meanwhile, it attacked Anna Novak, saying she “has offended every fisherman in the port with her plans.”"))
      .toEqual([["has offended every", "it", null]]);
  });
});

describe("pronouns and epithets", () => {
  it("resolves a pronoun to the subject of its own sentence", () => {
    expect(quotesOf("Hillary Clinton met Alicia Machado, a singer, in Geneva on Monday to talk about the campaign.", "Clinton says she admired Machado’s courage in what she calls a “war of unpleasant words.”"))
      .toEqual([["war of unpleasant", "she", "Hillary Clinton"]]);
  });

  it("takes a capitalized word before a known full name for an epithet, not part of the name", () => {
    const [doc] = readInput("t.txt", ["Talks Resume in Geneva", "", "Donald Trump spoke first at the rally in Geneva on Monday, to a crowd of some two thousand people.", "", "Then Crooked Hillary Clinton answered, and Hillary Clinton said she would win."].join("\n"), { format: "text" });
    const persons = extract(doc!).persons;
    expect(persons.map((p) => p.name).sort()).toEqual(["Donald Trump", "Hillary Clinton"]);
    expect(persons.find((p) => p.name === "Hillary Clinton")!.mentions).toHaveLength(2);
  });
});

describe("quotation spans", () => {
  it("closes a quote opened with a curly mark at a straight one, and the other way round", () => {
    expect(quotesOf(`The mayor, Anna Novak, said there was “no evidence" yet of a plot. "We will know more tomorrow,” Novak said.`))
      .toEqual([["no evidence", "The mayor", "Anna Novak"], ["We will know", "Novak", "Anna Novak"]]);
  });

  it("gives each paragraph of a multi-paragraph quote its own quote, all with the quote's speaker", () => {
    const quotes = quotesOf("“The port will close at noon on Friday for the inspection.", "“It will reopen on Monday morning,” Jonas Berg said.");
    expect(quotes).toEqual([["The port will", "Jonas Berg", "Jonas Berg"], ["It will reopen", "Jonas Berg", "Jonas Berg"]]);
  });

  it("takes a transcript line in marks for no quote, and finds the quotes inside it", () => {
    expect(quotesOf(`"WALLACE: Governor, your rival says you will “cut every program we have” next year.`, `"PENCE: Well, look, we call it “a plan for growth” and it is one.`).map((q) => q[0]))
      .toEqual(["cut every program", "a plan for"]);
  });
});

describe("persons", () => {
  /** The persons of a one-paragraph-per-line article body. */
  function personsOf(...paragraphs: string[]) {
    const [doc] = readInput("t.txt", ["Talks Resume in Geneva", "", ...paragraphs.flatMap((p) => [p, ""])].join("\n"), { format: "text" });
    return extract(doc!).persons.map((p) => p.name);
  }

  it("takes a lone word with a verb in the plural for a group, not a person", () => {
    expect(personsOf("Exporters say the delays have cost them orders.", "Critics warn the plan will fail.", "Novak said the plan would work."))
      .toEqual(["Novak"]);
  });
});

describe("more ways to say who spoke", () => {
  const cases: [string, [string, string | null, string | null][]][] = [
    ["“This is fantastic!” beamed Maria Lopez of Malmo, who came early.", [["This is fantastic!", "Maria Lopez", "Maria Lopez"]]],
    ["“Go back to your seat,” Wanda Okafor barked at the heckler.", [["Go back to", "Wanda Okafor", "Wanda Okafor"]]],
    ["“She keeps her friends for life,” Piotr Nowak has said of his sister.", [["She keeps her", "Piotr Nowak", "Piotr Nowak"]]],
    ["Continued Maria Lopez, the union's leader: “We will not sign this.”", [["We will not", "Maria Lopez", "Maria Lopez"]]],
    ["Explained Ruth Adeyemi: “The bridge was never safe.”", [["The bridge was", "Ruth Adeyemi", "Ruth Adeyemi"]]],
  ];
  it.each(cases)("%s", (sentence, expected) => expect(quotesOf(sentence)).toEqual(expected));
});
