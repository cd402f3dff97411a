// The viewer's pure modules: URL view state, accent-insensitive search, mention marking, graph loading, label placement.
import { DOMParser, Document } from "@xmldom/xmldom";
import { MultiDirectedGraph } from "graphology";
import { toGexf } from "../../src/export/index.js";
import { describe, expect, it } from "vitest";
import { mentionRanges } from "../../viewer/src/highlight.js";
import { placeLabels } from "../../viewer/src/labels.js";
import { buildSearchIndex, normaliseText, searchEntities } from "../../viewer/src/search-index.js";
import { FILTERS_DEFAULTS } from "../../viewer/src/state.js";
import { decodeViewState, encodeViewState, type ViewState } from "../../viewer/src/url.js";
import { newsGraph } from "./fixtures.js";

// graphology-gexf's browser build looks DOMParser and Document up when it loads; xmldom stands in for the browser's.
Object.assign(globalThis, { DOMParser, Document });
const { graphFromGexfText, graphFromJson, graphFromJsonText } = await import("../../viewer/src/load.js");

describe("URL view state", () => {
  it("round-trips selection, filters and camera", () => {
    const view: ViewState = {
      selected: "person:kim-jong-un",
      selectedEdge: null,
      filters: {
        hiddenKinds: new Set(["event", "place"]),
        hiddenRelations: new Set(["supplies"]),
        showCooccurrence: false,
        minDegree: 2,
        neighbourhood: 2,
        dates: { from: "2024-07-10", to: "2024-07-16" },
        top: 500,
      },
      camera: { x: 0.51234, y: 0.25, ratio: 0.125 },
      colorBy: "community",
    };
    const hash = encodeViewState(view);
    expect(hash).toBe(
      "node=person%3Akim-jong-un&hide=place%2Cevent&hiderel=supplies&cooc=0&mindeg=2&hood=2&from=2024-07-10&to=2024-07-16&top=500&color=community&cam=0.5123%2C0.25%2C0.125",
    );
    expect(decodeViewState(`#${hash}`)).toEqual({ ...view, camera: { x: 0.5123, y: 0.25, ratio: 0.125 } });
  });

  it("leaves defaults out and ignores junk", () => {
    expect(encodeViewState({ selected: null, selectedEdge: null, filters: FILTERS_DEFAULTS, camera: null })).toBe("");
    const v = decodeViewState("#hide=alien,person&mindeg=-3&hood=7&cam=1,2&hiderel=nope&edge=a|b");
    expect([...v.filters.hiddenKinds]).toEqual(["person"]);
    expect(v.filters.hiddenRelations.size).toBe(0);
    expect(v.filters.minDegree).toBe(0);
    expect(v.filters.neighbourhood).toBe(0);
    expect(v.camera).toBeNull();
    expect(v.selectedEdge).toBe("a|b");
    expect(v.filters.top).toBe(0);
    expect(decodeViewState("#top=-4&color=rainbow")).toMatchObject({ filters: { top: 0 }, colorBy: undefined });
  });

  it("writes the number of entities shown only when it is not the graph's default, and 'all' for the long tail", () => {
    const large = { ...FILTERS_DEFAULTS, top: 1000 };
    const view = (top: number): ViewState => ({ selected: null, selectedEdge: null, filters: { ...FILTERS_DEFAULTS, top }, camera: null });
    expect(encodeViewState(view(1000), large)).toBe("");
    expect(encodeViewState(view(0), large)).toBe("top=all");
    expect(encodeViewState(view(250), large)).toBe("top=250");
    expect(decodeViewState("", large).filters.top).toBe(1000);
    expect(decodeViewState("#top=all", large).filters.top).toBe(0);
    expect(decodeViewState("#top=250", large).filters.top).toBe(250);
    expect(decodeViewState("#top=lots", large).filters.top).toBe(1000);
  });
});

describe("search", () => {
  const graph = MultiDirectedGraph.from(newsGraph() as never);
  const index = buildSearchIndex(graph);

  it("normalises case, accents and spaces", () => {
    expect(normaliseText("  José   NÚÑEZ ")).toBe("jose nunez");
    expect(normaliseText("Ольга")).toBe("ольга");
    expect(normaliseText("Ё")).toBe("е");
  });

  it.each([
    ["nunez", "person:jose-nunez", null],
    ["PEPE", "person:jose-nunez", "Pepe"],
    ["dprk", "state:north-korea", "DPRK"],
    ["россия", "state:russia", "Россия"],
    ["김정은", "person:kim-jong-un", "김정은"],
    ["курская", "place:kursk", "Курская область"],
  ])("finds %s", (q, key, alias) => {
    expect(searchEntities(index, q)[0]).toMatchObject({ key, alias });
  });

  it("ranks label prefixes first and lists each entity once", () => {
    const keys = searchEntities(index, "kim").map((h) => h.key);
    expect(keys.slice(0, 2)).toEqual(["person:kim-jong-un", "person:kim-yo-jong"]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(searchEntities(index, "   ")).toEqual([]);
    expect(searchEntities(index, "zzzz")).toEqual([]);
  });
});

describe("mentionRanges", () => {
  const mark = (text: string, names: string[]) => mentionRanges(text, names).map(([s, e]) => text.slice(s, e));

  it("marks whole names, longest first, in any case", () => {
    expect(mark("North Korean leader Kim Jong-un met Kim.", ["Kim Jong-un", "Kim", "North Korea", "North Korean"])).toEqual([
      "North Korean",
      "Kim Jong-un",
      "Kim",
    ]);
    expect(mark("the KIM family", ["Kim"])).toEqual(["KIM"]);
  });

  it("does not mark inside Latin words but allows Korean and Russian endings", () => {
    expect(mark("Kimberley and Korean", ["Kim", "Korea"])).toEqual([]);
    expect(mark("김정은은 평양에서", ["김정은", "평양"])).toEqual(["김정은", "평양"]);
    expect(mark("встреча с Путиным", ["Путин"])).toEqual(["Путин"]);
  });

  it("treats regex characters in names literally", () => {
    expect(mark("a (b) c.d", ["(b)", "c.d"])).toEqual(["(b)", "c.d"]);
    expect(mark("abc", ["a.c"])).toEqual([]);
  });
});

describe("loading", () => {
  it("builds the graph from valid graph JSON", () => {
    const g = graphFromJson(newsGraph(), "graph.json");
    expect(g.order).toBe(13);
    expect(g.size).toBe(16);
    expect(g.getNodeAttribute("state:russia", "aliases")).toContain("Россия");
  });

  it.each([
    ["not json", "{"],
    ["wrong shape", '{"nodes": 3}'],
    ["a node without kind", JSON.stringify({ ...newsGraph(), nodes: [{ key: "x", attributes: { label: "X" } }] })],
    ["an edge to a missing node", JSON.stringify({ ...newsGraph(), edges: [{ ...newsGraph().edges[0], target: "nowhere" }] })],
  ])("rejects %s with INVALID_GRAPH naming the file", (_, text) => {
    try {
      graphFromJsonText(text, "bad.json");
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string }).code).toBe("INVALID_GRAPH");
      expect((err as { where: string }).where).toBe("bad.json");
    }
  });

  it("reads kgraph's own GEXF back into the same entities, lists and evidence", () => {
    const json = newsGraph();
    const g = graphFromGexfText(toGexf(MultiDirectedGraph.from(json as never)), "graph.gexf");
    expect(g.order).toBe(json.nodes.length);
    expect(g.size).toBe(json.edges.length);
    for (const n of json.nodes) {
      expect(g.getNodeAttributes(n.key)).toMatchObject({ label: n.attributes.label, kind: n.attributes.kind, aliases: n.attributes.aliases });
    }
    for (const e of json.edges) {
      const back = g.getEdgeAttributes(e.key);
      expect(back.relation).toBe(e.attributes.relation);
      expect(back.evidence.map((ev) => [ev.doc, ev.sentence, ev.text])).toEqual(e.attributes.evidence.map((ev) => [ev.doc, ev.sentence, ev.text]));
    }
  });

  it("rejects a file that is not GEXF with INVALID_GRAPH", () => {
    expect(() => graphFromGexfText("<html><p>hello</p></html>", "page.gexf")).toThrow(expect.objectContaining({ code: "INVALID_GRAPH" }));
  });
});

describe("placeLabels", () => {
  const measure = (t: string) => t.length * 7;
  it("keeps labels in priority order, moves one left when the right is taken, drops those that fit nowhere", () => {
    const chosen = placeLabels(
      [
        { key: "big", x: 100, y: 100, size: 10, label: "North Korea" },
        { key: "clash", x: 150, y: 112, size: 4, label: "Pyongyang" },
        { key: "below", x: 100, y: 130, size: 4, label: "Kim Jong-un" },
        { key: "blocked", x: 300, y: 200, size: 4, label: "Seoul" },
        { key: "left", x: 300, y: 300, size: 4, label: "Moscow" },
        { key: "unlabelled", x: 320, y: 300, size: 6, label: "" },
        { key: "wall", x: 280, y: 200, size: 6, label: "" },
        { key: "wall2", x: 320, y: 200, size: 6, label: "" },
      ],
      measure,
      13,
    );
    expect([...chosen]).toEqual([
      ["big", "right"],
      ["below", "right"],
      ["left", "left"],
    ]);
  });

  it("lets an important label cover the less important nodes after it, when asked, but never one before it", () => {
    // a hub crowded on both sides by smaller nodes: without the option it gets no label
    const crowd = [
      { key: "hub", x: 200, y: 100, size: 9, label: "United States" },
      { key: "r", x: 240, y: 100, size: 3, label: "" },
      { key: "l", x: 160, y: 100, size: 3, label: "" },
      { key: "small", x: 400, y: 100, size: 3, label: "Ohio" },
      { key: "bigger", x: 430, y: 100, size: 6, label: "" },
      { key: "left-wall", x: 370, y: 100, size: 6, label: "" },
    ];
    expect([...placeLabels(crowd, measure, 13)]).toEqual([]);
    const order = [crowd[0], crowd[1], crowd[2], crowd[4], crowd[5], crowd[3]];
    expect([...placeLabels(order, measure, 13, 2, undefined, true)]).toEqual([["hub", "right"]]);
    // a node after the nodes around it in the order may not cover them
    expect(placeLabels(order, measure, 13, 2, undefined, true).has("small")).toBe(false);
  });

  it("lets only the first few labels cover less important nodes when given a number, and only where no clear place is left", () => {
    const crowd = [
      { key: "hub", x: 200, y: 100, size: 9, label: "United States" },
      { key: "free", x: 200, y: 300, size: 6, label: "Canada" },
      { key: "r", x: 240, y: 100, size: 3, label: "" },
      { key: "l", x: 160, y: 100, size: 3, label: "" },
      { key: "third", x: 400, y: 100, size: 4, label: "Ohio" },
      { key: "wall-r", x: 425, y: 100, size: 3, label: "" },
      { key: "wall-l", x: 375, y: 100, size: 3, label: "" },
    ];
    // the hub, first, covers its neighbours; the third in the order is past the two allowed and gets none
    expect([...placeLabels(crowd, measure, 13, 2, undefined, 2)]).toEqual([
      ["hub", "right"],
      ["free", "right"],
    ]);
    expect(placeLabels(crowd, measure, 13, 2, undefined, 3).get("third")).toBe("right");
    // a label with a clear place keeps it: the nodes it might have covered stay uncovered
    const clear = [{ key: "hub", x: 200, y: 100, size: 9, label: "United States" }, { key: "l", x: 160, y: 100, size: 3, label: "" }];
    expect([...placeLabels(clear, measure, 13, 2, undefined, 1)]).toEqual([["hub", "right"]]);
  });
});
