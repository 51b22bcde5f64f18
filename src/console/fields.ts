/**
 * Input fields of the console: the allowed range of each numeric field comes from the engine's zod
 * action schemas (or the patient limits), so the console refuses at the field exactly what the engine
 * would refuse, and shows the range. Pure, for Node tests and the browser.
 */
import { actionSchema } from "../sim/index.ts";

export interface FieldRange {
  min: number;
  max: number;
  /** Unit shown next to the field. */
  unit: string;
  /** Shown value = internal value × scale (e.g. FiO2 fraction shown as %). */
  scale?: number;
  integer?: boolean;
}

interface NumberCheck {
  minValue?: number | null;
  maxValue?: number | null;
  unwrap?: () => unknown;
}

/** [min, max] of a numeric field of an action type in the engine's schema, or null if there is none. */
export function engineActionRange(type: string, field: string): { min: number; max: number } | null {
  const options =
    (actionSchema as unknown as { options?: { shape: Record<string, unknown> }[] }).options ?? [];
  const option = options.find((o) => (o.shape.type as { value?: unknown } | undefined)?.value === type);
  let node = option?.shape[field] as NumberCheck | undefined;
  for (let i = 0; i < 4 && node && !("minValue" in node) && node.unwrap; i++)
    node = node.unwrap() as NumberCheck;
  if (!node || typeof node.minValue !== "number" || typeof node.maxValue !== "number") return null;
  return { min: node.minValue, max: node.maxValue };
}

/** The choices of an enum field of an action type in the engine's schema (e.g. `clamp.set` `clamp`), or null. */
export function engineActionChoices(type: string, field: string): string[] | null {
  const options =
    (actionSchema as unknown as { options?: { shape: Record<string, unknown> }[] }).options ?? [];
  const option = options.find((o) => (o.shape.type as { value?: unknown } | undefined)?.value === type);
  let node = option?.shape[field] as { options?: unknown; unwrap?: () => unknown } | undefined;
  for (let i = 0; i < 4 && node && !Array.isArray(node.options) && node.unwrap; i++)
    node = node.unwrap() as typeof node;
  return node && Array.isArray(node.options) ? (node.options as string[]).map(String) : null;
}

/** The field range for an action field, in shown units. */
export function actionFieldRange(
  type: string,
  field: string,
  unit: string,
  opts: { scale?: number; integer?: boolean; max?: number } = {},
): FieldRange {
  const r = engineActionRange(type, field);
  if (!r) throw new Error(`the engine has no numeric field ${type}.${field}`);
  const scale = opts.scale ?? 1;
  // A console may be stricter than the engine (never looser): `max` narrows the shown range.
  const max = Math.min(r.max * scale, opts.max ?? Number.POSITIVE_INFINITY);
  return { min: r.min * scale, max, unit, scale, integer: opts.integer };
}

export function describeRange(r: FieldRange): string {
  return `${fmt(r.min)}–${fmt(r.max)}${r.unit ? ` ${r.unit}` : ""}${r.integer ? ", whole number" : ""}`;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

export type FieldParse = { ok: true; value: number; shown: number } | { ok: false; message: string };

/**
 * Parses what the user typed. Empty, non-numbers, out-of-range and (when asked) non-integers are
 * refused with a message naming the allowed range; `value` is in internal units (shown / scale).
 */
export function parseField(text: string, r: FieldRange): FieldParse {
  const trimmed = text.trim().replace(",", ".");
  const allowed = `allowed ${describeRange(r)}`;
  if (trimmed === "") return { ok: false, message: `Required: ${allowed}` };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
    return { ok: false, message: `Not a number: ${allowed}` };
  }
  const shown = Number(trimmed);
  if (!Number.isFinite(shown)) return { ok: false, message: `Not a number: ${allowed}` };
  if (r.integer && !Number.isInteger(shown)) return { ok: false, message: `Whole number: ${allowed}` };
  if (shown < r.min) return { ok: false, message: `Too low: ${allowed}` };
  if (shown > r.max) return { ok: false, message: `Too high: ${allowed}` };
  return { ok: true, value: shown / (r.scale ?? 1), shown };
}
