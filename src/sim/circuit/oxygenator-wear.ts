// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Oxygenator wear over days (docs/models/ecmo.md, "Oxygenator degradation"): a clot burden B (0–1) that grows with
 * time on the circuit, faster with weak anticoagulation and low blood flow, and the heparin the clot consumes.
 *
 * Growth (autocatalytic: deposits grow on deposits, so a membrane fails slowly, then quickly):
 *   dB/dt = k · fHep(C) · fFlow(Q) · accel · (B_SEED + B) · (1 − B)
 * Closed form for constant factors (K = k·fHep·fFlow·accel, s = B_SEED):
 *   (1/(1 + s)) · ln((s + B)/(s·(1 − B))) = K·t   →   B(t) = s·(e^x − 1)/(1 + s·e^x),  x = K·(1 + s)·t  (from B = 0)
 *
 * B is the fraction of the fibre bundle's flow paths blocked and membrane area lost: the circuit sets the
 * oxygenator's OXS_CLOT_FRACTION to 1 − (1 − B)(1 − 0.95·fault), so the blood-side resistance goes as 1/(1 − B)
 * (ΔP doubles at B = 0.5) and the O2/CO2 diffusing capacities as (1 − B) (oxygenator.ts).
 *
 * Calibration [U: model assumption on published figures]: at a plasma heparin (anti-Xa) of 0.3 U/mL and blood flow
 * ≥ 30 % of the oxygenator's maximum, B reaches 0.5 (ΔP doubled) in 10 days. 0.3 U/mL is the lower end of the anti-Xa
 * targets used on ECMO (0.3–0.6 U/mL in neonatal ECMO, Am J Clin Pathol 2010;134:950; adult ECMO runs at a median
 * 0.28 U/mL, Nguyen et al., Crit Care Res Pract 2021:5579936). Regensburg registry: 9 (6–15) days of VV ECMO per
 * patient, 83 of 265 patients needed at least one system exchange, most of them for oxygenator or pump-head clot,
 * worsening gas transfer or clot-related coagulopathy (Lubnow et al., PLoS One 2014;9:e112316): membranes typically
 * last days to weeks. fHep = exp((0.3 − C)/0.144): ×8 unheparinised, ×0.125 at 0.6 U/mL [U]; fFlow: stasis,
 * × Q_ref/Q below Q_ref, at most ×10 [U]. The driver is the heparin level, not the ACT: on ECMO the ACT tracks
 * anti-Xa poorly (r = 0.33 in adults, Nguyen 2021; no correlation with the heparin dose in neonates on VA ECMO, ACT
 * 167 ± 20 s at anti-Xa 0.73), and the model's ACT (calibrated on bypass doses) reads 130–150 s at ECMO levels on
 * its default 120 s baseline.
 *
 * Heparin consumed by the clot (thrombin generated on the clot surface is neutralised by antithrombin–heparin):
 * an extra clearance of the circuit's plasma, CL = CL_MAX · B (mL plasma/min) [U: 10 mL/min at B = 1, about a tenth
 * of the body's own heparin clearance at ECMO levels, ≈ 90 mL/min at 0.25 U/mL in an 80 kg adult (docs/models/
 * drugs.md, saturable clearance)]. With B rising, a fixed infusion gives a
 * falling ACT: the drift that makes ACT-guided infusions climb over a run.
 *
 * Pure functions on a small Float64Array state (WEAR_*); nothing allocated.
 */

/** Clot burden, 0–1. */
export const WEAR_BURDEN = 0;
/** Growth rate of the last step, 1/s (for the console and tests). */
export const WEAR_RATE_PER_S = 1;
/** Seconds accumulated since the last wear step (the circuit steps wear once a second). */
export const WEAR_CLOCK_S = 2;
export const WEAR_SIZE = 3;

export function createWearState(): Float64Array {
  return new Float64Array(WEAR_SIZE);
}

/** Seed burden of the autocatalytic growth: the clean membrane's own thrombogenic surface [U]. */
export const WEAR_SEED = 0.02;
/** Plasma heparin (anti-Xa, U/mL) at which fHep = 1: the lower end of the ECMO anti-Xa targets (see above). */
export const WEAR_HEPARIN_REF_U_PER_ML = 0.3;
/** Heparin e-folding (U/mL): fHep = exp((0.3 − C)/0.144), ×8 with no heparin [U]. */
export const WEAR_HEPARIN_SCALE_U_PER_ML = WEAR_HEPARIN_REF_U_PER_ML / Math.log(8);
/** Flow below which stasis speeds clotting, as a fraction of the oxygenator's maximum flow [U]. */
export const WEAR_LOW_FLOW_FRACTION = 0.3;
/** Largest stasis factor (a stopped circuit) [U]. */
export const WEAR_MAX_FLOW_FACTOR = 10;
/** Days to B = 0.5 at the reference heparin level and flow (calibration, see above) [U]. */
export const WEAR_DAYS_TO_HALF = 10;
/** Heparin clearance by a fully clotted circuit, mL plasma/min [U]. */
export const WEAR_HEPARIN_CL_MAX_ML_PER_MIN = 10;

/** Base rate k (1/s) so that B goes 0 → 0.5 in WEAR_DAYS_TO_HALF days at fHep = fFlow = 1. */
export const WEAR_K_PER_S =
  Math.log((WEAR_SEED + 0.5) / (WEAR_SEED * 0.5)) / ((1 + WEAR_SEED) * WEAR_DAYS_TO_HALF * 86400);

/**
 * wearHeparinFactor's and wearFlowFactor's kernel: WEAR_IO[1] plasma heparin (U/mL), [2] flow, [3] maximum flow
 * (L/min) → [14] anticoagulation factor exp((0.3 − C)/0.144) capped to [0.01, 20], [15] stasis factor Q_ref/Q below
 * Q_ref = 0.3 × maximum flow, at most 10 (no flow). Registers: see WEAR_IO.
 */
export function wearFactorsIo(): void {
  const c = WEAR_IO[1]!;
  const f = Math.exp((WEAR_HEPARIN_REF_U_PER_ML - (c > 0 ? c : 0)) / WEAR_HEPARIN_SCALE_U_PER_ML);
  WEAR_IO[14] = f > 20 ? 20 : f < 0.01 ? 0.01 : f;
  const flowLPerMin = WEAR_IO[2]!;
  const qRef = WEAR_LOW_FLOW_FRACTION * WEAR_IO[3]!;
  WEAR_IO[15] = !(flowLPerMin > qRef / WEAR_MAX_FLOW_FACTOR)
    ? WEAR_MAX_FLOW_FACTOR
    : flowLPerMin >= qRef
      ? 1
      : qRef / flowLPerMin;
}

/** Anticoagulation factor at plasma heparin C (U/mL): exp((0.3 − C)/0.144), capped to [0.01, 20]. */
export function wearHeparinFactor(heparinUPerMl: number): number {
  WEAR_IO[1] = heparinUPerMl;
  WEAR_IO[2] = 1;
  WEAR_IO[3] = 1;
  wearFactorsIo();
  return WEAR_IO[14]!;
}

/** Stasis factor: Q_ref/Q below Q_ref = 0.3 × maximum flow, at most 10 (no flow). */
export function wearFlowFactor(flowLPerMin: number, maxFlowLPerMin: number): number {
  WEAR_IO[1] = WEAR_HEPARIN_REF_U_PER_ML;
  WEAR_IO[2] = flowLPerMin;
  WEAR_IO[3] = maxFlowLPerMin;
  wearFactorsIo();
  return WEAR_IO[15]!;
}

/** Growth rate dB/dt (1/s) at burden b. `accel` ≥ 1 speeds time up (fault injection for training). */
export function clotGrowthPerS(
  b: number,
  heparinUPerMl: number,
  flowLPerMin: number,
  maxFlowLPerMin: number,
  accel: number,
): number {
  const x = b < 0 ? 0 : b > 1 ? 1 : b;
  return (
    WEAR_K_PER_S *
    wearHeparinFactor(heparinUPerMl) *
    wearFlowFactor(flowLPerMin, maxFlowLPerMin) *
    accel *
    (WEAR_SEED + x) *
    (1 - x)
  );
}

/**
 * Register interface (the pattern of AB_IO/ODC_IO/EQ_IO, docs/models/engine.md, what allocates): the circuit's
 * once-a-second long-run step (src/sim/cpb/long-run.ts) runs these `…Io` kernels with every number passed through
 * WEAR_IO, none as an argument or return value, so nothing is boxed although V8 does not inline a call taken once a
 * second. The exported functions with number parameters are wrappers that fill WEAR_IO and run the same kernel.
 *   stepWearIo(state):        [0] dt (s), [1] plasma heparin (U/mL), [2] flow (L/min), [3] oxygenator's maximum
 *                             flow (L/min),
 *                             [4] acceleration → state
 *   wearAccelerationIo():     [5] `oxygenatorWear` fault severity → [6] acceleration
 *   combinedClotFractionIo(): [7] burden, [8] `oxygenatorClotting` fault severity → [9] clot fraction
 *   heparinLeftAfterClotIo(): [10] burden, [11] circuit plasma (mL), [12] dt (s) → [13] fraction of heparin left
 *   wearFactorsIo():          [1] heparin, [2] flow, [3] maximum flow → [14] heparin factor, [15] flow factor
 */
export const WEAR_IO = new Float64Array(16);

/** stepWear's kernel: WEAR_IO[0..4] → state (closed form, see stepWear). */
export function stepWearIo(state: Float64Array): void {
  const dtS = WEAR_IO[0]!;
  const accel = WEAR_IO[4]!;
  const b0 = state[WEAR_BURDEN]!;
  wearFactorsIo();
  const kEff = WEAR_K_PER_S * WEAR_IO[14]! * WEAR_IO[15]! * (accel > 0 ? accel : 0);
  const s = WEAR_SEED;
  // z = (s + B)/(1 − B) grows as exp(K(1 + s)t).
  const z0 = (s + b0) / (1 - (b0 < 0.999999 ? b0 : 0.999999));
  const z = z0 * Math.exp(kEff * (1 + s) * dtS);
  const b = (z - s) / (1 + z);
  // The burden never falls (no lysis in the model): near B = 1 the capped denominator above could return a value a
  // rounding error below b0.
  state[WEAR_BURDEN] = b > 1 ? 1 : b < b0 ? (b0 > 0 ? b0 : 0) : b;
  state[WEAR_RATE_PER_S] = kEff * (s + state[WEAR_BURDEN]!) * (1 - state[WEAR_BURDEN]!);
}

/**
 * Advances the burden by dtS with the factors held constant, using the closed form (exact for any dt, so a once-a-
 * second or once-a-minute call gives the same curve).
 */
export function stepWear(
  state: Float64Array,
  dtS: number,
  heparinUPerMl: number,
  flowLPerMin: number,
  maxFlowLPerMin: number,
  accel: number,
): void {
  WEAR_IO[0] = dtS;
  WEAR_IO[1] = heparinUPerMl;
  WEAR_IO[2] = flowLPerMin;
  WEAR_IO[3] = maxFlowLPerMin;
  WEAR_IO[4] = accel;
  stepWearIo(state);
}

/** Burden reached from 0 after tS at constant factors (closed form, for tests and docs). */
export function wearBurdenAt(
  tS: number,
  heparinUPerMl: number,
  flowLPerMin: number,
  maxFlowLPerMin: number,
): number {
  const k = WEAR_K_PER_S * wearHeparinFactor(heparinUPerMl) * wearFlowFactor(flowLPerMin, maxFlowLPerMin);
  const e = Math.exp(k * (1 + WEAR_SEED) * tS);
  return (WEAR_SEED * (e - 1)) / (1 + WEAR_SEED * e);
}

/** wearAcceleration's kernel: WEAR_IO[5] severity → WEAR_IO[6]. */
export function wearAccelerationIo(): void {
  const severity = WEAR_IO[5]!;
  WEAR_IO[6] = severity > 0 ? 10 ** (3 * (severity < 1 ? severity : 1)) : 1;
}

/**
 * Acceleration for the `oxygenatorWear` fault: 10^(3·severity) (severity 1: a thousand times faster, 10 days in
 * about 15 minutes), 1 when the fault is not injected.
 */
export function wearAcceleration(severity: number): number {
  WEAR_IO[5] = severity;
  wearAccelerationIo();
  return WEAR_IO[6]!;
}

/** combinedClotFraction's kernel: WEAR_IO[7] burden, [8] fault severity → WEAR_IO[9]. */
export function combinedClotFractionIo(): void {
  WEAR_IO[9] = 1 - (1 - WEAR_IO[7]!) * (1 - 0.95 * WEAR_IO[8]!);
}

/** Oxygenator clot fraction from the wear burden and the `oxygenatorClotting` fault (0.95 × severity). */
export function combinedClotFraction(burden: number, clotFaultSeverity: number): number {
  WEAR_IO[7] = burden;
  WEAR_IO[8] = clotFaultSeverity;
  combinedClotFractionIo();
  return WEAR_IO[9]!;
}

/** heparinLeftAfterClot's kernel: WEAR_IO[10] burden, [11] plasma mL, [12] dt s → WEAR_IO[13]. */
export function heparinLeftAfterClotIo(): void {
  const b = WEAR_IO[10]!;
  const vPlasmaMl = WEAR_IO[11]!;
  WEAR_IO[13] =
    !(vPlasmaMl > 1e-9) || !(b > 0)
      ? 1
      : Math.exp((-(WEAR_HEPARIN_CL_MAX_ML_PER_MIN / 60) * b * WEAR_IO[12]!) / vPlasmaMl);
}

/** Fraction of heparin left in circuit plasma of volume vPlasmaMl after dtS of clot consumption at burden b. */
export function heparinLeftAfterClot(b: number, vPlasmaMl: number, dtS: number): number {
  WEAR_IO[10] = b;
  WEAR_IO[11] = vPlasmaMl;
  WEAR_IO[12] = dtS;
  heparinLeftAfterClotIo();
  return WEAR_IO[13]!;
}
