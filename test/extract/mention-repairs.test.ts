// Mention repairs and in-document coreference over what a tagger read, with the tagger's readings scripted,
// so each case states exactly which slip it repairs.
import { describe, expect, it } from "vitest";
import { extractFacts, type Tagger } from "../../src/extract/index.js";
import type { DocumentFacts } from "../../src/schema/index.js";
import { documentFromText } from "../../src/text/index.js";

/** A tagger that reads the given phrases as the given types (B-/I- tags over their tokens) and nothing else. */
function scripted(readings: ReadonlyArray<[string, "PER" | "ORG" | "LOC" | "MISC"]>): Tagger {
  return (sentences) =>
    sentences.map((tokens) => {
      const tags = tokens.map(() => "O");
      for (const [phrase, type] of readings) {
        const words = phrase.split(" ");
        for (let i = 0; i + words.length <= tokens.length; i++) {
          if (!words.every((w, k) => tokens[i + k] === w) || tags.slice(i, i + words.length).some((t) => t !== "O")) continue;
          words.forEach((_, k) => (tags[i + k] = `${k === 0 ? "B" : "I"}-${type}`));
        }
      }
      return tags;
    });
}

function facts(text: string, readings: ReadonlyArray<[string, "PER" | "ORG" | "LOC" | "MISC"]>): DocumentFacts {
  const doc = documentFromText("t.txt", text);
  const f = extractFacts(doc, { tagger: scripted(readings) });
  for (const m of f.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  return f;
}

const named = (f: DocumentFacts) => f.entities.map((e) => `${e.label}/${e.kind}`).sort();
const entity = (f: DocumentFacts, label: string) => f.entities.find((e) => e.label === label);

describe("a name's head noun gives its kind", () => {
  it.each([
    ["a venue the tagger read as an organisation", "The gala was held at the East Pyongyang Grand Theatre on Friday.", "East Pyongyang Grand Theatre", "ORG"],
    ["a venue the tagger read as a miscellaneous name", "The final was played at Premadasa Stadium in May.", "Premadasa Stadium", "MISC"],
    ["a province the tagger read as a person", "He was born in Gahwareh, in Kermanshah Province, and grew up there.", "Kermanshah Province", "PER"],
    ["a river the tagger read as an organisation", "The city lies on the Indus River near the border.", "Indus River", "ORG"],
  ] as const)("%s: %s", (_, text, name, type) => {
    expect(named(facts(text, [[name, type]]))).toContain(`${name}/place`);
  });

  it("keeps the whole venue when a capital is part of its name, instead of the capital alone", () => {
    const f = facts("The gala was held at the East Pyongyang Grand Theatre on Friday.", [["East Pyongyang Grand Theatre", "ORG"]]);
    expect(named(f)).toEqual(["East Pyongyang Grand Theatre/place"]);
  });

  it("leaves a person whose surname is a venue noun a person", () => {
    expect(named(facts("Tom Bridge said the talks would go on.", [["Tom Bridge", "PER"]]))).toEqual(["Tom Bridge/person"]);
  });
});

describe("a name run into the words around it", () => {
  it("loses the modifier its token was made into: Munich-based, US-led", () => {
    const f = facts("The Munich-based company joined the US-led coalition.", [
      ["Munich-based", "LOC"],
      ["US-led", "LOC"],
    ]);
    expect(named(f)).toEqual(["Munich/place", "United States/state"]);
  });

  it("keeps a hyphenated given name whole: Kim Jong-un", () => {
    expect(named(facts("Kim Jong-un visited the factory.", [["Kim Jong-un", "PER"]]))).toEqual(["Kim Jong-un/person"]);
  });

  it("is not joined to the state after it by 'of' unless its head noun is an institution's: MOL of Hungary", () => {
    const f = facts("MOL of Hungary signed, and the Bank of Russia agreed.", [
      ["MOL", "ORG"],
      ["Hungary", "LOC"],
      ["Bank", "ORG"],
      ["Russia", "LOC"],
    ]);
    expect(named(f)).toEqual(["Bank of Russia/institution", "Hungary/state", "MOL/institution"]);
  });
});

describe("titles and styles", () => {
  it("name no one on their own: Governor General, the Queen's", () => {
    const f = facts("The Governor General met the Queen's envoy.", [
      ["Governor General", "ORG"],
      ["Queen 's", "ORG"],
    ]);
    expect(named(f)).toEqual([]);
  });

  it("before name parts make a person of the rest: King Carol I read as a place", () => {
    expect(named(facts("King Carol I fled the country.", [["King Carol I", "LOC"]]))).toEqual(["Carol I/person"]);
  });

  it("leave a place whose head noun is a place's: Prince Edward Island", () => {
    expect(named(facts("They sailed to Prince Edward Island in June.", [["Prince Edward Island", "LOC"]]))).toEqual(["Prince Edward Island/place"]);
  });

  it("give way to the state they are of: King of Romania read as a place is Romania", () => {
    expect(named(facts("He was crowned King of Romania in 1930.", [["King of Romania", "LOC"]]))).toEqual(["Romania/state"]);
  });
});

describe("a name with a person's occupation in apposition", () => {
  it("is a person, whatever the tagger read it as", () => {
    const f = facts("According to Hong Min, a senior researcher at the institute, the plan failed.", [["Hong Min", "MISC"]]);
    expect(named(f)).toEqual(["Hong Min/person"]);
  });

  it("stays what it was where the apposition fits an organisation too", () => {
    const f = facts("Siemens AG, a member of the index, fell sharply.", [["Siemens AG", "ORG"]]);
    expect(named(f)).toEqual(["Siemens AG/institution"]);
  });
});

describe("apposition and coordination", () => {
  it("make an organisation of a name the tagger missed before ', an ... group'", () => {
    const f = facts("Hezbollah, an Iran-backed militant group, fired rockets into Israel.", [["Israel", "LOC"]]);
    expect(named(f)).toEqual(["Hezbollah/institution", "Iran/state", "Israel/state"]);
  });

  it("leave a sentence's opening word alone", () => {
    expect(named(facts("However, the group said it would fight on.", []))).toEqual([]);
  });

  it("make a person of a word read as a place beside a person and before a verb", () => {
    const f = facts("Putin and Kim signed a defence treaty.", [
      ["Putin", "PER"],
      ["Kim", "LOC"],
    ]);
    expect(named(f)).toEqual(["Kim/person", "Putin/person"]);
  });

  it("leave a place the gazetteer knows a place (here the capital speaking for its state)", () => {
    const f = facts("Merkel and Paris agreed on the plan.", [
      ["Merkel", "PER"],
      ["Paris", "LOC"],
    ]);
    expect(named(f)).toEqual(["France/state", "Merkel/person", "Paris/place"]);
  });
});

describe("a state body named with its demonym", () => {
  it("leaves the demonym to the state, and keeps the whole name as the body's alias", () => {
    const f = facts("The Russian Defence Ministry said so. British Airways flew on.", [
      ["Russian Defence Ministry", "ORG"],
      ["British Airways", "ORG"],
    ]);
    expect(named(f)).toEqual(["British Airways/institution", "Defence Ministry/institution", "Russia/state"]);
    expect(entity(f, "Defence Ministry")?.aliases).toEqual(["Russian Defence Ministry"]);
  });
});

describe("a place named with its head noun", () => {
  it("is one place with the bare name as its alias", () => {
    const f = facts("Fighting went on in the Paktika province on Monday. Paktika borders Pakistan.", [["Paktika", "LOC"]]);
    const places = f.entities.filter((e) => e.kind === "place");
    expect(places.map((e) => [e.label, e.aliases])).toEqual([["Paktika province", ["Paktika"]]]);
  });
});

describe("short forms of names", () => {
  it("join the one person whose full name ends with them: a family name of two words", () => {
    const f = facts("Paul de Beer, an economist, spoke first. Later de Beer said wages would rise.", [
      ["Paul de Beer", "PER"],
      ["de Beer", "PER"],
    ]);
    expect(f.entities.filter((e) => e.kind === "person").map((e) => [e.label, e.aliases])).toEqual([["Paul de Beer", ["de Beer"]]]);
  });

  it("join the person even where the tagger read the short form as an organisation", () => {
    const f = facts("Marine Le Pen leads the party. Le Pen denied the charges on Monday.", [
      ["Marine Le Pen", "PER"],
      ["Le Pen", "ORG"],
    ]);
    expect(named(f)).toEqual(["Marine Le Pen/person"]);
  });

  it("join the one institution whose name holds them", () => {
    const f = facts("The European Commission proposed new rules. The Commission said Bayern Munich must comply. Bayern refused.", [
      ["European Commission", "ORG"],
      ["Commission", "ORG"],
      ["Bayern Munich", "ORG"],
      ["Bayern", "ORG"],
    ]);
    expect(named(f)).toEqual(["Bayern Munich/institution", "European Commission/institution"]);
    expect(entity(f, "European Commission")?.mentions).toBe(2);
  });

  it("stay apart where two institution names hold them", () => {
    const f = facts("The Security Council met the Council of Europe. The Council said nothing.", [
      ["Security Council", "ORG"],
      ["Council of Europe", "ORG"],
      ["Council", "ORG"],
    ]);
    expect(named(f)).toContain("Council/institution");
  });

  it("a place named with its area's word is the bare name's place; with another head noun, another place", () => {
    const area = facts("Fighting went on in the Kursk region on Monday. Kursk was shelled again.", [["Kursk", "LOC"]]);
    expect(named(area)).toEqual(["Kursk region/place"]);
    expect(entity(area, "Kursk region")?.aliases).toEqual(["Kursk"]);
    const airport = facts("Planes landed at the Gaza airport on Monday. Gaza was quiet.", [["Gaza", "LOC"]]);
    expect(named(airport)).toEqual(["Gaza airport/place", "Gaza/place"]);
    expect(entity(airport, "Gaza airport")?.aliases).toEqual([]);
  });

  it("are not the place or field a name is of, nor the other name a compass word makes", () => {
    const europe = facts("The International Lesbian and Gay Association of Europe met in Vienna. Europe was its subject.", [
      ["International Lesbian and Gay Association of Europe", "ORG"],
      ["Vienna", "LOC"],
      ["Europe", "ORG"],
    ]);
    expect(named(europe)).toContain("Europe/institution");
    expect(entity(europe, "International Lesbian and Gay Association of Europe")?.aliases).toEqual([]);
    const clubs = facts("North Melbourne beat Melbourne by 20 points on Saturday. Melbourne fell to ninth.", [
      ["North Melbourne", "ORG"],
      ["Melbourne", "ORG"],
    ]);
    expect(named(clubs)).toEqual(["Melbourne/institution", "North Melbourne/institution"]);
    // the name held further in stays a short form: "Texas" of the Texas Rangers in a box score
    const rangers = facts("The Texas Rangers beat Boston 5-3. Texas scored twice in the ninth.", [
      ["Texas Rangers", "ORG"],
      ["Boston", "ORG"],
      ["Texas", "ORG"],
    ]);
    expect(entity(rangers, "Texas Rangers")?.aliases).toEqual(["Texas"]);
  });
});

describe("a capital that speaks for its state", () => {
  it("is a mention of the state, and the city is a place of the document all the same", () => {
    const f = facts("Beijing said it would respond to the tariffs.", []);
    expect(named(f)).toEqual(["Beijing/place", "China/state"]);
    expect(f.mentions.map((m) => [m.text, m.entity])).toEqual([["Beijing", "state:china"]]);
    expect(entity(f, "Beijing")?.mentions).toBe(1);
  });

  it("is the one place the city names where the text also names it as a place", () => {
    const f = facts("Beijing said it would respond. Protests were held in Beijing.", []);
    expect(f.entities.filter((e) => e.label === "Beijing")).toHaveLength(1);
  });
});
