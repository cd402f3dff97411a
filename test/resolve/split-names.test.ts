// splitNames: the most-mentioned names of a graph that several nodes carry, as label or alias.
import { describe, expect, it } from "vitest";
import { splitNames } from "../../src/resolve/index.js";

const node = (key: string, label: string, mentions: number, aliases: string[] = []) => ({ key, label, aliases, mentions });

describe("splitNames", () => {
  const nodes = [
    node("state:georgia", "Georgia", 40),
    node("place:georgia", "Georgia", 12),
    node("person:donald-trump", "Donald Trump", 90, ["Trump"]),
    node("person:trump", "Trump", 30),
    node("place:new-york", "New York", 25, ["NEW YORK"]),
    node("institution:associated-press", "Associated Press", 5, ["AP"]),
    node("place:florida", "Florida", 4, ["AP"]),
    node("institution:ap", "AP", 3),
  ];

  it("lists the names on several nodes, by mentions, with the nodes most mentioned first", () => {
    const { names, split } = splitNames(nodes);
    expect(names).toBe(7);
    expect(split.map((s) => [s.name, s.mentions, s.nodes.map((n) => n.key)])).toEqual([
      ["Georgia", 52, ["state:georgia", "place:georgia"]],
      ["Trump", 30, ["person:donald-trump", "person:trump"]],
      ["AP", 3, ["institution:associated-press", "place:florida", "institution:ap"]],
    ]);
  });

  it("looks only at the top names", () => {
    expect(splitNames(nodes, { top: 2 }).split.map((s) => s.name)).toEqual(["Georgia"]);
  });
});
