/**
 * `membraneTransfer`: blood leaving an oxygenator membrane, given the inflow and the gas side. This is the
 * circuit's own small implementation; the `blood` branch offers `equilibrateBlood` (src/sim/exchange/
 * membrane.ts) with a full acid–base and temperature-shifted ODC. The lead can swap the body of this function
 * for that one: inputs and outputs are the same quantities (O2 content, PCO2, Hb, flow, gas PO2/PCO2, diffusing
 * capacities) — only the CO2 blood model differs (linear here, Douglas/Van Slyke there).
 *
 * O2 (diffusion limitation, Piiper & Scheid, Respir Physiol 1981;46:193): blood at flow Q̇ passing a barrier of
 * diffusing capacity D approaches the gas PO2 with the unequilibrated fraction exp(−D/(Q̇·β)), β = dC/dP. β
 * varies along the ODC, so the membrane is integrated as N = 8 segments in series, each an exact exponential
 * step with the secant β towards the gas (a discrete Bohr integration; no segment can overshoot equilibrium).
 * ODC: Severinghaus 1979 (J Appl Physiol 46:599), S = 1/(23400/(P³ + 150·P) + 1), standard conditions (no
 * temperature/pH/PCO2 shift here: that is what delegating to `blood` would add). O2 content: 1.34·Hb·S +
 * 0.003·PO2 (reference-data §4.1), the constants of vector 91.
 *
 * CO2: linear blood CO2 capacitance βc (mL CO2 per mL blood per mmHg) and a well-mixed gas side at the exhaust
 * composition. Blood side conductance G = Q̇·βc·(1 − exp(−Dc/(Q̇·βc))); gas side PgasCO2 = V̇CO2/V̇sweep ·
 * (Pb − PH2O). Solving the two together (V̇CO2 = G·(Pv − Pgas)) gives the closed form
 *   V̇CO2 = G·Pv / (1 + G·(Pb − PH2O)/V̇sweep),    Pout = Pv − V̇CO2/(Q̇·βc)
 * so sweep is the main determinant of CO2 removal (Intensive Care Med Exp 2018, s40635-018-0183-4; reference
 * §9) and zero sweep removes nothing. Inspired CO2 is taken as 0.
 *
 * Gas supply: O2 uptake cannot exceed the O2 delivered by the sweep, FiO2·V̇sweep; when it would, the content
 * rise is scaled down to that limit (the gas side would be exhausted of O2).
 */

/** Output layout of `membraneTransfer` (one Float64Array of MT_SIZE, allocated once by the caller). */
export const MT_O2_CONTENT = 0; // mL O2/dL, outflowing blood
export const MT_PO2 = 1; // mmHg
export const MT_SO2 = 2; // fraction
export const MT_PCO2 = 3; // mmHg
export const MT_VO2_ML_PER_MIN = 4; // O2 taken up by the blood, mL/min (STPD)
export const MT_VCO2_ML_PER_MIN = 5; // CO2 removed from the blood, mL/min
export const MT_GAS_PCO2 = 6; // exhaust-gas PCO2, mmHg
export const MT_FECO2 = 7; // exhaust CO2 fraction (dry)
export const MT_SIZE = 8;

const SEGMENTS = 8;
const HUFNER = 1.34; // mL O2 per g Hb (reference §4.1)
const O2_SOLUBILITY = 0.003; // mL O2/dL/mmHg (reference §4.1)

/** Severinghaus 1979 saturation (fraction) at PO2 (mmHg), standard conditions. */
export function so2FromPo2(po2: number): number {
  if (!(po2 > 0)) return 0;
  return 1 / (23400 / (po2 * po2 * po2 + 150 * po2) + 1);
}

/** PO2 (mmHg) at saturation S (inverse of so2FromPo2, bisection to 1e-10 mmHg). */
export function po2FromSo2(so2: number): number {
  if (!(so2 > 0)) return 0;
  if (so2 >= 1) return 3000;
  let lo = 0;
  let hi = 3000;
  for (let i = 0; i < 70; i++) {
    const mid = 0.5 * (lo + hi);
    if (so2FromPo2(mid) < so2) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** O2 content, mL/dL: 1.34·Hb·S + 0.003·PO2. */
export function o2ContentMlPerDl(po2: number, hbGPerDl: number): number {
  return HUFNER * hbGPerDl * so2FromPo2(po2) + O2_SOLUBILITY * Math.max(po2, 0);
}

/** PO2 (mmHg) with content C (inverse of o2ContentMlPerDl): safeguarded Newton on [0, 3000], ≤ 60 steps. */
export function po2FromO2Content(c: number, hbGPerDl: number): number {
  if (!(c > 0)) return 0;
  let lo = 0;
  let hi = 3000;
  if (o2ContentMlPerDl(hi, hbGPerDl) < c) return hi;
  let p = 40;
  for (let i = 0; i < 60; i++) {
    const x = p * p * p + 150 * p;
    const s = x / (x + 23400);
    const f = HUFNER * hbGPerDl * s + O2_SOLUBILITY * p - c;
    if (f > 0) hi = p;
    else lo = p;
    const d = x + 23400;
    const df = (HUFNER * hbGPerDl * 23400 * (3 * p * p + 150)) / (d * d) + O2_SOLUBILITY;
    let next = p - f / df;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - p) < 1e-10 * (1 + p)) return next;
    p = next;
  }
  return p;
}

/**
 * Blood leaving the membrane. Inputs: O2 content (mL/dL), PCO2 (mmHg) and Hb (g/dL) of the inflow; blood flow
 * (mL/s); inlet gas PO2 (mmHg); sweep gas flow (mL/min) and FiO2 (for the O2 supply limit); Pb − PH2O (mmHg);
 * diffusing capacities for O2 and CO2 (mL/min/mmHg); blood CO2 capacitance (mL/mL/mmHg). Writes `out` (MT_*).
 * At zero flow nothing is transferred and the outflow equals the inflow.
 */
export function membraneTransfer(
  inflowO2ContentMlPerDl: number,
  inflowPco2MmHg: number,
  hbGPerDl: number,
  bloodFlowMlPerS: number,
  gasPo2MmHg: number,
  sweepMlPerMin: number,
  fio2: number,
  dryGasPressureMmHg: number,
  dlO2MlPerMinPerMmHg: number,
  dlCo2MlPerMinPerMmHg: number,
  co2CapacitanceMlPerMlPerMmHg: number,
  out: Float64Array,
): void {
  const c0 = Math.max(inflowO2ContentMlPerDl, 0);
  const pv = Math.max(inflowPco2MmHg, 0);
  if (!(bloodFlowMlPerS > 1e-9)) {
    const p = po2FromO2Content(c0, hbGPerDl);
    out[MT_O2_CONTENT] = c0;
    out[MT_PO2] = p;
    out[MT_SO2] = so2FromPo2(p);
    out[MT_PCO2] = pv;
    out[MT_VO2_ML_PER_MIN] = 0;
    out[MT_VCO2_ML_PER_MIN] = 0;
    out[MT_GAS_PCO2] = 0;
    out[MT_FECO2] = 0;
    return;
  }
  const qMlPerMin = bloodFlowMlPerS * 60;
  // ---- O2: N exponential segments. dO2: (mL O2/mmHg) per mL blood per segment.
  const dO2 = Math.max(dlO2MlPerMinPerMmHg, 0) / qMlPerMin / SEGMENTS;
  const pg = Math.max(gasPo2MmHg, 0);
  const cGas = o2ContentMlPerDl(pg, hbGPerDl);
  let c = c0;
  for (let i = 0; i < SEGMENTS; i++) {
    const p = po2FromO2Content(c, hbGPerDl);
    const dp = pg - p;
    if (dp > 1e-9 || dp < -1e-9) {
      const beta = (cGas - c) / 100 / dp; // mL O2 per mL blood per mmHg (secant)
      c += (cGas - c) * (1 - Math.exp(-dO2 / Math.max(beta, 1e-12)));
    }
  }
  let vo2 = (qMlPerMin * (c - c0)) / 100; // mL/min
  const o2Supply = Math.max(fio2, 0) * Math.max(sweepMlPerMin, 0);
  if (vo2 > o2Supply) {
    vo2 = o2Supply;
    c = c0 + (100 * vo2) / qMlPerMin;
  }
  const po2 = po2FromO2Content(c, hbGPerDl);
  // ---- CO2: closed form with the well-mixed exhaust gas.
  const qb = qMlPerMin * (co2CapacitanceMlPerMlPerMmHg > 0 ? co2CapacitanceMlPerMlPerMmHg : 1e-9); // mL/min/mmHg
  const g = qb * (1 - Math.exp(-Math.max(dlCo2MlPerMinPerMmHg, 0) / qb));
  let vco2 = 0;
  if (sweepMlPerMin > 1e-9) vco2 = (g * pv) / (1 + (g * dryGasPressureMmHg) / sweepMlPerMin);
  const feco2 = sweepMlPerMin > 1e-9 ? vco2 / sweepMlPerMin : 0;
  out[MT_O2_CONTENT] = c;
  out[MT_PO2] = po2;
  out[MT_SO2] = so2FromPo2(po2);
  out[MT_PCO2] = pv - vco2 / qb;
  out[MT_VO2_ML_PER_MIN] = vo2;
  out[MT_VCO2_ML_PER_MIN] = vco2;
  out[MT_GAS_PCO2] = feco2 * dryGasPressureMmHg;
  out[MT_FECO2] = feco2;
}

/** CO2 removal by the sweep-flow method (reference §9): V̇CO2 (mL/min) = sweep (L/min) × 1000 × FeCO2. */
export function sweepCo2RemovalMlPerMin(sweepLPerMin: number, feco2: number): number {
  return sweepLPerMin * 1000 * feco2;
}

/** Fick across the membrane (reference §9): V̇O2 (mL/min) = Q (L/min) × 10 × (Cpost − Cpre) (mL/dL). */
export function fickO2TransferMlPerMin(
  flowLPerMin: number,
  preContentMlPerDl: number,
  postContentMlPerDl: number,
): number {
  return flowLPerMin * 10 * (postContentMlPerDl - preContentMlPerDl);
}
