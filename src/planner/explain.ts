/**
 * Every number in a plan explains itself: formula, inputs, constants and source. Numbers that come from a
 * calculator carry its CalcResult unchanged; the planner's own decisions (device choice, interpolation of
 * catalogue points) use the same shape so one renderer prints them all.
 */
import type { CalcResult } from "../calc/types.ts";
import type { Evidence } from "./schema.ts";

export interface Explained extends CalcResult {
  /** Evidence tag of the weakest catalogue/protocol value the number rests on, when known. */
  evidence?: Evidence;
  note?: string;
}

export function explained(
  calculator: string,
  value: number,
  unit: string,
  parts: {
    formula: string;
    inputs?: Record<string, number | string>;
    constants?: Record<string, number>;
    source: string;
    evidence?: Evidence;
    note?: string;
    method?: string;
  },
): Explained {
  const out: Explained = {
    calculator,
    value,
    unit,
    method: parts.method ?? calculator,
    formula: parts.formula,
    constants: parts.constants ?? {},
    inputs: parts.inputs ?? {},
    source: parts.source,
  };
  if (parts.evidence) out.evidence = parts.evidence;
  if (parts.note) out.note = parts.note;
  return out;
}

const RANK: Record<Evidence, number> = { S: 0, C: 1, S2: 2, U: 3 };

/** The weakest of several evidence tags (U < S2 < C < S). */
export function weakest(...tags: (Evidence | undefined)[]): Evidence {
  let worst: Evidence = "S";
  for (const t of tags) if (t && RANK[t] > RANK[worst]) worst = t;
  return worst;
}

/** Multi-line text for `perfuse plan --explain`: one block per number. */
export function explainText(key: string, e: Explained): string {
  const fmt = (v: number | string) => (typeof v === "number" ? String(Number(v.toPrecision(6))) : v);
  const lines = [`${key} = ${fmt(e.value)} ${e.unit}`, `  formula:   ${e.formula}`];
  const inputs = Object.entries(e.inputs);
  if (inputs.length > 0) lines.push(`  inputs:    ${inputs.map(([k, v]) => `${k}=${fmt(v)}`).join(", ")}`);
  const constants = Object.entries(e.constants);
  if (constants.length > 0)
    lines.push(`  constants: ${constants.map(([k, v]) => `${k}=${fmt(v)}`).join(", ")}`);
  lines.push(`  source:    ${e.source}${e.evidence ? ` [${e.evidence}]` : ""}`);
  if (e.note) lines.push(`  note:      ${e.note}`);
  return lines.join("\n");
}
