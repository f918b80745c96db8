// Word lists the rule-based extractor leans on. Kept small and explicit so that a miss
// is easy to trace and fix.
const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Capitalized words that may stand before a name as a title ("Deputy Foreign Minister Han …"). */
export const TITLE_WORDS = set(`
  President Vice Prime Deputy Foreign Defense Defence Finance Interior Justice Trade State Minister Secretary General Gen.
  Senator Sen. Representative Rep. Congressman Congresswoman Governor Gov. Mayor Ambassador Envoy Chairman Chairwoman Chair
  Speaker Leader Chief Director Commissioner Judge Justice Attorney Prosecutor Professor Prof. Dr. Mr. Mrs. Ms. Miss Sir Dame
  Lord Lady King Queen Prince Princess Pope Sheikh Emir Sultan Colonel Col. Lieutenant Lt. Captain Capt. Major Sergeant Sgt.
  Admiral Adm. Commander Officer Agent Detective Inspector Sheriff Rev. Reverend Father Bishop Cardinal Rabbi Imam Premier
  Chancellor Spokesman Spokeswoman Spokesperson Executive Assistant Acting Former Senior Supreme Supreme Press Presidential
  Candidate Nominee Democratic Republican Labour Conservative GOP Democrat Republican Dr Mr Mrs Ms Gen Sen Rep Gov Prof Lt Col
  Capt Sgt Adm Rev
`);

/** Nouns that head a role or description ("the manager of the Hallmark"). Lowercase. */
export const ROLE_NOUNS = set(`
  head director executive governor minister deputy ambassador manager professor president leader analyst spokesman
  spokeswoman spokesperson secretary senator chairman chairwoman chair chief founder co-founder editor correspondent reporter
  official diplomat expert researcher fellow adviser advisor aide candidate nominee lawyer attorney judge mayor commander general
  member representative envoy ceo economist author owner strategist consultant scientist activist historian journalist pastor
  coach premier chancellor king queen prince dictator ruler politician lawmaker congressman congresswoman rep. sen. gov.
  vice-president vice president spokesperson officer colonel prosecutor sheriff negotiator delegate commissioner administrator
  superintendent principal teacher student doctor physician surgeon nurse pilot worker operator partner investor banker
  campaign chairman manager host anchor commentator columnist blogger writer novelist actor actress singer musician director
  engineer architect farmer fisherman captain sergeant officer chef baker designer producer organiser organizer curator coordinator
  lady widow widower
`);

/** Verbs that introduce speech ("said", "told"). Lowercase, inflected forms listed. */
export const SPEECH_VERBS = set(`
  said says say told tells tell added adds explained explains stated states noted notes asked asks wrote writes argued argues
  reads read
  claimed claims insisted insists warned warns continued continues recalled recalls replied replies answered answers commented
  comments declared declares announced announces observed observes suggested suggests emphasized emphasised emphasizes stressed
  stresses acknowledged acknowledges admitted admits predicted predicts remarked remarks concluded concludes reported reports
  tweeted tweets posted posts joked jokes responded responds countered counters quipped quips pointed mused muses conceded concedes
  confirmed confirms denied denies vowed vows promised promises urged urges cautioned cautions boasted boasts charged charges
  complained complains lamented laments shouted shouts yelled yells screamed screams added recounted recounts testified testifies
  saying telling adding claiming calling calls called arguing writing insisting warning noting declaring describing described
  describes labeled labelled dubbed branded accused accuses blasted slammed praised promised predicted
  demanded demands wondered wonders pleaded pleads asking sings sang scolded exhorted criticized criticised criticizes mocked
  denounced denouncing chastised referenced cited
  beamed barked gushed snapped retorted sighed exclaimed proclaimed asserted asserts contended contends maintained maintains
  alleged alleges reiterated reiterates repeated elaborated interjected opined bragged brags fumed thundered marveled marvelled
  bemoaned griped texted emailed whispered explaining recalling adding
`);

/** Participles that carry the sentence subject's speech to a quote later in it: "…, saying “…”". */
export const SPEECH_PARTICIPLES = set(`
  saying telling adding claiming calling arguing writing insisting warning noting declaring describing asking
`);

/** Words that introduce a name for something rather than speech: “…” after them is a title or term. */
export const NAMING_CUES = /\b(known as|called|so-called|dubbed|named|titled|entitled|term|the word|the phrase|labeled|labelled|nicknamed|slogan|hashtag)(?:\s+(?:the|a|an))?\s*$/i;

export const PRONOUNS = set(`he she they i we`);

/** News organisations: speakers that are no person, and candidates for an article's source. */
export const OUTLETS = [
  "Sputnik", "HuffPost", "Huffington Post", "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Kyodo", "Kyodo news agency",
  "Yonhap", "KCNA", "Xinhua", "TASS", "RIA Novosti", "RT", "BBC", "CNN", "Fox News", "MSNBC", "NBC", "CBS", "ABC", "NPR", "Bloomberg",
  "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal", "Wall Street Journal",
  "The Guardian", "Politico", "Breitbart", "The Hill", "Axios", "USA Today", "The New York Post", "New York Post", "The Post", "Al Jazeera",
  "Daily Mail", "The Times", "The Telegraph", "Financial Times", "The Economist", "Newsweek", "Vox", "BuzzFeed", "Slate",
];
export const OUTLET_SET = new Set(OUTLETS.map((o) => o.toLowerCase()));

/** Words that make a capitalized phrase an organisation or facility, never a person. */
export const ORG_WORDS = set(`
  Center Centre Institute Committee University College School Academy Agency Ministry Department Council Commission News Post
  Times Journal Herald Tribune Party Service Services Bank Company Inc Inc. Corp Corp. Corporation Group Association Organization
  Organisation Union Court Congress Senate House Parliament Army Navy Force Forces Guard Square Airport Street Avenue Road
  Station Hotel Store Channel Foundation Fund Office Embassy Mission Federation Republic Kingdom Empire Church Hospital Museum
  Club League Cup Games Olympics Summit Conference Treaty Agreement Act Law Program Programme Project Initiative Policy Fed
  Reserve Exchange Market Index Network Media Press Times Radio TV Television Magazine Review Report Studies Affairs Security
  Intelligence Police Administration Cabinet Assembly Board Authority Bureau Capitol Region Peninsula Sea Ocean River Mountains
  Island Islands Valley Desert War Revolution Movement Coalition Alliance Front Brigade Battalion Division Command Facebook
  Twitter Google Apple Microsoft Amazon Instagram YouTube WhatsApp Telegram Internet Web Day Week Month Year Christmas Easter
  Ramadan Democrats Republicans Trauma Level Zero
`);

export const MONTHS_AND_DAYS = set(`
  January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
  Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
`);

/** Capitalized words at the start of a sentence that are no name. */
export const SENTENCE_STARTERS = set(`
  The A An In On At By For From To Of With Without And But Or Nor So Yet If When While Whenever Where Wherever After Before
  Since Until As Although Though Because However Nevertheless Meanwhile Moreover Also Still Even Only Just Then Now Today
  Yesterday Tomorrow Currently Indeed Instead Otherwise Hence Thus Therefore This That These Those There Here It Its He She
  They We I You His Her Their Our My Your Who What Which Why How Whether Some Many Most Much More Several Few Both Each Every
  All Any No Not None One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Other Another Such Mr Mrs
  According Despite During Under Over Against Among Between Through Across Around About Above Below Inside Outside Within
  Nearly Almost Perhaps Maybe Please Yes Oh Well Like Unlike Per Via Let Do Does Did Is Are Was Were Be Been Has Have Had Will
  Would Can Could Should May Might Must Shall Said Says Asked Told Sources Officials Experts Critics Analysts Reporters People
  Everybody Everyone Nobody Someone Somebody Anyone Something Nothing Everything Whatever Whoever
  Hopefully Never Always Often Sometimes Again Whose Whom Following Amid Upon Once Beyond Toward Towards Throughout Regardless
`);

/** Common given names: a capitalized pair starting with one is a person without further evidence. */
export const GIVEN_NAMES = set(`
  Aaron Adam Alan Albert Alex Alexander Alexei Alice Allen Amanda Amy Andrew Andrei Angela Ann Anna Anne Anthony Antonio Barack
  Barbara Ben Benjamin Bernie Betsy Beto Bill Billy Bob Bobby Boris Brad Brian Bruce Carl Carlos Carly Carol Catherine Charles
  Charlie Chelsea Chris Christina Christine Christopher Chuck Claire Colin Cory Craig Dan Daniel Dana Darrell David Debbie Dennis
  Diane Dick Dmitry Don Donald Donna Doug Douglas Ed Edward Elizabeth Ellen Emily Emmanuel Eric Erik Frank Fred Gary George
  Georgy Gerald Gordon Greg Gregory Harry Heidi Helen Henry Hillary Howard Hugh Ivanka Jack Jacob James Jamie Jane Janet Jared
  Jason Jeb Jeff Jeffrey Jennifer Jeremy Jerry Jesse Jill Jim Jimmy Joe Joel John Johnny Jon Jonathan Joseph Josh Joshua Juan
  Judy Julia Julian Justin Karen Kate Katherine Kathleen Kelly Ken Kenneth Kevin Kim Kirsten Kyle Larry Laura Lauren Lawrence
  Lee Lindsey Lisa Lou Louis Lucy Marco Margaret Maria Marie Mark Martin Mary Matt Matthew Megyn Melania Michael Michelle Mike
  Mitch Mitt Nancy Nathan Neil Nick Nicholas Nicola Nikki Olga Pat Patrick Paul Paula Peter Phil Philip Rachel Rand Ray Reince
  Richard Rick Rob Robert Roger Ron Ronald Rudy Rush Ruth Ryan Sam Samuel Sarah Scott Sean Sergei Sergey Sharon Sheldon Steve
  Steven Susan Ted Terry Thomas Tim Timothy Tom Tony Valerie Vladimir Walter Wayne William Xi Yuri Zach
`);

export const DETERMINERS = /^(the|a|an|his|her|its|their|our|former|then|now|current|longtime|veteran)$/i;

/**
 * Given names common in English-language news whose bearers are mostly women or mostly men:
 * "she" does not refer back to Donald Trump, "he" not to Hillary Clinton. Names of no
 * clear gender are in neither list, and such persons stay candidates for both pronouns.
 */
export const FEMALE_GIVEN_NAMES = set(`
  Hillary Elizabeth Melania Ivanka Nancy Sarah Kellyanne Debbie Donna Maria Anna Ana Marta Lena Ingrid Jessica Karen Julie
  Christina Carla Martha Sonya Michelle Jennifer Susan Mary Patricia Linda Barbara Margaret Lisa Betty Helen Sandra Carol Ruth
  Sharon Laura Emily Kimberly Deborah Amy Angela Melissa Rebecca Katherine Catherine Claire Gwen Loretta Huma Cheryl Alicia
  Gennifer Barbra Theresa Condoleezza Madeleine Samantha Valerie Kamala Elena Sonia Marine Angela Theresa Jill Chelsea
  Hope Jane Joan Judy Kate Katie Kelly Kathleen Megyn Mika Oprah Rachel Rosie Sheryl Tammy Tulsi Ava Azucena Marcia Minyon
  Malkia Quina Krystal Ariana Pamela Olga Irina Natalia Yulia Svetlana Tatiana Ekaterina Nadia Fatima Aisha Ayesha Priya
`);

export const MALE_GIVEN_NAMES = set(`
  Donald Barack Mike Michael Bill William Tim Timothy Bernie Ted Paul John Joe Joseph George Jeb Marco Chris Christopher Ben
  Rudy Newt Mitch Harry Chuck Jim James Robert Bob Richard David Mark Matt Matthew Tom Thomas Steve Stephen Steven Eric Kevin
  Jason Josh Brian Gary Rand Rick Scott Lindsey Reince Sean Corey Jared Vladimir Kim Xi Shinzo Benjamin Recep Bashar Emmanuel
  Francois Nicolas Boris Sergei Sergey Dmitry Georgy Alexander Andrei Igor Ivan Viktor Hassan Ali Mohammed Muhammad Ahmed
  Howard Jeff Jeffrey Dan Daniel Peter Charles Charlie Frank Henry Hank Larry Lawrence Jerry Gerald Ronald Roger Tony Anthony
  Kenneth Keith Ken Edward Ed Jack Jon Jonathan Patrick Pat Sam Samuel Andrew Andy Greg Gregory Ray Raymond Adam Aaron Vann
`);
