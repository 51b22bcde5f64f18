/**
 * Lab draws: the sample is taken at the draw time (values frozen then) and the result returns after
 * a turnaround in simulated time, as with point-of-care analysers next to the pump. Pure; the worker
 * runs it on simulation time so pausing or fast-forwarding moves the turnaround with the simulation.
 *
 * Default turnarounds are settings (change them with `turnaroundS`), chosen from manufacturers'
 * stated analysis times plus about a minute for sampling and handling:
 * - blood gas with electrolytes, glucose and lactate: 120 s (cartridge analysers such as Abbott
 *   i-STAT state results in about 2 minutes; Radiometer ABL90 FLEX states 35 s per sample);
 * - ACT: the test IS a clotting time, so the result comes after the measured ACT plus 30 s handling;
 * - haemoglobin by photometer (HemoCue Hb 201+: result in under a minute): 60 s.
 */

export type LabPanelName = "bloodGas" | "act" | "hb";

export interface LabAnalyte {
  /**
   * Engine signal read at the draw. When the running simulation has no signal by this name (checked at the draw
   * against its signal list), the analyte shows "not modelled".
   */
  signal: string;
  label: string;
  unit: string;
  /** Internal value × scale = shown value. */
  scale: number;
  digits: number;
  /** A second unit shown alongside (e.g. glucose in mg/dL next to mmol/L): shown value × scale. */
  alt?: { unit: string; scale: number; digits: number };
}

/**
 * Glucose: mmol/L → mg/dL. The molar mass of glucose, C6H12O6, is 180.16 g/mol, so 1 mmol/L = 180.16 mg/L =
 * 18.016 mg/dL.
 */
export const GLUCOSE_MG_DL_PER_MMOL_L = 18.016;

/** Signals the console reads when the engine exposes them (an engine branch adds them); else "not modelled". */
export const POTASSIUM_SIGNAL = "patient.potassium";
export const GLUCOSE_SIGNAL = "patient.glucose";

export interface LabPanel {
  name: LabPanelName;
  label: string;
  /** Fixed turnaround (s), or "act" for the ACT's own clotting time + handling. */
  turnaroundS: number | "act";
  analytes: LabAnalyte[];
}

export const ACT_HANDLING_S = 30;

export const LAB_PANELS: readonly LabPanel[] = [
  {
    name: "bloodGas",
    label: "Blood gas",
    turnaroundS: 120,
    analytes: [
      { signal: "patient.ph", label: "pH", unit: "", scale: 1, digits: 2 },
      { signal: "patient.pao2", label: "PaO₂", unit: "mmHg", scale: 1, digits: 0 },
      { signal: "patient.paco2", label: "PaCO₂", unit: "mmHg", scale: 1, digits: 0 },
      { signal: "patient.sao2", label: "SaO₂", unit: "%", scale: 100, digits: 0 },
      { signal: "patient.hb", label: "Hb", unit: "g/dL", scale: 1, digits: 1 },
      { signal: "patient.hct", label: "Hct", unit: "%", scale: 100, digits: 0 },
      { signal: "patient.lactate", label: "Lactate", unit: "mmol/L", scale: 1, digits: 1 },
      { signal: POTASSIUM_SIGNAL, label: "K⁺", unit: "mmol/L", scale: 1, digits: 1 },
      {
        signal: GLUCOSE_SIGNAL,
        label: "Glucose",
        unit: "mmol/L",
        scale: 1,
        digits: 1,
        alt: { unit: "mg/dL", scale: GLUCOSE_MG_DL_PER_MMOL_L, digits: 0 },
      },
    ],
  },
  {
    name: "act",
    label: "ACT",
    turnaroundS: "act",
    analytes: [{ signal: "patient.act", label: "ACT", unit: "s", scale: 1, digits: 0 }],
  },
  {
    name: "hb",
    label: "Hb (photometer)",
    turnaroundS: 60,
    analytes: [{ signal: "patient.hb", label: "Hb", unit: "g/dL", scale: 1, digits: 1 }],
  },
];

export interface LabValue {
  label: string;
  unit: string;
  /** Shown value, or null when not modelled. */
  value: number | null;
  text: string;
  /** The value in the second unit (e.g. "99 mg/dL"), when the analyte has one and a value. */
  altText?: string;
}

export interface LabResult {
  id: number;
  panel: LabPanelName;
  label: string;
  drawnAtS: number;
  resultAtS: number;
  values: LabValue[];
}

export class LabQueue {
  private nextId = 1;
  private readonly pending: LabResult[] = [];

  /**
   * Takes a sample now; `read(signal)` gives the internal value, `has(signal)` whether the simulation exposes
   * the signal at all (without it the analyte is "not modelled"). Returns the pending result.
   */
  draw(
    panelName: LabPanelName,
    timeS: number,
    read: (signal: string) => number,
    has: (signal: string) => boolean = () => true,
  ): LabResult {
    const panel = LAB_PANELS.find((p) => p.name === panelName);
    if (!panel) throw new Error(`unknown lab panel ${panelName}`);
    const values = panel.analytes.map((a): LabValue => {
      if (!has(a.signal)) return { label: a.label, unit: a.unit, value: null, text: "not modelled" };
      const v = read(a.signal) * a.scale;
      const ok = Number.isFinite(v);
      return {
        label: a.label,
        unit: a.unit,
        value: v,
        text: ok ? v.toFixed(a.digits) : "—",
        ...(a.alt && ok ? { altText: `${(v * a.alt.scale).toFixed(a.alt.digits)} ${a.alt.unit}` } : {}),
      };
    });
    const wait =
      panel.turnaroundS === "act" ? Math.max(0, read("patient.act")) + ACT_HANDLING_S : panel.turnaroundS;
    const r: LabResult = {
      id: this.nextId++,
      panel: panel.name,
      label: panel.label,
      drawnAtS: timeS,
      resultAtS: timeS + wait,
      values,
    };
    let k = this.pending.length;
    while (k > 0 && this.pending[k - 1]!.resultAtS > r.resultAtS) k--;
    this.pending.splice(k, 0, r);
    return r;
  }

  /** Results due by `timeS`, in result order (removed from the queue). */
  due(timeS: number): LabResult[] {
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.resultAtS <= timeS) n++;
    return n === 0 ? [] : this.pending.splice(0, n);
  }

  /** Time of the next pending result, or Infinity. */
  nextDueS(): number {
    return this.pending[0]?.resultAtS ?? Number.POSITIVE_INFINITY;
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
