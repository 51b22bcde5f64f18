/**
 * Resting validation: each preset, settled, against published normal values.
 * Sources are quoted as collected in ../shared/reference/physiology-and-engines.md (§5) and
 * ../shared/reference/reference-data.md; S2 marks a secondary source.
 */
import { bsa } from "../calc/bsa.ts";
import {
  createSimulation,
  type PatientPresetName,
  type PatientSpec,
  patientFromPreset,
} from "../sim/index.ts";
import type { CheckSpec, Experiment, Measurements } from "./types.ts";

/** Settling time before measuring, s (the issue requires every preset to settle within 60 s). */
export const SETTLE_S = 60;
/** Averaging window after settling, s, sampled every AVERAGE_STEP_S. */
export const AVERAGE_S = 30;
export const AVERAGE_STEP_S = 0.5;

/** Signals averaged at rest. */
const REST_SIGNALS = [
  "patient.hr",
  "patient.sbp",
  "patient.dbp",
  "patient.map",
  "patient.cvp",
  "patient.papMean",
  "patient.lap",
  "patient.co",
  "patient.sv",
  "patient.sao2",
  "patient.svo2",
  "patient.pao2",
  "patient.paco2",
  "patient.ph",
  "patient.vo2",
  "patient.vco2",
] as const;

/** Settles a patient and returns the mean of each resting signal over the averaging window. */
export function measureAtRest(patient: PatientSpec, seed = 1): Measurements {
  const sim = createSimulation({ patient, seed });
  sim.advance(SETTLE_S);
  const idx = REST_SIGNALS.map((n) => sim.signalIndex(n));
  const sums = new Float64Array(idx.length);
  const n = Math.round(AVERAGE_S / AVERAGE_STEP_S);
  for (let i = 0; i < n; i++) {
    sim.advance(AVERAGE_STEP_S);
    for (let k = 0; k < idx.length; k++) sums[k]! += sim.read(idx[k]!);
  }
  const m: Record<string, number> = {};
  REST_SIGNALS.forEach((name, k) => {
    m[name] = sums[k]! / n;
  });
  return m;
}

const signal =
  (name: (typeof REST_SIGNALS)[number]) =>
  (m: Measurements): number =>
    m[name] ?? Number.NaN;

const PULSE = "Pulse validation table (SystemValidationData.xlsx), physiology-and-engines.md §5";
const LEEUWEN = `Leeuwen 2015 p93 via ${PULSE}.1`;

const round1 = (x: number) => Math.round(x * 10) / 10;

function adultChecks(p: PatientSpec): CheckSpec[] {
  const bsaM2 = bsa({ weightKg: p.weightKg, heightCm: p.heightCm, method: "dubois" }).value;
  const bmi = p.weightKg / (p.heightCm / 100) ** 2;
  const pao2Expected = 143.6 - 0.39 * p.ageYears - 0.56 * bmi - 0.57 * 40;
  const kleiber = (p.weightKg / 70) ** 0.75;
  return [
    {
      quantity: "heart rate",
      unit: "1/min",
      reference: { kind: "range", low: 60, high: 100 },
      source: `MayoClinic 2022 via ${PULSE}.1`,
      value: signal("patient.hr"),
    },
    {
      quantity: "systolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 100, high: 140 },
      source: LEEUWEN,
      value: signal("patient.sbp"),
    },
    {
      quantity: "diastolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 60, high: 90 },
      source: LEEUWEN,
      value: signal("patient.dbp"),
    },
    {
      quantity: "mean arterial pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 70, high: 105 },
      source: LEEUWEN,
      value: signal("patient.map"),
    },
    {
      quantity: "cardiac output",
      unit: "L/min",
      reference: { kind: "range", low: 4, high: 8 },
      source: "rnceus.com haemodynamic reference card (S2), physiology-and-engines.md §5.1",
      value: signal("patient.co"),
    },
    {
      quantity: "cardiac index (DuBois BSA)",
      unit: "L/min/m²",
      reference: { kind: "range", low: 2.5, high: 4 },
      source: "rnceus.com haemodynamic reference card (S2), physiology-and-engines.md §5.1",
      value: (m) => (m["patient.co"] ?? Number.NaN) / bsaM2,
    },
    {
      quantity: "stroke volume",
      unit: "mL",
      reference: { kind: "range", low: 55.3, high: 93.1 },
      source: `Brandfonbrener 1955; Leeuwen p94 via ${PULSE}.1`,
      value: signal("patient.sv"),
    },
    {
      quantity: "central venous pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 2, high: 6 },
      source: LEEUWEN,
      value: signal("patient.cvp"),
    },
    {
      quantity: "mean pulmonary artery pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 9, high: 18 },
      source: `Leeuwen p93; Edwards 2009 via ${PULSE}.1`,
      value: signal("patient.papMean"),
    },
    {
      quantity: "left atrial pressure (≈ PCWP)",
      unit: "mmHg",
      reference: { kind: "range", low: 4, high: 12 },
      source: LEEUWEN,
      value: signal("patient.lap"),
    },
    {
      quantity: "arterial O2 saturation",
      unit: "fraction",
      reference: { kind: "value", value: 0.97 },
      source: `${PULSE}.2`,
      value: signal("patient.sao2"),
    },
    {
      quantity: "arterial PO2 (for age and BMI)",
      unit: "mmHg",
      reference: {
        kind: "range",
        low: round1(pao2Expected - 1.96 * 7.48),
        high: round1(pao2Expected + 1.96 * 7.48),
      },
      source:
        "Cerveri et al., Am J Respir Crit Care Med 1995;152:934 (194 healthy non-smokers 40–90 y): PaO2 = 143.6 − 0.39·age − 0.56·BMI − 0.57·PaCO2, SEE 7.48 mmHg; range ± 1.96 SEE at PaCO2 40",
      value: signal("patient.pao2"),
    },
    {
      quantity: "arterial PCO2",
      unit: "mmHg",
      reference: { kind: "value", value: 40 },
      source: `${PULSE}.2`,
      value: signal("patient.paco2"),
    },
    {
      quantity: "mixed venous O2 saturation",
      unit: "fraction",
      reference: { kind: "value", value: 0.75 },
      source: `PvO2 40 mmHg (${PULSE}.2) through Severinghaus eq. 1 = 0.7495 (computed)`,
      value: signal("patient.svo2"),
    },
    {
      quantity: "O2 consumption",
      unit: "mL/min",
      reference: { kind: "value", value: round1(250 * kleiber) },
      source: `Guyton: 250 mL/min at 70 kg (${PULSE}.2), scaled by (W/70)^0.75 (Kleiber, Physiol Rev 1947;27:511)`,
      value: signal("patient.vo2"),
    },
    {
      quantity: "CO2 production",
      unit: "mL/min",
      reference: { kind: "value", value: round1(200 * kleiber) },
      source: `Guyton: 200 mL/min at 70 kg (${PULSE}.2), scaled by (W/70)^0.75 (Kleiber 1947)`,
      value: signal("patient.vco2"),
    },
  ];
}

const EXPLAIN_PROBE =
  "Explain engine term-neonate probe ranges (S2, scripts/_probe.mjs), physiology-and-engines.md §5.3";

function neonateChecks(p: PatientSpec): CheckSpec[] {
  return [
    {
      quantity: "heart rate",
      unit: "1/min",
      reference: { kind: "range", low: 100, high: 160 },
      source: EXPLAIN_PROBE,
      value: signal("patient.hr"),
    },
    {
      quantity: "systolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 55, high: 90 },
      source: EXPLAIN_PROBE,
      value: signal("patient.sbp"),
    },
    {
      quantity: "diastolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 30, high: 55 },
      source: EXPLAIN_PROBE,
      value: signal("patient.dbp"),
    },
    {
      quantity: "mean arterial pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 40, high: 60 },
      source: EXPLAIN_PROBE,
      value: signal("patient.map"),
    },
    {
      quantity: "mean pulmonary artery pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 12, high: 30 },
      source: EXPLAIN_PROBE,
      value: signal("patient.papMean"),
    },
    {
      quantity: "central venous pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 2, high: 8 },
      source: EXPLAIN_PROBE,
      value: signal("patient.cvp"),
    },
    {
      quantity: "cardiac output per kg",
      unit: "mL/kg/min",
      reference: { kind: "range", low: 200, high: 325 },
      source:
        "Doppler study of 121 neonates 27–42 wk: 249 ± 34, normal limits 200–325 (physiology-and-engines.md §5.3)",
      value: (m) => ((m["patient.co"] ?? Number.NaN) * 1000) / p.weightKg,
    },
    {
      quantity: "arterial O2 saturation",
      unit: "fraction",
      reference: { kind: "range", low: 0.93, high: 1 },
      source: EXPLAIN_PROBE,
      value: signal("patient.sao2"),
    },
    {
      quantity: "arterial PO2",
      unit: "mmHg",
      reference: { kind: "range", low: 50, high: 85 },
      source: EXPLAIN_PROBE,
      value: signal("patient.pao2"),
    },
    {
      quantity: "arterial PCO2",
      unit: "mmHg",
      reference: { kind: "range", low: 35, high: 45 },
      source: EXPLAIN_PROBE,
      value: signal("patient.paco2"),
    },
    {
      quantity: "arterial pH",
      unit: "",
      reference: { kind: "range", low: 7.3, high: 7.42 },
      source: EXPLAIN_PROBE,
      value: signal("patient.ph"),
    },
    {
      quantity: "O2 consumption per kg",
      unit: "mL/kg/min",
      reference: { kind: "range", low: 5.62, high: 7.42 },
      source:
        "Evans et al., Arch Dis Child 1978;53:330: 6.52 ± 0.90 mL/kg/min, term day 2 (reference-data.md §8, vector 93)",
      value: (m) => (m["patient.vo2"] ?? Number.NaN) / p.weightKg,
    },
  ];
}

const APLS_HR = "APLS ranges as tabulated by Fleming et al., Lancet 2011;377:1011 (web appendix box 1)";
const BP_TABLE =
  "Paediatric blood-pressure reference table (S2: Wikipedia 'Blood pressure', reference ranges by age)";

function infantChecks(): CheckSpec[] {
  return [
    {
      quantity: "heart rate",
      unit: "1/min",
      reference: { kind: "range", low: 110, high: 160 },
      source: `${APLS_HR}, age 0–1 y`,
      value: signal("patient.hr"),
    },
    {
      quantity: "systolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 75, high: 100 },
      source: `${BP_TABLE}, 1–12 months`,
      value: signal("patient.sbp"),
    },
    {
      quantity: "diastolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 50, high: 70 },
      source: `${BP_TABLE}, 1–12 months`,
      value: signal("patient.dbp"),
    },
    {
      quantity: "arterial PCO2",
      unit: "mmHg",
      reference: { kind: "value", value: 40 },
      source: `${PULSE}.2 (adult value; no separate infant norm retrieved)`,
      value: signal("patient.paco2"),
    },
  ];
}

function childChecks(): CheckSpec[] {
  return [
    {
      quantity: "heart rate",
      unit: "1/min",
      reference: { kind: "range", low: 80, high: 120 },
      source: `${APLS_HR}, age 5–10 y`,
      value: signal("patient.hr"),
    },
    {
      quantity: "systolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 85, high: 120 },
      source: `${BP_TABLE}, school age 6–13 y`,
      value: signal("patient.sbp"),
    },
    {
      quantity: "diastolic pressure",
      unit: "mmHg",
      reference: { kind: "range", low: 55, high: 80 },
      source: `${BP_TABLE}, school age 6–13 y`,
      value: signal("patient.dbp"),
    },
    {
      quantity: "arterial PCO2",
      unit: "mmHg",
      reference: { kind: "value", value: 40 },
      source: `${PULSE}.2 (adult value)`,
      value: signal("patient.paco2"),
    },
  ];
}

function checksFor(preset: PatientPresetName, p: PatientSpec): CheckSpec[] {
  switch (preset) {
    case "neonate":
      return neonateChecks(p);
    case "infant":
      return infantChecks();
    case "child":
      return childChecks();
    default:
      return adultChecks(p);
  }
}

export function restingExperiments(presets: readonly PatientPresetName[]): Experiment[] {
  return presets.map((preset) => {
    const patient = patientFromPreset(preset);
    return {
      group: `${preset} at rest`,
      description: `${preset} (${patient.weightKg} kg) settled ${SETTLE_S} s, mean over the next ${AVERAGE_S} s`,
      run: () => measureAtRest(patient),
      checks: checksFor(preset, patient),
    };
  });
}
