// General English word lists the extractor reads: titles, kinship terms, organisation and event nouns.
// They describe the language of news, not any article's names.

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Head nouns of titles that make their holder the leader of a state or institution. */
export const LEADER_TITLES = words(
  "leader president premier chancellor king queen emperor empress monarch dictator sultan emir shah tsar czar ruler",
);
/** "prime minister", "head of state", "supreme leader" and the like: multi-word leader titles. */
export const LEADER_PHRASES = ["prime minister", "head of state", "head of government", "supreme leader", "chief executive", "secretary general", "secretary-general", "general secretary"];

/** Head nouns of official titles (the role is the whole title phrase). */
export const OFFICIAL_TITLES = words(
  "minister secretary ambassador envoy spokesman spokeswoman spokesperson general admiral commander chief director " +
    "governor mayor senator lawmaker legislator deputy official diplomat adviser advisor negotiator attorney prosecutor " +
    "judge justice chairman chairwoman chair vice-president vice-chairman marshal colonel lieutenant major captain " +
    "sergeant officer representative delegate councillor councilor mp congressman congresswoman speaker commissioner " +
    "undersecretary under-secretary attaché attache consul general-secretary head prince princess",
);
/** Words that may stand inside a title before its head noun ("Foreign Minister", "Deputy Defence Minister"). */
export const TITLE_MODIFIERS = words(
  "foreign defence defense culture finance interior home justice trade economy economic health education labour labor " +
    "energy transport agriculture environment industry unification security intelligence information science technology " +
    "sports tourism deputy vice first senior top chief acting former ex junior state military national " +
    "supreme prime general lieutenant major rear attorney special army navy police ministry government policy monetary climate",
);
/** Honorifics and titles stripped from person names ("Gen.", "Mr", "Leader"). */
export const HONORIFICS = words(
  "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. " +
    "adm adm. cmdr cmdr. gov gov. sen sen. rep rep. pres pres. rev rev. hon hon. president leader premier chancellor king " +
    "queen prince princess emperor pope minister secretary ambassador general admiral commander chairman chairwoman " +
    "governor mayor senator judge marshal colonel lieutenant major captain sergeant comrade madam mister sheikh sheik",
);
/** Honorifics that are no title of office: the relation patterns read past them ("Prime Minister Sheikh X"). */
export const COURTESY_TITLES = words("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady sheikh sheik comrade madam mister");

/** Kinship nouns: relation and which way it points (the named relative to the possessor). */
export const KINSHIP: Readonly<Record<string, { relation: "sibling_of" | "spouse_of" | "child_of"; childIsRelative?: boolean }>> = {
  sister: { relation: "sibling_of" },
  brother: { relation: "sibling_of" },
  "half-sister": { relation: "sibling_of" },
  "half-brother": { relation: "sibling_of" },
  sibling: { relation: "sibling_of" },
  wife: { relation: "spouse_of" },
  husband: { relation: "spouse_of" },
  spouse: { relation: "spouse_of" },
  daughter: { relation: "child_of", childIsRelative: true },
  son: { relation: "child_of", childIsRelative: true },
  child: { relation: "child_of", childIsRelative: true },
  father: { relation: "child_of", childIsRelative: false },
  mother: { relation: "child_of", childIsRelative: false },
};

/** Nouns of people's occupations that link a person to an institution ("a senior researcher at X"). */
export const OCCUPATIONS = words(
  "researcher research fellow analyst professor lecturer scholar expert economist scientist journalist reporter " +
    "correspondent editor columnist spokesman spokeswoman spokesperson director head chief executive official employee " +
    "member founder co-founder president chairman chairwoman manager engineer adviser advisor consultant strategist " +
    "historian lawyer attorney partner officer staffer student doctor physician associate",
);

/** Nouns of what people are or do that a personal name follows ("the activist Park Sang-hak"): occupations and more. */
export const PERSON_NOUNS = new Set([
  ...OCCUPATIONS,
  ..."activist dissident writer author poet novelist artist singer actor actress photographer coach player footballer striker midfielder goalkeeper".split(" "),
]);

/** Head nouns that make a capitalised name an institution. */
export const INSTITUTION_HEADS = words(
  "institute institution university college academy ministry department agency office council committee commission " +
    "party army navy force forces command corps guard bank company corporation group times post herald journal news " +
    "tribune gazette daily telegraph press agency service services parliament assembly congress senate court union " +
    "association federation foundation organisation organization centre center fund board authority bureau " +
    "government administration cabinet kremlin",
);

/** Nouns that make an event: wars, battles, summits, ceremonies. */
export const WAR_NOUNS = words("war conflict invasion offensive fighting hostilities insurgency campaign");
export const EVENT_NOUNS = words(
  "summit talks conference ceremony parade gala festival election elections referendum olympics games meeting forum " +
    "battle siege uprising revolution coup crisis",
);
/** Nouns that make an agreement: treaties, pacts, alliances, deals. */
export const AGREEMENT_NOUNS = words("treaty pact alliance accord agreement deal partnership armistice ceasefire truce charter convention");

/** Place head nouns that extend a place name ("Kursk region"). */
export const PLACE_HEADS = words(
  "region province oblast krai district county state prefecture territory city town village peninsula island islands " +
    "border sea river valley mountains airport port base",
);

/** First words that make a name a region of a place ("Northeastern Texas", "Greater Cleveland"), not a person. */
export const REGION_MODIFIERS = words(
  "north northern northeast northeastern northwest northwestern south southern southeast southeastern southwest southwestern " +
    "east eastern west western central greater upper lower inner outer metro metropolitan downtown",
);

/**
 * Last words that make a name no person's: a street or a structure ("Massachusetts Avenue"), or a
 * body of people or states ("Arab Coalition", "Holy Roman Empire").
 */
export const NOT_PERSON_ENDINGS = words(
  "avenue street road boulevard lane square bridge highway drive parkway plaza " +
    "coalition empire alliance league union federation party army forces club team",
);

/**
 * Head nouns that make a capitalised name a place, whatever the tagger read it as: "Kermanshah Province",
 * "Indus River" (PLACE_HEADS that name no club or body: not "state", "city", "town", "county", "port",
 * "border", "base"), and, for a name the tagger read as an organisation or a miscellaneous name, the
 * buildings and venues DESIGN.md counts as places ("Premadasa Stadium", "East Pyongyang Grand Theatre").
 */
/**
 * PLACE_HEADS that name the area of the name before them, not another place: "the Kursk region" is
 * Kursk, "California state" California; a city, a border or an airport is a place of its own.
 */
export const AREA_HEADS = words("region province oblast krai state prefecture governorate district territory");
export const NAME_PLACE_HEADS = words("region province oblast krai district prefecture territory peninsula island islands sea river valley mountains glacier");
export const VENUE_HEADS = words("theatre theater stadium arena palace gallery cathedral mosque temple castle tower bridge square station airport mausoleum");

/** Month names, in calendar order. */
export const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** Weekdays: never a name or part of one in news ("Benjamin Netanyahu Thursday" is a name and a date). */
export const WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday");
/** Months, their abbreviations and weekdays: never an organisation or a place, whatever a dateline makes the tagger think. */
export const CALENDAR_WORDS = words(`${MONTH_NAMES.join(" ")} jan feb mar apr jun jul aug sep sept oct nov dec ${[...WEEKDAYS].join(" ")}`);

/**
 * Function words and sentence adverbs: determiners, quantifiers, pronouns, prepositions, conjunctions,
 * "meanwhile" and the like. Capitalised at a sentence start or run into a name by the tagger ("Many
 * Starbucks", "Unlike", "Schröder On"), they are no part of the name. Words that also serve as given
 * names or name particles ("Will", "May", "Per", "de", "van") are left out.
 */
export const FUNCTION_WORDS = words(
  "a an the this that these those some any many much more most few fewer several all both each every either neither " +
    "another other others such no none me my we our you your he him his she her it its they them their who whom whose " +
    "which what whatever whoever about above across after against along amid amidst among amongst around as at before " +
    "behind below beneath beside besides between beyond by despite during except for from given in inside into like near of " +
    "off on onto outside over since through throughout till to toward towards under unlike until upon via with within " +
    "without and but or nor yet so although though because whereas while whilst if unless whether when whenever where " +
    "wherever once than meanwhile furthermore moreover however nevertheless nonetheless therefore thus hence also instead " +
    "indeed otherwise likewise consequently accordingly additionally finally eventually initially ultimately still " +
    "already only perhaps maybe not never here there",
);

/** Nouns of military hardware: a name right before one is a model ("Leopard tanks", "Patriot missiles"), not an entity. */
export const HARDWARE_NOUNS = words(
  "tank tanks jet jets fighter fighters missile missiles drone drones helicopter helicopters howitzer howitzers rocket rockets " +
    "launcher launchers aircraft plane planes warship warships submarine submarines frigate frigates rifle rifles " +
    "vehicles carriers interceptors",
);
