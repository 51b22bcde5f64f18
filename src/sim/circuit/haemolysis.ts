// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Haemolysis indicator (docs/models/ecmo.md, "Haemolysis"): plasma free haemoglobin F (mg/dL of plasma) and the
 * haptoglobin binding capacity H (mg Hb/dL) that clears it.
 *
 *   dF/dt = G − k_b·min(F, H) − k_u·max(0, F − H)
 *   dH/dt = G0 + k_s·(H0 − H) − k_b·min(F, H)
 *
 * Sources and assumptions:
 * - Haptoglobin–haemoglobin complexes are cleared quickly (CD163, liver/macrophages; t½ ≈ 10–30 min, textbook
 *   range): k_b = ln2/20 min [U: middle of the range]. Hb in excess of haptoglobin is cleared slowly (kidney,
 *   tissue uptake): k_u = ln2/4 h [U]. Plasma Hb clearance after acute haemolysis at open-heart surgery was
 *   mostly not renal (Mechanisms of plasma hemoglobin clearance after acute hemolysis, Scilit abstract).
 * - Haptoglobin H0 = 100 mg Hb/dL (plasma haptoglobin 0.5–3.2 g/L binds about its own mass of Hb [U]); turnover
 *   t½ 4 days [U: textbook 3.5–5 d], plus synthesis that matches the physiological free-Hb load G0 at rest.
 * - Physiological intravascular haemolysis G0 = 1 mg/dL/h (≈ 10 % of the 7.5 g/day red-cell turnover of an adult
 *   into 3 L of plasma [U]) → resting F ≈ 0.5 mg/dL.
 * - Pump shear: Hb released per volume pumped, the normalised index of haemolysis NIH (g/100 L), scaling with
 *   shear stress^2.416 (Giersiepen et al., Int J Artif Organs 1990;13:300) and shear ∝ rpm:
 *   G_pump = NIH_ref·(rpm/3000)^2.416·Q/100 [g/min] → mg/dL/h over the plasma volume; NIH_ref 0.005 g/100 L
 *   at 3000 rpm [U: order of modern centrifugal pumps in vitro].
 * - Suction at the pump inlet (a collapsing vein, chatter, cavitation): G_suction = 2·((−P_in − 100)/50)² mg/dL/h
 *   below −100 mmHg [U]. High flow through small drainage cannulae raised free Hb in the Regensburg VV cohort
 *   (Lehle et al., PLoS One 2015, PMC4659553).
 * - Clot: G_clot = 3·B mg/dL/h [U; small on purpose: in the same cohort oxygenator thrombosis did not raise free Hb,
 *   pump-head thrombosis did, and pump-head replacement normalised it within two days].
 * Alarm: 50 mg/dL (500 mg/L), the critical value of Lehle et al. 2015 and the "severe haemolysis" marker of Omar
 * et al. (PLoS One 2015;10:e0124034), the usual ELSO trigger. Survivors in Lehle's cohort peaked at 9 (6–14) mg/dL.
 * Released Hb is not removed from the blood's Hb (at 50 mg/dL in 3 L of plasma it is 1.5 g of ≈ 900 g).
 */

export const HAEM_FREE_HB = 0; // mg/dL plasma
export const HAEM_HAPTO = 1; // mg Hb/dL binding capacity left
export const HAEM_GEN = 2; // generation of the last step, mg/dL/h
export const HAEM_SIZE = 3;

export const HAEM_ALARM_MG_PER_DL = 50;
export const HAEM_BASELINE_GEN_MG_PER_DL_PER_H = 1;
export const HAEM_HAPTO_NORMAL_MG_PER_DL = 100;
export const HAEM_BOUND_HALF_LIFE_S = 20 * 60;
export const HAEM_UNBOUND_HALF_LIFE_S = 4 * 3600;
export const HAEM_HAPTO_HALF_LIFE_S = 4 * 86400;
export const HAEM_NIH_REF_G_PER_100L = 0.005;
export const HAEM_RPM_REF = 3000;
export const HAEM_SHEAR_EXPONENT = 2.416;
export const HAEM_SUCTION_THRESHOLD_MMHG = -100;
export const HAEM_SUCTION_GEN_MG_PER_DL_PER_H = 2;
export const HAEM_CLOT_GEN_MG_PER_DL_PER_H = 3;

const KB = Math.LN2 / HAEM_BOUND_HALF_LIFE_S;
const KU = Math.LN2 / HAEM_UNBOUND_HALF_LIFE_S;
const KS = Math.LN2 / HAEM_HAPTO_HALF_LIFE_S;

/** Resting state: haptoglobin full, F at its physiological steady state G0/k_b. */
export function createHaemolysisState(): Float64Array {
  const s = new Float64Array(HAEM_SIZE);
  s[HAEM_HAPTO] = HAEM_HAPTO_NORMAL_MG_PER_DL;
  s[HAEM_FREE_HB] = HAEM_BASELINE_GEN_MG_PER_DL_PER_H / 3600 / KB;
  s[HAEM_GEN] = HAEM_BASELINE_GEN_MG_PER_DL_PER_H;
  return s;
}

/**
 * Register interface (the pattern of AB_IO/ODC_IO/EQ_IO, docs/models/engine.md, what allocates): the circuit's
 * once-a-second long-run step (src/sim/cpb/long-run.ts) runs these `…Io` kernels with every number passed through
 * HAEM_IO, none as an argument or return value, so nothing is boxed although V8 does not inline a call taken once a
 * second. The exported functions with number parameters are wrappers that fill HAEM_IO and run the same kernel.
 *   freeHbGenerationIo(): [0] pump rpm, [1] flow (L/min), [2] pump inlet pressure (mmHg), [3] clot burden,
 *                         [4] plasma volume (mL) → [5] generation (mg/dL/h)
 *   stepHaemolysisIo(state): [6] generation (mg/dL/h), [7] dt (s) → state
 */
export const HAEM_IO = new Float64Array(8);

/** freeHbGenerationMgPerDlPerH's kernel: HAEM_IO[0..4] → HAEM_IO[5]. */
export function freeHbGenerationIo(): void {
  const rpm = HAEM_IO[0]!;
  const flowLPerMin = HAEM_IO[1]!;
  const inletPressureMmHg = HAEM_IO[2]!;
  const clotBurden = HAEM_IO[3]!;
  const plasmaMl = HAEM_IO[4]!;
  // Pump shear: NIH (g/100 L) × flow → g Hb/min → mg/h, over plasma in dL.
  const pump =
    rpm > 0 && flowLPerMin > 0 && plasmaMl > 1
      ? ((HAEM_NIH_REF_G_PER_100L * (rpm / HAEM_RPM_REF) ** HAEM_SHEAR_EXPONENT * flowLPerMin) / 100) *
        1000 *
        60 *
        (100 / plasmaMl)
      : 0;
  const x = (HAEM_SUCTION_THRESHOLD_MMHG - inletPressureMmHg) / 50;
  const suction =
    inletPressureMmHg < HAEM_SUCTION_THRESHOLD_MMHG && flowLPerMin > 0
      ? HAEM_SUCTION_GEN_MG_PER_DL_PER_H * x * x
      : 0;
  const clot = clotBurden > 0 ? HAEM_CLOT_GEN_MG_PER_DL_PER_H * (clotBurden < 1 ? clotBurden : 1) : 0;
  // One sum, no reassigned variable: written as `let g = G0; g += …` (a module constant grown by doubles) the
  // optimised kernel allocated ≈ 48 B a call (3 heap numbers; measured with test/sim/alloc-probe.ts), this form
  // nothing. x + 0 = x, so the terms not taken change no bit.
  HAEM_IO[5] = HAEM_BASELINE_GEN_MG_PER_DL_PER_H + pump + suction + clot;
}

/**
 * Free-Hb generation (mg/dL plasma per hour) by the circuit: pump shear, inlet suction and clot, plus the
 * physiological G0. plasmaMl: the patient's plasma volume (patient and circuit).
 */
export function freeHbGenerationMgPerDlPerH(
  rpm: number,
  flowLPerMin: number,
  inletPressureMmHg: number,
  clotBurden: number,
  plasmaMl: number,
): number {
  HAEM_IO[0] = rpm;
  HAEM_IO[1] = flowLPerMin;
  HAEM_IO[2] = inletPressureMmHg;
  HAEM_IO[3] = clotBurden;
  HAEM_IO[4] = plasmaMl;
  freeHbGenerationIo();
  return HAEM_IO[5]!;
}

/** stepHaemolysis's kernel: HAEM_IO[6] generation (mg/dL/h), [7] dt (s) → state. */
export function stepHaemolysisIo(state: Float64Array): void {
  const genMgPerDlPerH = HAEM_IO[6]!;
  const dtS = HAEM_IO[7]!;
  const f = state[HAEM_FREE_HB]!;
  const h = state[HAEM_HAPTO]!;
  const bound = f < h ? f : h;
  const unbound = f > h ? f - h : 0;
  const g = genMgPerDlPerH / 3600;
  const clearedBound = KB * bound * dtS;
  const fNew = f + g * dtS - clearedBound - KU * unbound * dtS;
  const hNew =
    h +
    (HAEM_BASELINE_GEN_MG_PER_DL_PER_H / 3600 + KS * (HAEM_HAPTO_NORMAL_MG_PER_DL - h)) * dtS -
    clearedBound;
  state[HAEM_FREE_HB] = fNew > 0 ? fNew : 0;
  state[HAEM_HAPTO] = hNew > 0 ? hNew : 0;
  state[HAEM_GEN] = genMgPerDlPerH;
}

/**
 * Advances F and H by dtS (explicit; stable for dtS ≪ 20 min — the circuit calls it once a second, tests once a
 * minute) at generation genMgPerDlPerH.
 */
export function stepHaemolysis(state: Float64Array, genMgPerDlPerH: number, dtS: number): void {
  HAEM_IO[6] = genMgPerDlPerH;
  HAEM_IO[7] = dtS;
  stepHaemolysisIo(state);
}

/** Steady-state free Hb (mg/dL) for a constant generation while haptoglobin lasts (G/k_b). */
export function freeHbSteadyWithHaptoglobin(genMgPerDlPerH: number): number {
  return genMgPerDlPerH / 3600 / KB;
}

/** Steady-state free Hb (mg/dL) once haptoglobin is exhausted (G/k_u, haptoglobin held at 0). */
export function freeHbSteadyWithoutHaptoglobin(genMgPerDlPerH: number): number {
  return genMgPerDlPerH / 3600 / KU;
}
