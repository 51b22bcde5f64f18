/**
 * Resting targets per reference patient, interpolated in log(weight) between anchors. The circulation
 * is parameterised *from* these targets (docs/models/scaling.md), so every patient starts near its
 * own equilibrium. Sources next to each anchor; ranges they must fall in are in the tests.
 */
import type { PatientSpec } from "./spec.ts";

export interface RestingTargets {
  weightKg: number;
  bsaM2: number;
  hr: number; // 1/min
  sbp: number; // mmHg
  dbp: number; // mmHg
  cvp: number; // mmHg, mean right atrial
  papMean: number; // mmHg
  papSys: number;
  papDia: number;
  lap: number; // mmHg, mean left atrial
  coMlPerMin: number;
  bloodVolumeMl: number;
  /** Fraction of systemic flow to the upper body (head, brain, arms) returning by the SVC. */
  upperBodyFlowFraction: number;
  /** Fraction of cardiac output through the coronary circulation. */
  coronaryFlowFraction: number;
  hct: number;
  vo2MlPerMin: number;
  /** Resting urine output (mL/min). */
  urineMlPerMin: number;
}

interface Anchor {
  w: number;
  hr: number;
  sbp: number;
  dbp: number;
  cvp: number;
  papSys: number;
  papDia: number;
  lap: number;
  /** Cardiac index L/min/m². */
  ci: number;
  /** Blood volume mL/kg. */
  bvPerKg: number;
  upper: number;
  hct: number;
  /** VO2 mL/kg/min at 37 °C. */
  vo2PerKg: number;
  /** Urine mL/kg/h. */
  urinePerKgH: number;
}

/**
 * Anchors (weight kg):
 * - 3.5 kg term neonate: HR, SBP/DBP, PAP, CVP within Explain's term-neonate probe ranges (HR 100–160,
 *   SBP 55–90, DBP 30–55, PAP 18–40/5–20, CVP 2–8; physiology-and-engines §5.3); CI 3.8 L/min/m² gives
 *   ≈ 240 mL/kg/min (Doppler normal 200–325, 249 ± 34 mL/kg/min, §5.3); blood volume 85 mL/kg (term
 *   80–90, reference-data §2); VO2 6.5 mL/kg/min (Evans 1978, reference-data §8); upper-body (SVC)
 *   share of systemic flow ≈ 0.45 (Kluckow & Evans, Arch Dis Child Fetal Neonatal Ed 2000;82:F182).
 * - 8 kg infant (≈ 9 months): HR 80–120, BP 80–100/55–65 (Nelson Textbook of Pediatrics 17th ed.
 *   vital-sign table, 6–12 months); blood volume 82 mL/kg (Linderkamp 7–12 months, reference-data §2).
 * - 20 kg child (≈ 6 years): HR 65–110, BP 95–120/60–75 (same Nelson table, 3–12 years);
 *   blood volume 77 mL/kg (Linderkamp 4–6 years).
 * - 80 kg adult: HR 60–100, SBP 100–140, DBP 60–90, CVP 2–6, PAP 15–30/4–12, PCWP 4–12, CO ≈ 5.6 L/min
 *   (Pulse validation table, §5.1); blood volume 70 mL/kg men / 65 women (reference-data §2);
 *   VO2 ≈ 3.2 mL/kg/min (250 mL/min, Guyton; §5.2); SVC share ≈ 1/3 of venous return.
 * Urine: 1 mL/kg/h adult, 2 mL/kg/h infant/neonate (common maintenance targets, see docs).
 */
const ANCHORS: Anchor[] = [
  {
    w: 3.5,
    hr: 135,
    sbp: 70,
    dbp: 42,
    cvp: 5,
    papSys: 28,
    papDia: 12,
    lap: 6,
    ci: 3.8,
    bvPerKg: 85,
    upper: 0.45,
    hct: 0.5,
    vo2PerKg: 6.5,
    urinePerKgH: 2,
  },
  {
    w: 8,
    hr: 115,
    sbp: 92,
    dbp: 58,
    cvp: 5,
    papSys: 24,
    papDia: 10,
    lap: 7,
    ci: 3.6,
    bvPerKg: 82,
    upper: 0.4,
    hct: 0.35,
    vo2PerKg: 5.5,
    urinePerKgH: 2,
  },
  {
    w: 20,
    hr: 92,
    sbp: 106,
    dbp: 66,
    cvp: 5,
    papSys: 22,
    papDia: 9,
    lap: 7,
    ci: 3.4,
    bvPerKg: 77,
    upper: 0.35,
    hct: 0.37,
    vo2PerKg: 4.5,
    urinePerKgH: 1.5,
  },
  {
    w: 80,
    hr: 70,
    sbp: 120,
    dbp: 78,
    cvp: 4,
    papSys: 22,
    papDia: 9,
    lap: 8,
    ci: 2.8,
    bvPerKg: 70,
    upper: 0.33,
    hct: 0.42,
    vo2PerKg: 3.2,
    urinePerKgH: 1,
  },
];

function interp(w: number, pick: (a: Anchor) => number): number {
  const first = ANCHORS[0]!;
  const last = ANCHORS[ANCHORS.length - 1]!;
  if (w <= first.w) return pick(first);
  if (w >= last.w) return pick(last);
  for (let i = 1; i < ANCHORS.length; i++) {
    const a = ANCHORS[i - 1]!;
    const b = ANCHORS[i]!;
    if (w <= b.w) {
      const f = (Math.log(w) - Math.log(a.w)) / (Math.log(b.w) - Math.log(a.w));
      return pick(a) + f * (pick(b) - pick(a));
    }
  }
  return pick(last);
}

/** Body surface area, Mosteller 1987 (N Engl J Med 317:1098): √(H·W/3600). */
export function bsaMosteller(weightKg: number, heightCm: number): number {
  return Math.sqrt((weightKg * heightCm) / 3600);
}

export function restingTargets(p: PatientSpec): RestingTargets {
  const w = p.weightKg;
  const bsaM2 = bsaMosteller(w, p.heightCm);
  const adult = w >= 40 && p.ageYears >= 14;
  // Adult women: blood volume 65 mL/kg, Hct 0.38 (reference-data §2; common reference Hct).
  const bvPerKg = adult && p.sex === "female" ? 65 : interp(w, (a) => a.bvPerKg);
  const hctDefault = adult && p.sex === "female" ? 0.38 : interp(w, (a) => a.hct);
  const papSys = interp(w, (a) => a.papSys);
  const papDia = interp(w, (a) => a.papDia);
  return {
    weightKg: w,
    bsaM2,
    hr: interp(w, (a) => a.hr),
    sbp: interp(w, (a) => a.sbp),
    dbp: interp(w, (a) => a.dbp),
    cvp: interp(w, (a) => a.cvp),
    papSys,
    papDia,
    papMean: papDia + (papSys - papDia) / 3,
    lap: interp(w, (a) => a.lap),
    coMlPerMin: interp(w, (a) => a.ci) * bsaM2 * 1000,
    bloodVolumeMl: bvPerKg * w,
    upperBodyFlowFraction: interp(w, (a) => a.upper),
    coronaryFlowFraction: 0.045,
    hct: p.hct ?? hctDefault,
    vo2MlPerMin: interp(w, (a) => a.vo2PerKg) * w,
    urineMlPerMin: (interp(w, (a) => a.urinePerKgH) * w) / 60,
  };
}
