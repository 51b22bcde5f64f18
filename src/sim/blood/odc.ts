// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Oxygen dissociation curve and O2 content for the simulation's slow loop.
 *
 * Kelman GR, "Digital computer subroutine for the conversion of oxygen tension into saturation",
 * J Appl Physiol 1966;21:1375-6: a rational function of the "virtual" PO2 x, where x folds temperature,
 * pH and PCO2 into the standard-condition curve. Coefficients and the virtual-PO2 formula as in
 * shared/reference/reference-data.md §4.4 (same constants in three independent public codes).
 *
 * The temperature term 0.024·(37 − T) is the shift at constant pH (Severinghaus 1958); the pH and PCO2
 * passed in are therefore the in vivo values at the blood's temperature (see docs/models/blood-gases.md).
 *
 * Hot-path rules: numbers in, number out, no allocation, no validation; inputs are clamped so that
 * no NaN can come out (PO2 < 0 → 0, PCO2 ≥ 0.1 mmHg, Hb ≥ 0).
 */

/** Kelman 1966 coefficients a1…a7 (reference §4.4); the one copy in Perfuse. */
export const KELMAN_COEFFICIENTS = {
  a1: -8532.2289,
  a2: 2121.401,
  a3: -67.073989,
  a4: 935960.87,
  a5: -31346.258,
  a6: 2396.1674,
  a7: -67.104406,
} as const;
const { a1: A1, a2: A2, a3: A3, a4: A4, a5: A5, a6: A6, a7: A7 } = KELMAN_COEFFICIENTS;

/** Hüfner's constant, mL O2 per g Hb (anaesthesiauk, reference §4.1). */
export const HUFNER_ML_PER_G = 1.34;
/** O2 solubility in blood, mL O2 per dL per mmHg at 37 °C (anaesthesiauk, Bartlett 2016; reference §4.1). */
export const O2_SOLUBILITY_ML_PER_DL_PER_MMHG = 0.003;

/**
 * Below this virtual PO2 (mmHg) Kelman's polynomial is replaced by a power law S = S_L·(x/X_LOW)^n with
 * value and slope matched at X_LOW, so the curve starts at S(0) = 0, stays monotone and is C¹.
 * (Kelman's rational function turns negative below x ≈ 4.7 mmHg.)
 */
const X_LOW = 10;

/**
 * Powers as exponentials: V8's `**` (Math.pow) costs about 200 ns a call, Math.exp and Math.log about 30 ns each; the
 * results agree to a few ulp (≤ 3e-15 relative), float noise (docs/models/engine.md, performance).
 */
const LN10 = Math.LN10;
/** (x/X_LOW)^N_LOW for x > 0. */
function lowBranchPower(x: number): number {
  return Math.exp(N_LOW * Math.log(x / X_LOW));
}

/** Kelman's rational function itself (no low-PO2 branch): valid above a virtual PO2 of about 10 mmHg. */
export function kelmanRational(x: number): number {
  const num = x * (A1 + x * (A2 + x * (A3 + x)));
  const den = A4 + x * (A5 + x * (A6 + x * (A7 + x)));
  return num / den;
}

function kelmanRationalSlope(x: number): number {
  const num = x * (A1 + x * (A2 + x * (A3 + x)));
  const den = A4 + x * (A5 + x * (A6 + x * (A7 + x)));
  const dNum = A1 + x * (2 * A2 + x * (3 * A3 + 4 * x));
  const dDen = A5 + x * (2 * A6 + x * (3 * A7 + 4 * x));
  return (dNum * den - num * dDen) / (den * den);
}

const S_LOW = kelmanRational(X_LOW);
/** Hill-like exponent of the low-PO2 branch: n = x·S'/S at X_LOW (≈ 2.2). */
const N_LOW = (X_LOW * kelmanRationalSlope(X_LOW)) / S_LOW;

/** Saturation (fraction) on the standard curve at virtual PO2 x (mmHg). */
export function kelmanSaturation(x: number): number {
  if (!(x > 0)) return 0;
  if (x < X_LOW) return S_LOW * lowBranchPower(x);
  const s = kelmanRational(x);
  return s > 1 ? 1 : s;
}

/** dS/dx of `kelmanSaturation` (per mmHg). */
export function kelmanSaturationSlope(x: number): number {
  if (!(x > 0)) return 0;
  if (x < X_LOW) return (N_LOW * S_LOW * lowBranchPower(x)) / x;
  const s = kelmanRational(x);
  return s >= 1 ? 0 : kelmanRationalSlope(x);
}

/**
 * Factor k with virtual PO2 x = k·PO2: 10^[0.024·(37 − T) + 0.40·(pH − 7.40) + 0.06·log10(40 / PCO2)].
 * Acidosis, hypercapnia and fever make k < 1 (curve shifts right); hypothermia and alkalosis make k > 1.
 */
export function virtualPo2Factor(tempC: number, ph: number, pco2MmHg: number): number {
  const pco2 = pco2MmHg > 0.1 ? pco2MmHg : 0.1;
  // 10^(a + 0.06·log10(40/PCO2)) = e^(a·ln 10 + 0.06·ln(40/PCO2)).
  return Math.exp(LN10 * (0.024 * (37 - tempC) + 0.4 * (ph - 7.4)) + 0.06 * Math.log(40 / pco2));
}

/**
 * Argument and result registers of the kernels (single-threaded). The exported functions copy their numbers here and
 * call a kernel with none: V8 inlines the small wrappers into hot callers, so no number is boxed at the call whether
 * or not the kernel itself is inlined (docs/models/engine.md, performance). [0..4] arguments, [5] result.
 */
const ARG = new Float64Array(6);

/**
 * Register interface for hot loops whose callers may not be inlined into (src/sim/exchange/membrane.ts): write the
 * arguments into ODC_IO as the wrappers do — [0] PO2 or O2 content, [1] °C, [2] pH, [3] PCO2, [4] Hb — call the `…Io`
 * kernel (no arguments, nothing to box) and read the result from ODC_IO[5].
 */
export {
  ARG as ODC_IO,
  o2ContentFromPo2Kernel as o2ContentFromPo2Io,
  po2FromO2ContentKernel as po2FromO2ContentIo,
  so2FromPo2Kernel as so2FromPo2Io,
};

/**
 * Last (°C, pH, PCO2) → virtual-PO2 factor: the gas exchanger asks for the same blood state four times in a row
 * (PO2 from content twice, content at the gas PO2, SO2); the cache returns the identical number.
 */
const VPF = new Float64Array([Number.NaN, Number.NaN, Number.NaN, 0]);
/**
 * The kernels' helpers take and return no numbers (registers instead, formulas written out): a kernel may be inlined
 * into a large caller whose inlining budget is spent, and a helper call left out of line would then box its numbers.
 * virtualFactorOfArgs: VPF[3] = virtualPo2Factor(ARG[1], ARG[2], ARG[3]), cached.
 */
function virtualFactorOfArgs(): void {
  const tempC = ARG[1]!;
  const ph = ARG[2]!;
  const pco2MmHg = ARG[3]!;
  if (tempC === VPF[0] && ph === VPF[1] && pco2MmHg === VPF[2]) return;
  const pco2 = pco2MmHg > 0.1 ? pco2MmHg : 0.1;
  VPF[0] = tempC;
  VPF[1] = ph;
  VPF[2] = pco2MmHg;
  VPF[3] = Math.exp(LN10 * (0.024 * (37 - tempC) + 0.4 * (ph - 7.4)) + 0.06 * Math.log(40 / pco2));
}

/** KX[1] = kelmanSaturation(KX[0]), KX[2] = kelmanSaturationSlope(KX[0]) (same formulas, written out). */
const KX = new Float64Array(3);
function kelmanAtRegister(): void {
  const x = KX[0]!;
  if (!(x > 0)) {
    KX[1] = 0;
    KX[2] = 0;
    return;
  }
  if (x < X_LOW) {
    const pw = Math.exp(N_LOW * Math.log(x / X_LOW));
    KX[1] = S_LOW * pw;
    KX[2] = (N_LOW * S_LOW * pw) / x;
    return;
  }
  const num = x * (A1 + x * (A2 + x * (A3 + x)));
  const den = A4 + x * (A5 + x * (A6 + x * (A7 + x)));
  const sr = num / den;
  KX[1] = sr > 1 ? 1 : sr;
  if (sr >= 1) {
    KX[2] = 0;
    return;
  }
  const dNum = A1 + x * (2 * A2 + x * (3 * A3 + 4 * x));
  const dDen = A5 + x * (2 * A6 + x * (3 * A7 + 4 * x));
  KX[2] = (dNum * den - num * dDen) / (den * den);
}

/** Haemoglobin O2 saturation (fraction 0–1) from PO2 (mmHg) at the blood's temperature, pH and PCO2. */
export function so2FromPo2(po2MmHg: number, tempC: number, ph: number, pco2MmHg: number): number {
  ARG[0] = po2MmHg;
  ARG[1] = tempC;
  ARG[2] = ph;
  ARG[3] = pco2MmHg;
  so2FromPo2Kernel();
  return ARG[5]!;
}

function so2FromPo2Kernel(): void {
  const po2MmHg = ARG[0]!;
  if (!(po2MmHg > 0)) {
    ARG[5] = 0;
    return;
  }
  virtualFactorOfArgs();
  KX[0] = po2MmHg * VPF[3]!;
  kelmanAtRegister();
  ARG[5] = KX[1]!;
}

/**
 * O2 content (mL O2/dL blood) = 1.34·Hb·SO2 + 0.003·PO2 (reference §4.1). The dissolved coefficient is kept
 * at its 37 °C value: no sourced temperature dependence was found (documented limit).
 */
export function o2ContentFromPo2(
  po2MmHg: number,
  hbGPerDl: number,
  tempC: number,
  ph: number,
  pco2MmHg: number,
): number {
  ARG[0] = po2MmHg;
  ARG[1] = tempC;
  ARG[2] = ph;
  ARG[3] = pco2MmHg;
  ARG[4] = hbGPerDl;
  o2ContentFromPo2Kernel();
  return ARG[5]!;
}

function o2ContentFromPo2Kernel(): void {
  const po2MmHg = ARG[0]!;
  if (!(po2MmHg > 0)) {
    ARG[5] = 0;
    return;
  }
  const hbGPerDl = ARG[4]!;
  const hb = hbGPerDl > 0 ? hbGPerDl : 0;
  virtualFactorOfArgs();
  KX[0] = po2MmHg * VPF[3]!;
  kelmanAtRegister();
  ARG[5] = HUFNER_ML_PER_G * hb * KX[1]! + O2_SOLUBILITY_ML_PER_DL_PER_MMHG * po2MmHg;
}

/**
 * Inverse of `o2ContentFromPo2`: PO2 (mmHg) from O2 content (mL/dL). Content is strictly increasing in PO2
 * (the dissolved term alone has slope 0.003), so the root is unique. Safeguarded Newton: Newton steps on PO2
 * with the analytic slope, falling back to bisection whenever a step leaves the current bracket.
 * Converges to |ΔPO2| ≤ 1e-9·PO2 + 1e-7 mmHg; no allocation.
 */
export function po2FromO2Content(
  o2ContentMlPerDl: number,
  hbGPerDl: number,
  tempC: number,
  ph: number,
  pco2MmHg: number,
): number {
  ARG[0] = o2ContentMlPerDl;
  ARG[1] = tempC;
  ARG[2] = ph;
  ARG[3] = pco2MmHg;
  ARG[4] = hbGPerDl;
  po2FromO2ContentKernel();
  return ARG[5]!;
}

function po2FromO2ContentKernel(): void {
  const c = ARG[0]!;
  if (!(c > 0)) {
    ARG[5] = 0;
    return;
  }
  const hbGPerDl = ARG[4]!;
  virtualFactorOfArgs();
  const k = VPF[3]!;
  const a = HUFNER_ML_PER_G * (hbGPerDl > 0 ? hbGPerDl : 0);
  const s = O2_SOLUBILITY_ML_PER_DL_PER_MMHG;
  // Bracket: f(0) = −c < 0; f(c/s) ≥ 0 because the Hb term is ≥ 0.
  let lo = 0;
  let hi = c / s;
  // Start: if the Hb could hold all the O2 at S ≤ 0.9, guess from the Severinghaus-like shape; else from the
  // dissolved part above a nearly saturated Hb.
  let p: number;
  const sTarget = a > 0 ? c / a : 2;
  if (sTarget < 0.9) {
    // Hill approximation with P50 26.8 and n 2.7 around the steep part, in virtual PO2, then back to PO2.
    p = (26.8 * Math.exp(Math.log(sTarget / (1 - sTarget)) / 2.7)) / k;
  } else {
    p = (c - a * 0.98) / s;
    if (p < 60 / k) p = 60 / k;
  }
  if (!(p > lo && p < hi)) p = 0.5 * (lo + hi);
  for (let i = 0; i < 100; i++) {
    KX[0] = k * p;
    kelmanAtRegister();
    const f = a * KX[1]! + s * p - c;
    if (f > 0) hi = p;
    else lo = p;
    const df = a * k * KX[2]! + s;
    const newton = -f / df;
    if ((newton < 0 ? -newton : newton) <= 1e-10 * p + 1e-8) {
      p += newton;
      break;
    }
    let next = p + newton;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = next - p;
    p = next;
    if ((step < 0 ? -step : step) <= 1e-9 * p + 1e-7) break;
  }
  ARG[5] = p;
}
