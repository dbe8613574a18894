import { describe, expect, it } from "vitest";
import type { JourneyGraph, OutboundConfig } from "@/server/domain/journey/journey-graph";
import { addNode, connect, edgeFrom, newNode, outgoingSlots, removeNodes, setOutboundConfig } from "./graph-ops";

const at = { x: 0, y: 0 };
function base(): JourneyGraph {
  return {
    nodes: [
      { id: "e", kind: "entry", label: null, position: at, config: { segmentId: null, schedule: null } },
      { id: "o", kind: "outbound", label: null, position: { x: 300, y: 0 }, config: { scriptId: "s", intentBranches: { enabled: false, branches: [] } } },
    ],
    edges: [{ id: "1", source: "e", target: "o", branchKey: null }],
  };
}
const branches = (on: boolean, keys: ("A" | "B")[] = []): OutboundConfig => ({
  scriptId: "s",
  intentBranches: { enabled: on, branches: keys.map((key) => ({ key, intents: [key === "A" ? "confirmed" : "reschedule"] })) },
});

describe("canvas edits", () => {
  it("connects a new node to the selected node's free slot", () => {
    const g = addNode(base(), newNode("end", at), "o");
    const end = g.nodes.at(-1)!;
    expect(edgeFrom(g, "o", "out")?.target).toBe(end.id);
    // The slot is taken now: another node is added unconnected.
    const g2 = addNode(g, newNode("wait", at), "o");
    expect(g2.edges.filter((e) => e.source === "o")).toHaveLength(1);
  });

  it("never connects into the entry or a node to itself, and one edge per slot", () => {
    const g = base();
    expect(connect(g, "o", "out", "e")).toBe(g);
    expect(connect(g, "o", "out", "o")).toBe(g);
    const w = addNode(g, newNode("wait", at));
    const wid = w.nodes.at(-1)!.id;
    const twice = connect(connect(w, "e", "out", wid), "e", "out", "o");
    expect(twice.edges.filter((e) => e.source === "e").map((e) => e.target)).toEqual(["o"]);
  });

  it("draws one edge per intent branch, to a new end node each, as soon as the branches are set", () => {
    const on = setOutboundConfig(base(), "o", branches(true, ["A"]));
    expect(outgoingSlots(on.nodes.find((n) => n.id === "o")!)).toEqual(["A", "empty", "other"]);
    for (const key of ["A", "empty", "other"]) {
      const edge = edgeFrom(on, "o", key);
      expect(on.nodes.find((n) => n.id === edge?.target)?.kind).toBe("end");
    }
    // The ends are stacked in branch order, A on top.
    const y = (key: string) => on.nodes.find((n) => n.id === edgeFrom(on, "o", key)!.target)!.position.y;
    expect(y("A")).toBeLessThan(y("empty"));
    expect(y("empty")).toBeLessThan(y("other"));
  });

  it("drops a removed branch's edge and the end node only it led to; switching off keeps 其他 as the single edge", () => {
    const two = setOutboundConfig(base(), "o", branches(true, ["A", "B"]));
    const bEnd = edgeFrom(two, "o", "B")!.target;
    const one = setOutboundConfig(two, "o", branches(true, ["A"]));
    expect(edgeFrom(one, "o", "B")).toBeUndefined();
    expect(one.nodes.some((n) => n.id === bEnd)).toBe(false);
    const otherEnd = edgeFrom(one, "o", "other")!.target;
    const off = setOutboundConfig(one, "o", branches(false));
    expect(off.edges.filter((e) => e.source === "o")).toEqual([expect.objectContaining({ branchKey: null, target: otherEnd })]);
    expect(off.nodes.filter((n) => n.kind === "end")).toHaveLength(1);
  });

  it("keeps the entry when asked to remove it, and removes a node's edges with it", () => {
    const g = removeNodes(base(), ["e", "o"]);
    expect(g.nodes.map((n) => n.id)).toEqual(["e"]);
    expect(g.edges).toEqual([]);
  });
});
