/** How the monitor shows each patient signal: label, unit, scale, digits, colour (monitor conventions). */
export interface NumericSpec {
  signal: string;
  label: string;
  unit: string;
  scale?: number;
  digits: number;
}

/** Colours by parameter as on most patient monitors: ECG/HR green, arterial red, CVP blue, SpO2 cyan. */
export const COLOURS = {
  ecg: "#3bff6b",
  art: "#ff4d4d",
  cvp: "#4da6ff",
  pap: "#ffd24d",
  spo2: "#3ee6ff",
  temp: "#f0f0f0",
  co2: "#ffd24d",
  misc: "#d9c2ff",
  /** Pump flow on the trends (ECMO). */
  flow: "#ff9f40",
} as const;

export function formatValue(v: number, digits: number, scale = 1): string {
  if (!Number.isFinite(v)) return "—";
  const s = (v * scale).toFixed(digits);
  // "-0.00" (a stopped roller's slip) reads as a reverse flow: show the rounded value's sign only if non-zero.
  return Number(s) === 0 ? s.replace(/^-/, "") : s;
}
