import { useState } from "preact/hooks";
import type { FieldRange } from "../../../src/console/fields.ts";
import { check, type FieldState } from "./NumberField.tsx";

export interface FieldDef {
  range: FieldRange;
  initial: string;
  optional?: boolean;
}

/** State for a group of number fields; `values(keys)` validates them, shows errors, returns null if any fails. */
export function useFields<K extends string>(defs: Record<K, FieldDef>) {
  const [states, setStates] = useState<Record<K, FieldState>>(() => {
    const s = {} as Record<K, FieldState>;
    for (const k of Object.keys(defs) as K[]) s[k] = { text: defs[k].initial, touched: false };
    return s;
  });
  const bind = (k: K) => ({
    range: defs[k].range,
    state: states[k] as FieldState,
    optional: defs[k].optional,
    onChange: (st: FieldState) => setStates((prev) => ({ ...prev, [k]: st })),
  });
  /** Validates `only` (default: every field). */
  const values = (only?: K[]): Record<K, number | undefined> | null => {
    const out = {} as Record<K, number | undefined>;
    let ok = true;
    const touched = { ...states };
    for (const k of only ?? (Object.keys(defs) as K[])) {
      const p = check(states[k].text, defs[k].range, defs[k].optional);
      touched[k] = { ...states[k], touched: true };
      if (!p.ok) ok = false;
      else out[k] = p.value;
    }
    setStates(touched);
    return ok ? out : null;
  };
  return { bind, values };
}
