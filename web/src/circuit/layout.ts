/**
 * Grid layout of the circuit view as a loop: the patient on the left spanning all rows; the venous side (drainage
 * to pump) on the top band, left → right; the arterial side (oxygenator to return cannulae) on the bottom band,
 * right → left. A Y's limbs stack as rows of their band. Wires join each step's exits to the next step's entries.
 */
import type { CircuitView, Side, Step, ViewNode } from "../../../src/console/circuit-view.ts";

export interface Cell {
  col: number;
  row: number;
  side: Side;
}
export interface Placed extends Cell {
  node: ViewNode;
}
export interface Wire {
  from: Cell;
  to: Cell;
  side: Side;
}
export interface Layout {
  cols: number;
  rows: number;
  items: Placed[];
  wires: Wire[];
}

interface Block {
  cols: number;
  rows: number;
  heads: Cell[];
  tails: Cell[];
}

function place(steps: Step[], col: number, row: number, out: Layout): Block {
  let c = col;
  let rows = 1;
  let heads: Cell[] = [];
  let tails: Cell[] = [];
  for (const s of steps) {
    let b: Block;
    if ("node" in s) {
      const cell = { col: c, row, side: s.node.side };
      out.items.push({ ...cell, node: s.node });
      b = { cols: 1, rows: 1, heads: [cell], tails: [cell] };
    } else {
      let r = row;
      let w = 0;
      const hs: Cell[] = [];
      const ts: Cell[] = [];
      for (const limb of s.limbs) {
        const lb = place(limb, c, r, out);
        w = Math.max(w, lb.cols);
        r += lb.rows;
        hs.push(...lb.heads);
        ts.push(...lb.tails);
      }
      b = { cols: w, rows: r - row, heads: hs, tails: ts };
    }
    if (heads.length === 0) heads = b.heads;
    for (const t of tails) for (const h of b.heads) out.wires.push({ from: t, to: h, side: h.side });
    if (b.tails.length > 0) tails = b.tails;
    rows = Math.max(rows, b.rows);
    c += b.cols;
  }
  return { cols: c - col, rows, heads, tails };
}

export function layoutCircuit(view: CircuitView): Layout {
  const patientOut = view.steps[0];
  const inner = view.steps.slice(1, -1);
  const ox = inner.findIndex((s) => "node" in s && s.node.kind === "oxygenator");
  const top: Layout = { cols: 0, rows: 0, items: [], wires: [] };
  const bottom: Layout = { cols: 0, rows: 0, items: [], wires: [] };
  const tb = place(inner.slice(0, ox), 1, 0, top);
  const bb = place(inner.slice(ox), 0, 0, bottom);
  const cols = 1 + Math.max(tb.cols, bb.cols);
  const rows = tb.rows + bb.rows;
  const mirror = (x: Cell): Cell => ({ ...x, col: cols - 1 - x.col, row: tb.rows + x.row });
  const out: Layout = {
    cols,
    rows,
    items: [...top.items, ...bottom.items.map((p) => ({ ...p, ...mirror(p) }))],
    wires: [...top.wires, ...bottom.wires.map((w) => ({ ...w, from: mirror(w.from), to: mirror(w.to) }))],
  };
  if (patientOut && "node" in patientOut)
    out.items.push({ col: 0, row: 0, side: "venous", node: patientOut.node });
  for (const h of tb.heads)
    out.wires.push({ from: { col: 0, row: h.row, side: "venous" }, to: h, side: "venous" });
  for (const t of tb.tails)
    for (const h of bb.heads) out.wires.push({ from: t, to: mirror(h), side: "arterial" });
  for (const t of bb.tails) {
    const m = mirror(t);
    out.wires.push({ from: m, to: { col: 0, row: m.row, side: "arterial" }, side: "arterial" });
  }
  return out;
}
