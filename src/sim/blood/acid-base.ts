// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Acid–base state of whole blood from what the engine carries: whole-blood total CO2 (tco2, mmol/L),
 * base excess (BE, mmol/L, referred to fully oxygenated blood, so it does not change when blood gives up O2),
 * Hb and SO2, and temperature.
 *
 * Model, at 37 °C:
 * 1. Van Slyke equation in the form recommended by Lang & Zander (Clin Chem Lab Med 2002;40:404-10), which
 *    includes an oxygen-saturation term (the Haldane effect on the buffer line):
 *      BE = (1 − 0.0143·Hb)·[(HCO3 − 24.26) + (9.5 + 1.63·Hb)·(pH − 7.40)] − 0.2·Hb·(1 − SO2)
 *    with plasma HCO3 from Henderson–Hasselbalch, HCO3 = 0.0304·PCO2·10^(pH − 6.1) (Hb in g/dL).
 * 2. Plasma total CO2 = HCO3 + 0.0304·PCO2; whole-blood total CO2 = plasma total CO2 × the blood/plasma ratio
 *    of Douglas, Jones & Reed (J Appl Physiol 1988;65:473-7):
 *      F = 1 − 0.0289·Hb / [(3.352 − 0.456·SO2)·(8.142 − pH)]
 *    (this term carries the rest of the Haldane effect: deoxygenated red cells hold more CO2).
 * Temperature (reference §4.5): the blood is treated as a closed system whose tco2 and BE do not change with
 * temperature; the model is solved at 37 °C (the values a blood-gas analyser reports at 37 °C, the
 * "alpha-stat" numbers) and then corrected to the blood's temperature with the analyser formulas
 * pH(T) = pH37 + [−0.0147 + 0.0065·(7.4 − pH37)]·(T − 37) (IL 1301/1303) and
 * PCO2(T) = PCO2(37)·10^(0.019·(T − 37)) (Corning/IL). `solveAcidBase` returns the in vivo values at T.
 *
 * Hot-path rules: no allocation, no validation, physical clamps only (HCO3 ≥ 0, F ≥ 0.05, the 37 °C pH kept
 * in [6.0, 8.0], the Douglas ratio evaluated at pH ≤ 7.8). Outside that pH range the round trip is no longer
 * exact but results stay finite.
 */

/** CO2 solubility in plasma, mmol/L/mmHg (Lang & Zander 2002). */
export const CO2_SOLUBILITY_MMOL_PER_L_PER_MMHG = 0.0304;
/** Apparent pK of the CO2–HCO3 system in plasma (Henderson–Hasselbalch, Lang & Zander 2002). */
export const PK_CO2 = 6.1;
/** Plasma HCO3 at pH 7.40, PCO2 40 mmHg, 37 °C (Lang & Zander 2002): 0.0304·40·10^1.3 = 24.26 mmol/L. */
export const HCO3_STANDARD_MMOL_PER_L = 24.26;

const PH_MIN = 6.0;
const PH_MAX = 8.0;
/** The Douglas ratio is evaluated at pH ≤ 7.8 (its fit range ends near there; beyond it F would fall fast). */
const PH_DOUGLAS_MAX = 7.8;
const LN10 = Math.LN10;
/**
 * 10^x as e^(x·ln 10): V8's `**` (Math.pow) costs about 200 ns a call, Math.exp about 30 ns; the two agree to a few
 * ulp (≤ 2e-15 relative), float noise (docs/models/engine.md, performance).
 */
function pow10(x: number): number {
  return Math.exp(LN10 * x);
}

/** pH at temperature T from pH measured at 37 °C (IL 1301/1303 formula, reference §4.5). */
export function phAtTemperature(ph37: number, tempC: number): number {
  return ph37 + (-0.0147 + 0.0065 * (7.4 - ph37)) * (tempC - 37);
}

/** Inverse of `phAtTemperature`: the 37 °C pH whose temperature-corrected value at T is phT (exact). */
export function ph37FromTemperature(phT: number, tempC: number): number {
  // phT = ph37·(1 − 0.0065·d) + (−0.0147 + 0.0481)·d with d = T − 37; 0.0065·7.4 = 0.0481.
  const d = tempC - 37;
  return (phT - 0.0334 * d) / (1 - 0.0065 * d);
}

/** PCO2 at temperature T from PCO2 at 37 °C (Corning/IL factor 0.019 per °C, reference §4.5). */
export function pco2AtTemperature(pco2At37: number, tempC: number): number {
  return pco2At37 * pow10(0.019 * (tempC - 37));
}

/** Inverse of `pco2AtTemperature`. */
export function pco2At37FromTemperature(pco2AtT: number, tempC: number): number {
  return pco2AtT * pow10(-0.019 * (tempC - 37));
}

// Scratch registers (single-threaded; no per-call allocation). Typed arrays, not module `let` numbers: a double
// stored in a module variable is a new heap number on every store, a Float64Array element is not.
/**
 * Argument and result registers of the kernels. The exported functions are thin wrappers that copy their numbers here
 * and call a kernel with none: when V8 inlines the small wrapper into a hot caller (it does: they are tiny), no number
 * is boxed at the call, whether or not the large kernel itself is inlined (docs/models/engine.md, performance).
 */
const ARG = new Float64Array(6);

/**
 * Register interface for hot loops (src/sim/exchange/membrane.ts): write the arguments into AB_IO as the wrappers
 * do — [0] tCO2 (solveAcidBase) or PCO2 (tco2FromPco2), [1] BE, [2] Hb, [3] SO2, [4] °C — and call the `…Io` kernel
 * (solveAcidBaseIo(out) writes `out`; tco2FromPco2Io() leaves its result in AB_IO[5]).
 */
export { ARG as AB_IO, solveAcidBaseKernel as solveAcidBaseIo, tco2FromPco2Kernel as tco2FromPco2Io };

/**
 * pH and PCO2 of whole blood at its temperature from total CO2 and base excess.
 * Writes out[0] = pH (in vivo, at tempC), out[1] = PCO2 (mmHg, at tempC); also out[2] = pH at 37 °C and
 * out[3] = PCO2 at 37 °C (the analyser / alpha-stat values) and out[4] = plasma HCO3 (mmol/L, 37 °C)
 * when `out.length` ≥ 5.
 */
export function solveAcidBase(
  tco2MmolPerL: number,
  baseExcessMmolPerL: number,
  hbGPerDl: number,
  so2: number,
  tempC: number,
  out: Float64Array,
): void {
  ARG[0] = tco2MmolPerL;
  ARG[1] = baseExcessMmolPerL;
  ARG[2] = hbGPerDl;
  ARG[3] = so2;
  ARG[4] = tempC;
  solveAcidBaseKernel(out);
}

/** `solveAcidBase` on the arguments in ARG[0..4]. */
function solveAcidBaseKernel(out: Float64Array): void {
  const tco2MmolPerL = ARG[0]!;
  const so2 = ARG[3]!;
  const tempC = ARG[4]!;
  // The kernels call no helper that takes or returns a number (the helpers' formulas written out in place): when a
  // kernel is inlined into a large caller, V8's inlining budget may run out before a helper call, which would then box.
  // Buffer line (setBufferLine):
  const hbIn = ARG[2]!;
  const hb = hbIn > 0 ? (hbIn < 30 ? hbIn : 30) : 0;
  const s = so2 > 0 ? (so2 < 1 ? so2 : 1) : 0;
  const bufBase = HCO3_STANDARD_MMOL_PER_L + (ARG[1]! + 0.2 * hb * (1 - s)) / (1 - 0.0143 * hb);
  const bufBeta = 9.5 + 1.63 * hb;
  const target = tco2MmolPerL > 0 ? tco2MmolPerL : 0;
  // g(pH) = F(pH)·HCO3(pH)·(1 + 10^(pK − pH)) − tco2 is non-increasing in pH: bracketed Newton.
  let lo = PH_MIN;
  let hi = PH_MAX;
  let ph = 7.4;
  let hco3 = 0;
  for (let i = 0; i < 100; i++) {
    const h0 = bufBase - bufBeta * (ph - 7.4); // bufferLineHco3
    hco3 = h0 > 0 ? h0 : 0;
    const q = Math.exp(LN10 * (PK_CO2 - ph)); // pow10
    const phD = ph < PH_DOUGLAS_MAX ? ph : PH_DOUGLAS_MAX;
    const den = (3.352 - 0.456 * s) * (8.142 - phD);
    let f = 1 - (0.0289 * hb) / den;
    let dF = ph < PH_DOUGLAS_MAX ? -(0.0289 * hb) / (den * (8.142 - phD)) : 0;
    if (f <= 0.05) {
      f = 0.05;
      dF = 0;
    }
    const plasma = hco3 * (1 + q);
    const g = f * plasma - target;
    if (g > 0) lo = ph;
    else hi = ph;
    const dH = hco3 > 0 ? -bufBeta : 0;
    const dg = dF * plasma + f * (dH * (1 + q) - hco3 * LN10 * q);
    if (dg < 0) {
      const newton = -g / dg;
      // Converged: take the last Newton step without the bracket test (the root may sit on a bound).
      if ((newton < 0 ? -newton : newton) < 1e-11) {
        ph += newton;
        break;
      }
    }
    let next = dg < 0 ? ph - g / dg : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = next - ph;
    ph = next;
    if ((step < 0 ? -step : step) < 1e-12) break;
  }
  const h1 = bufBase - bufBeta * (ph - 7.4);
  hco3 = h1 > 0 ? h1 : 0;
  const pco2At37 = hco3 / (CO2_SOLUBILITY_MMOL_PER_L_PER_MMHG * Math.exp(LN10 * (ph - PK_CO2)));
  out[0] = ph + (-0.0147 + 0.0065 * (7.4 - ph)) * (tempC - 37); // phAtTemperature
  out[1] = pco2At37 * Math.exp(LN10 * (0.019 * (tempC - 37))); // pco2AtTemperature
  if (out.length >= 5) {
    out[2] = ph;
    out[3] = pco2At37;
    out[4] = hco3;
  }
}

/**
 * Whole-blood total CO2 (mmol/L) of blood equilibrated to PCO2 (mmHg, at its temperature) with the given
 * BE, Hb, SO2: the exact inverse of `solveAcidBase` (same equations, round trip to solver precision).
 */
export function tco2FromPco2(
  pco2MmHg: number,
  baseExcessMmolPerL: number,
  hbGPerDl: number,
  so2: number,
  tempC: number,
): number {
  ARG[0] = pco2MmHg;
  ARG[1] = baseExcessMmolPerL;
  ARG[2] = hbGPerDl;
  ARG[3] = so2;
  ARG[4] = tempC;
  tco2FromPco2Kernel();
  return ARG[5]!;
}

/** `tco2FromPco2` on the arguments in ARG[0..4]; result in ARG[5]. */
function tco2FromPco2Kernel(): void {
  const pco2MmHg = ARG[0]!;
  const so2 = ARG[3]!;
  // Helpers written out in place, as in solveAcidBaseKernel. Buffer line (setBufferLine):
  const hbIn = ARG[2]!;
  const hb = hbIn > 0 ? (hbIn < 30 ? hbIn : 30) : 0;
  const s = so2 > 0 ? (so2 < 1 ? so2 : 1) : 0;
  const bufBase = HCO3_STANDARD_MMOL_PER_L + (ARG[1]! + 0.2 * hb * (1 - s)) / (1 - 0.0143 * hb);
  const bufBeta = 9.5 + 1.63 * hb;
  // pco2At37FromTemperature:
  const p37 = (pco2MmHg > 0 ? pco2MmHg : 0) * Math.exp(LN10 * (-0.019 * (ARG[4]! - 37)));
  if (!(p37 > 0)) {
    ARG[5] = 0;
    return;
  }
  const ap = CO2_SOLUBILITY_MMOL_PER_L_PER_MMHG * p37;
  // Henderson–Hasselbalch HCO3 (rising exponential in pH) meets the buffer line (falling): unique root.
  let lo = PH_MIN;
  let hi = PH_MAX;
  let ph = 7.4;
  for (let i = 0; i < 100; i++) {
    const e = ap * Math.exp(LN10 * (ph - PK_CO2));
    const h0 = bufBase - bufBeta * (ph - 7.4);
    const h = h0 > 0 ? h0 : 0;
    const r = e - h;
    if (r > 0) hi = ph;
    else lo = ph;
    const dr = e * LN10 + (h > 0 ? bufBeta : 0);
    const newton = -r / dr;
    if ((newton < 0 ? -newton : newton) < 1e-11) {
      ph += newton;
      break;
    }
    let next = ph + newton;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = next - ph;
    ph = next;
    if ((step < 0 ? -step : step) < 1e-12) break;
  }
  const h1 = bufBase - bufBeta * (ph - 7.4);
  const hco3 = h1 > 0 ? h1 : 0;
  // douglasRatio:
  const phD = ph < PH_DOUGLAS_MAX ? ph : PH_DOUGLAS_MAX;
  const fD = 1 - (0.0289 * hb) / ((3.352 - 0.456 * s) * (8.142 - phD));
  ARG[5] = (fD > 0.05 ? fD : 0.05) * (hco3 + ap);
}
