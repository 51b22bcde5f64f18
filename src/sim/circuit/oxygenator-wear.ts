// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Oxygenator wear over days (docs/models/ecmo.md, "Oxygenator degradation"): a clot burden B (0–1) that grows with
 * time on the circuit, faster with weak anticoagulation and low blood flow, and the heparin the clot consumes.
 *
 * Growth (autocatalytic: deposits grow on deposits, so a membrane fails slowly, then quickly):
 *   dB/dt = k · fAct(ACT) · fFlow(Q) · accel · (B_SEED + B) · (1 − B)
 * Closed form for constant factors (K = k·fAct·fFlow·accel, s = B_SEED):
 *   (1/(1 + s)) · ln((s + B)/(s·(1 − B))) = K·t   →   B(t) = s·(e^x − 1)/(1 + s·e^x),  x = K·(1 + s)·t  (from B = 0)
 *
 * B is the fraction of the fibre bundle's flow paths blocked and membrane area lost: the circuit sets the
 * oxygenator's OXS_CLOT_FRACTION to 1 − (1 − B)(1 − 0.95·fault), so the blood-side resistance goes as 1/(1 − B)
 * (ΔP doubles at B = 0.5) and the O2/CO2 diffusing capacities as (1 − B) (oxygenator.ts).
 *
 * Calibration [U: model assumption on published figures]: at ACT 200 s (the middle of the usual 180–220 s target)
 * and blood flow ≥ 30 % of the oxygenator's maximum, B reaches 0.5 (ΔP doubled) in 10 days. Regensburg registry:
 * 9 (6–15) days of VV ECMO per patient, 83 of 265 patients needed at least one system exchange, most of them for
 * oxygenator or pump-head clot, worsening gas transfer or clot-related coagulopathy (Lubnow et al., PLoS One
 * 2014;9:e112316): membranes typically last days to weeks. fAct: ×8 at an unheparinised ACT of 120 s, ×0.2 at
 * 260 s (exponential in ACT, e-fold per 38.5 s [U]); fFlow: stasis, × Q_ref/Q below Q_ref, at most ×10 [U].
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
/** ACT (s) at which fAct = 1: middle of the 180–220 s ECMO target range. */
export const WEAR_ACT_REF_S = 200;
/** ACT e-folding (s): fAct = exp((200 − ACT)/38.5): ×8 at 120 s, ×0.21 at 260 s [U]. */
export const WEAR_ACT_SCALE_S = 38.5;
/** Flow below which stasis speeds clotting, as a fraction of the oxygenator's maximum flow [U]. */
export const WEAR_LOW_FLOW_FRACTION = 0.3;
/** Largest stasis factor (a stopped circuit) [U]. */
export const WEAR_MAX_FLOW_FACTOR = 10;
/** Days to B = 0.5 at the reference ACT and flow (calibration, see above) [U]. */
export const WEAR_DAYS_TO_HALF = 10;
/** Heparin clearance by a fully clotted circuit, mL plasma/min [U]. */
export const WEAR_HEPARIN_CL_MAX_ML_PER_MIN = 10;

/** Base rate k (1/s) so that B goes 0 → 0.5 in WEAR_DAYS_TO_HALF days at fAct = fFlow = 1. */
export const WEAR_K_PER_S =
  Math.log((WEAR_SEED + 0.5) / (WEAR_SEED * 0.5)) / ((1 + WEAR_SEED) * WEAR_DAYS_TO_HALF * 86400);

/**
 * wearActFactor's and wearFlowFactor's kernel: WEAR_IO[1] ACT (s), [2] flow, [3] maximum flow (L/min) →
 * [14] anticoagulation factor exp((200 − ACT)/38.5) capped to [0.01, 20], [15] stasis factor Q_ref/Q below
 * Q_ref = 0.3 × maximum flow, at most 10 (no flow). Registers: see WEAR_IO.
 */
export function wearFactorsIo(): void {
  const f = Math.exp((WEAR_ACT_REF_S - WEAR_IO[1]!) / WEAR_ACT_SCALE_S);
  WEAR_IO[14] = f > 20 ? 20 : f < 0.01 ? 0.01 : f;
  const flowLPerMin = WEAR_IO[2]!;
  const qRef = WEAR_LOW_FLOW_FRACTION * WEAR_IO[3]!;
  WEAR_IO[15] = !(flowLPerMin > qRef / WEAR_MAX_FLOW_FACTOR)
    ? WEAR_MAX_FLOW_FACTOR
    : flowLPerMin >= qRef
      ? 1
      : qRef / flowLPerMin;
}

/** Anticoagulation factor: exp((200 − ACT)/38.5), capped to [0.01, 20]. */
export function wearActFactor(actS: number): number {
  WEAR_IO[1] = actS;
  WEAR_IO[2] = 1;
  WEAR_IO[3] = 1;
  wearFactorsIo();
  return WEAR_IO[14]!;
}

/** Stasis factor: Q_ref/Q below Q_ref = 0.3 × maximum flow, at most 10 (no flow). */
export function wearFlowFactor(flowLPerMin: number, maxFlowLPerMin: number): number {
  WEAR_IO[1] = WEAR_ACT_REF_S;
  WEAR_IO[2] = flowLPerMin;
  WEAR_IO[3] = maxFlowLPerMin;
  wearFactorsIo();
  return WEAR_IO[15]!;
}

/** Growth rate dB/dt (1/s) at burden b. `accel` ≥ 1 speeds time up (fault injection for training). */
export function clotGrowthPerS(
  b: number,
  actS: number,
  flowLPerMin: number,
  maxFlowLPerMin: number,
  accel: number,
): number {
  const x = b < 0 ? 0 : b > 1 ? 1 : b;
  return (
    WEAR_K_PER_S *
    wearActFactor(actS) *
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
 *   stepWearIo(state):        [0] dt (s), [1] ACT (s), [2] flow (L/min), [3] oxygenator's maximum flow (L/min),
 *                             [4] acceleration → state
 *   wearAccelerationIo():     [5] `oxygenatorWear` fault severity → [6] acceleration
 *   combinedClotFractionIo(): [7] burden, [8] `oxygenatorClotting` fault severity → [9] clot fraction
 *   heparinLeftAfterClotIo(): [10] burden, [11] circuit plasma (mL), [12] dt (s) → [13] fraction of heparin left
 *   wearFactorsIo():          [1] ACT, [2] flow, [3] maximum flow → [14] ACT factor, [15] flow factor
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
  state[WEAR_BURDEN] = b > 1 ? 1 : b < 0 ? 0 : b;
  state[WEAR_RATE_PER_S] = kEff * (s + state[WEAR_BURDEN]!) * (1 - state[WEAR_BURDEN]!);
}

/**
 * Advances the burden by dtS with the factors held constant, using the closed form (exact for any dt, so a once-a-
 * second or once-a-minute call gives the same curve).
 */
export function stepWear(
  state: Float64Array,
  dtS: number,
  actS: number,
  flowLPerMin: number,
  maxFlowLPerMin: number,
  accel: number,
): void {
  WEAR_IO[0] = dtS;
  WEAR_IO[1] = actS;
  WEAR_IO[2] = flowLPerMin;
  WEAR_IO[3] = maxFlowLPerMin;
  WEAR_IO[4] = accel;
  stepWearIo(state);
}

/** Burden reached from 0 after tS at constant factors (closed form, for tests and docs). */
export function wearBurdenAt(tS: number, actS: number, flowLPerMin: number, maxFlowLPerMin: number): number {
  const k = WEAR_K_PER_S * wearActFactor(actS) * wearFlowFactor(flowLPerMin, maxFlowLPerMin);
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
