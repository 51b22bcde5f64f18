/**
 * The signal registry: every observable of the simulated patient, with its unit. Signal ids are
 * array indices, so reading is a typed-array load (`Simulation.read`).
 */
import { InputError } from "../common/errors.ts";

export interface SignalSpec {
  name: string;
  unit: string;
  description: string;
}

const defs = [
  ["patient.hr", "1/min", "heart rate (per beat; 0 without organised beats)"],
  ["patient.sbp", "mmHg", "systolic arterial pressure (ascending aorta, last beat)"],
  ["patient.dbp", "mmHg", "diastolic arterial pressure (last beat)"],
  ["patient.map", "mmHg", "mean arterial pressure (last beat or 2 s window)"],
  ["patient.cvp", "mmHg", "central venous (right atrial) pressure, mean over the last beat"],
  ["patient.papMean", "mmHg", "mean pulmonary artery pressure (last beat)"],
  ["patient.lap", "mmHg", "mean left atrial pressure (last beat; ≈ PCWP)"],
  ["patient.co", "L/min", "cardiac output through the aortic valve (last beat)"],
  ["patient.sv", "mL", "stroke volume (last beat)"],
  ["patient.sao2", "fraction", "arterial O2 saturation (fraction)"],
  ["patient.svo2", "fraction", "mixed venous (pulmonary artery) O2 saturation (fraction)"],
  ["patient.pao2", "mmHg", "arterial PO2"],
  ["patient.paco2", "mmHg", "arterial PCO2"],
  ["patient.ph", "", "arterial pH"],
  ["patient.hb", "g/dL", "arterial haemoglobin concentration"],
  ["patient.hct", "fraction", "arterial haematocrit (fraction)"],
  ["patient.lactate", "mmol/L", "arterial lactate"],
  ["patient.tempCore", "°C", "core temperature"],
  ["patient.vo2", "mL/min", "whole-body O2 consumption"],
  ["patient.vco2", "mL/min", "whole-body CO2 production"],
  ["patient.act", "s", "activated clotting time"],
  ["patient.bloodVolume", "mL", "total intravascular blood volume"],
  ["patient.aop", "mmHg", "instantaneous ascending aortic pressure (waveform)"],
  ["patient.cvpWave", "mmHg", "instantaneous right atrial pressure (waveform)"],
  ["patient.papWave", "mmHg", "instantaneous pulmonary artery pressure (waveform)"],
  ["patient.lvPressure", "mmHg", "instantaneous left ventricular pressure"],
  ["patient.lvVolume", "mL", "instantaneous left ventricular volume"],
  ["patient.svr", "mmHg·s/mL", "systemic vascular resistance (MAP − CVP)/CO, last beat"],
  ["patient.pvr", "mmHg·s/mL", "pulmonary vascular resistance (PAP − LAP)/CO, last beat"],
  ["patient.tempPeriphery", "°C", "peripheral (shell) temperature"],
  ["patient.urineOutput", "mL", "cumulative urine output"],
  ["patient.bleedingTotal", "mL", "cumulative blood lost through bleeding"],
  ["patient.fluidTotal", "mL", "cumulative fluid given"],
  ["patient.etco2", "mmHg", "end-tidal (alveolar) PCO2"],
  ["patient.do2", "mL/min", "systemic O2 delivery (CO × CaO2)"],
  ["patient.coronaryFlow", "mL/min", "coronary blood flow (last beat)"],
  ["patient.upperBodyFlow", "mL/min", "flow to the upper body (head and arms), last beat"],
  ["patient.heparin", "U/mL", "plasma heparin concentration (arterial)"],
  ["patient.potassium", "mmol/L", "arterial plasma K+"],
  ["patient.glucose", "mmol/L", "arterial blood glucose"],
] as const;

export const SIGNALS: readonly SignalSpec[] = defs.map(([name, unit, description]) => ({
  name,
  unit,
  description,
}));
export type SignalName = (typeof defs)[number][0];

export const S = Object.fromEntries(defs.map(([name], i) => [name.replace("patient.", ""), i])) as {
  [K in SignalName as K extends `patient.${infer N}` ? N : never]: number;
};

const byName = new Map(SIGNALS.map((s, i) => [s.name, i]));

export function signalIndexOf(name: string): number {
  const i = byName.get(name);
  if (i === undefined) {
    throw new InputError({
      field: "signal",
      allowed: `a known signal, e.g. ${similarNames(name).join(", ")}`,
      received: name,
    });
  }
  return i;
}

/** Up to five known names closest to `name` (shared substring, then edit distance). */
export function similarNames(name: string): string[] {
  const lower = name.toLowerCase();
  const scored = SIGNALS.map((s) => ({ n: s.name, d: editDistance(lower, s.name.toLowerCase()) }));
  scored.sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  return scored.slice(0, 5).map((s) => s.n);
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
