/**
 * The ECMO console's logic: which configuration a closed circuit is (VA or VV, from where the return cannula
 * sits), the ECMO alarm set (the console's limit alarms on the engine's `ecmo.*` signals, with IEC 60601-1-8
 * priorities as the heart–lung machine's), and the pump-speed step of the knob keys. Pure (no clock, no DOM);
 * tested in test/console/ecmo.test.ts.
 *
 * Alarm limits are console settings (the user changes them in the Alarms tab), not clinical recommendations:
 * - drainage (inlet) pressure low < −150 mmHg (medium) and suction < −250 mmHg (high). ELSO teaching keeps the
 *   drainage pressure above about −100 mmHg to limit haemolysis, but the engine's femoral cannula curve is an upper
 *   bound (docs/models/ecmo.md: −126 mmHg at 4.5 L/min through the 24 Fr cannula of the shipped scenarios), so the
 *   default sits below the scenarios' steady state; a kinked or clamped drainage line goes far below (−210 to
 *   −400 mmHg in the engine);
 * - flow low (medium) while the pump is commanded to turn (rpm > 0): adult 1.5, child 0.6, infant 0.3, neonate
 *   0.2 L/min — below these a circuit is at risk of thrombosis and gives little support;
 * - retrograde flow < −0.1 L/min (high): a stopped or slowed centrifugal pump on VA flows backwards from the
 *   artery (the reason the return line is clamped before the pump turns);
 * - oxygenator ΔP high > 80 mmHg (medium): above the engine's 60–68 mmHg at 4–4.5 L/min in the shipped scenarios;
 *   a rising ΔP at the same flow is the sign of membrane clotting;
 * - post-oxygenator saturation low < 95 % (medium) while blood flows (gas supply loss, membrane failure);
 * - SpO₂ right radial low < 90 % (high): on VA the right radial sees what the heart ejects into the arch
 *   (differential hypoxaemia); SpO₂ femoral low < 90 % (medium).
 *
 * The engine's own circuit alarms for a reservoir (level low, level stop) cannot occur on a closed circuit, and its
 * venous-line-pressure (−80 mmHg) and oxygenator-ΔP (150 mmHg) thresholds are CPB settings: on ECMO they are
 * replaced by the console's inlet-pressure and ΔP alarms above, which the user can set.
 */
import type { CircuitPlan } from "../sim/index.ts";
import { COMPARTMENT_NAMES } from "../sim/patient/layout.ts";
import { type AlarmDef, type AlarmPriority, circuitAlarms, defaultAlarms } from "./alarms.ts";

export type EcmoConfig = "VA" | "VV" | "other";

/** Systemic arterial compartments: a return cannula here makes veno-arterial ECMO. */
const ARTERIAL = new Set([
  "aorticRoot",
  "ascendingAorta",
  "descendingAorta",
  "upperBodyArteries",
  "lowerBodyArteries",
]);
/** Systemic venous compartments and the right atrium: a return here makes veno-venous ECMO. */
const VENOUS = new Set(["rightAtrium", "svc", "ivc", "upperBodyVeins", "lowerBodyVeins"]);

/** The ECMO configuration of a circuit plan, or null for an open (CPB) circuit. */
export function ecmoConfiguration(plan: CircuitPlan | null): EcmoConfig | null {
  if (!plan?.closed) return null;
  const vessel = COMPARTMENT_NAMES[plan.arterialCannula.vessel];
  if (vessel !== undefined && ARTERIAL.has(vessel)) return "VA";
  if (vessel !== undefined && VENOUS.has(vessel)) return "VV";
  return "other";
}

/** Circuit alarm keys (src/sim/circuit/alarms.ts) not used on ECMO: see the file comment. */
export const ECMO_EXCLUDED_CIRCUIT_ALARMS: readonly string[] = [
  "levelLow",
  "levelStop",
  "venousPressureLow",
  "oxygenatorDeltaPHigh",
];

/** Low-flow limit (L/min) by age band (console settings, see the file comment). */
export function ecmoLowFlowLPerMin(ageYears: number): number {
  return ageYears < 1 / 12 ? 0.2 : ageYears < 1 ? 0.3 : ageYears < 12 ? 0.6 : 1.5;
}

/** The ECMO console's limit alarms. */
export function ecmoAlarms(ageYears: number): AlarmDef[] {
  return [
    {
      id: "ecmo-suction",
      label: "Suction: drainage pressure very low",
      priority: "high",
      signal: "ecmo.inletPressure",
      low: -250,
      delayS: 1,
      latching: true,
      unit: "mmHg",
    },
    {
      id: "ecmo-inlet-low",
      label: "Drainage (inlet) pressure low",
      priority: "medium",
      signal: "ecmo.inletPressure",
      low: -150,
      delayS: 2,
      unit: "mmHg",
      suppressedBy: "ecmo-suction",
    },
    {
      id: "ecmo-backflow",
      label: "Retrograde flow through the pump",
      priority: "high",
      signal: "ecmo.flow",
      low: -0.1,
      delayS: 2,
      latching: true,
      unit: "L/min",
    },
    {
      id: "ecmo-flow-low",
      label: "ECMO flow low",
      priority: "medium",
      signal: "ecmo.flow",
      low: ecmoLowFlowLPerMin(ageYears),
      delayS: 5,
      unit: "L/min",
      armed: { signal: "ecmo.rpm", above: 0 },
      suppressedBy: "ecmo-backflow",
    },
    {
      id: "ecmo-deltap-high",
      label: "Oxygenator ΔP high",
      priority: "medium",
      signal: "ecmo.deltaP",
      high: 80,
      delayS: 5,
      unit: "mmHg",
    },
    {
      id: "ecmo-postso2-low",
      label: "Post-oxygenator saturation low",
      priority: "medium",
      signal: "ecmo.postSo2",
      low: 95,
      delayS: 10,
      displayScale: 100,
      unit: "%",
      armed: { signal: "ecmo.flow", above: 0.3 },
    },
    {
      id: "spo2-rr-low",
      label: "SpO₂ right radial low",
      priority: "high",
      signal: "patient.sao2RightRadial",
      low: 90,
      delayS: 10,
      displayScale: 100,
      unit: "%",
    },
    {
      id: "spo2-fem-low",
      label: "SpO₂ femoral low",
      priority: "medium",
      signal: "patient.sao2Femoral",
      low: 90,
      delayS: 10,
      displayScale: 100,
      unit: "%",
    },
  ];
}

/**
 * Every alarm of a console: the patient monitor's, the circuit's alarm word and, on ECMO, the ECMO alarms (the
 * monitor's single SpO₂ alarm then gives way to the right radial and femoral ones, and the circuit's
 * reservoir/CPB-threshold alarms are left out).
 */
export function consoleAlarms(
  ageYears: number,
  ecmo: EcmoConfig | null,
  circuitTable: readonly { key: string; bit: number; name: string; priority: AlarmPriority }[],
): AlarmDef[] {
  if (ecmo === null) return [...defaultAlarms(ageYears), ...circuitAlarms(circuitTable)];
  return [
    ...defaultAlarms(ageYears).filter((a) => a.id !== "spo2-low"),
    ...circuitAlarms(circuitTable.filter((a) => !ECMO_EXCLUDED_CIRCUIT_ALARMS.includes(a.key))),
    ...ecmoAlarms(ageYears),
  ];
}

/** One press of the speed keys (+ / −) or the knob's buttons (rpm). */
export const RPM_STEP = 100;

/**
 * The pump speed after a step from the current speed: rounded to the step, within 0 and the pump's maximum.
 * NaN current speed (no signal yet) counts as stopped.
 */
export function stepRpm(currentRpm: number, delta: number, maxRpm: number): number {
  const base = Number.isFinite(currentRpm) ? currentRpm : 0;
  const next = Math.round((base + delta) / RPM_STEP) * RPM_STEP;
  return Math.max(0, Math.min(maxRpm, next));
}
