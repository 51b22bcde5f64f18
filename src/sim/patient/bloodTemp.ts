/**
 * TEMPORARY minimal blood chemistry, with the signatures of the `blood`, `exchange` and `drugs` modules
 * being written on the `blood` branch (src/sim/blood, src/sim/exchange, src/sim/drugs). Only
 * chemistry.ts imports this file; at the merge it is deleted and chemistry.ts imports the real modules.
 *
 * Sources: O2 content CaO2 = 1.34·Hb·SO2 + 0.003·PO2 (reference-data §4.1); saturation from
 * Severinghaus 1979 eq. 1 at a virtual PO2 corrected for temperature, pH and PCO2 by the Kelman 1966
 * factors (reference-data §4.3, §4.4); acid–base from Henderson–Hasselbalch (pK 6.1, CO2 solubility
 * 0.0307 mmol/L/mmHg) and the Van Slyke equation for base excess, BE = 0.93·(HCO3 − 24.4 +
 * 14.8·(pH − 7.4)) (Siggaard-Andersen 1977); effect of Hb and SO2 on buffering ignored.
 */

const HUFNER = 1.34;
const O2_SOLUBILITY = 0.003;
const CO2_SOLUBILITY = 0.0307;

function virtualPo2(po2: number, tempC: number, ph: number, pco2: number): number {
  const p = Math.max(pco2, 1);
  return po2 * 10 ** (0.024 * (37 - tempC) + 0.4 * (ph - 7.4) + 0.06 * Math.log10(40 / p));
}

export function so2FromPo2(po2MmHg: number, tempC: number, ph: number, pco2MmHg: number): number {
  const x = virtualPo2(Math.max(po2MmHg, 0), tempC, ph, pco2MmHg);
  if (x <= 0) return 0;
  return 1 / (23400 / (x * x * x + 150 * x) + 1);
}

export function o2ContentFromPo2(
  po2MmHg: number,
  hbGPerDl: number,
  tempC: number,
  ph: number,
  pco2MmHg: number,
): number {
  return HUFNER * hbGPerDl * so2FromPo2(po2MmHg, tempC, ph, pco2MmHg) + O2_SOLUBILITY * po2MmHg;
}

/** Inverse of o2ContentFromPo2 by bisection on log PO2 (content is monotonic in PO2). */
export function po2FromO2Content(
  o2ContentMlPerDl: number,
  hbGPerDl: number,
  tempC: number,
  ph: number,
  pco2MmHg: number,
): number {
  if (o2ContentMlPerDl <= 0) return 0;
  let lo = 0.01;
  let hi = 3000;
  for (let i = 0; i < 40; i++) {
    const mid = Math.sqrt(lo * hi);
    if (o2ContentFromPo2(mid, hbGPerDl, tempC, ph, pco2MmHg) < o2ContentMlPerDl) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** Total CO2 (mmol/L) from PCO2 and base excess: HCO3 from the Van Slyke BE at the HH pH. */
export function tco2FromPco2(
  pco2MmHg: number,
  baseExcessMmolPerL: number,
  _hb: number,
  _so2: number,
  _tempC: number,
): number {
  // Solve for pH: HCO3(BE, pH) = 0.0307·PCO2·10^(pH − 6.1).
  let lo = 6.3;
  let hi = 8.0;
  for (let i = 0; i < 40; i++) {
    const ph = 0.5 * (lo + hi);
    const fromBe = baseExcessMmolPerL / 0.93 + 24.4 - 14.8 * (ph - 7.4);
    const fromHh = CO2_SOLUBILITY * pco2MmHg * 10 ** (ph - 6.1);
    if (fromHh < fromBe) lo = ph;
    else hi = ph;
  }
  const ph = 0.5 * (lo + hi);
  return CO2_SOLUBILITY * pco2MmHg * (1 + 10 ** (ph - 6.1));
}

/** pH and PCO2 from total CO2 and base excess: out[0] = pH, out[1] = PCO2 (mmHg). */
export function solveAcidBase(
  tco2MmolPerL: number,
  baseExcessMmolPerL: number,
  _hb: number,
  _so2: number,
  _tempC: number,
  out: Float64Array,
): void {
  // tCO2 = HCO3 + s·PCO2, HCO3 = BE/0.93 + 24.4 − 14.8(pH − 7.4), pH = 6.1 + log10(HCO3/(s·PCO2)).
  // With r = 10^(pH − 6.1): tCO2 = HCO3·(1 + 1/r); bisection on pH.
  let lo = 6.3;
  let hi = 8.0;
  for (let i = 0; i < 40; i++) {
    const ph = 0.5 * (lo + hi);
    const hco3 = baseExcessMmolPerL / 0.93 + 24.4 - 14.8 * (ph - 7.4);
    const total = hco3 * (1 + 10 ** (6.1 - ph));
    // total falls as pH rises (for fixed BE): too much total → pH too low.
    if (total > tco2MmolPerL) lo = ph;
    else hi = ph;
  }
  const ph = 0.5 * (lo + hi);
  const hco3 = baseExcessMmolPerL / 0.93 + 24.4 - 14.8 * (ph - 7.4);
  out[0] = ph;
  out[1] = (hco3 * 10 ** (6.1 - ph)) / CO2_SOLUBILITY;
}

/** Whole-body VO2 temperature factor: Q10^((T − 37)/10) (reference-data §8). */
export function vo2Factor(tempC: number, q10: number): number {
  return q10 ** ((tempC - 37) / 10);
}

// Drugs (temporary): heparin U, protamine mg, phenylephrine µg.
export const DRUG_HEPARIN = 0;
export const DRUG_PROTAMINE = 1;
export const DRUG_PHENYLEPHRINE = 2;
export const DRUG_COUNT = 3;
export const DRUGS = [
  { name: "heparin", unit: "U", halfLifeMin: 90 },
  { name: "protamine", unit: "mg", halfLifeMin: 7 },
  { name: "phenylephrine", unit: "µg", halfLifeMin: 5 },
] as const;
export const EFFECT_SVR = 0;
export const EFFECT_PVR = 1;
export const EFFECT_CONTRACTILITY = 2;
export const EFFECT_HR = 3;
export const EFFECT_VENOUS_TONE = 4;
export const EFFECT_COUNT = 5;

export function eliminationFraction(drug: number, dtS: number, _tempC: number): number {
  return 1 - Math.exp((-Math.LN2 * dtS) / (DRUGS[drug]!.halfLifeMin * 60));
}

/** Effect sites follow arterial plasma concentration with ke0 = 1/min (t½ ≈ 0.7 min). */
export function updateEffectSites(
  effectSite: Float64Array,
  arterialConcPerMl: Float64Array,
  dtS: number,
): void {
  const f = 1 - Math.exp((-1 / 60) * dtS);
  for (let d = 0; d < DRUG_COUNT; d++)
    effectSite[d] = effectSite[d]! + (arterialConcPerMl[d]! - effectSite[d]!) * f;
}

/** Multiplicative factors; phenylephrine: SVR × (1 + 1.5·C/(C + 0.02 µg/mL)). */
export function drugEffects(effectSite: Float64Array, out: Float64Array): void {
  out.fill(1);
  const c = effectSite[DRUG_PHENYLEPHRINE]!;
  out[EFFECT_SVR] = 1 + (1.5 * c) / (c + 0.02);
  out[EFFECT_VENOUS_TONE] = 1 - (0.1 * c) / (c + 0.02);
}

/** Protamine binds heparin 1 mg : 100 U (reference-data §6.2). Returns [heparinLeft, protamineLeft]. */
export function neutralise(heparinU: number, protamineMg: number, out: Float64Array): void {
  const bound = Math.min(heparinU, protamineMg * 100);
  out[0] = heparinU - bound;
  out[1] = protamineMg - bound / 100;
}

/** ACT rises linearly with plasma heparin (Bull 1975 dose–response: linear). 75 s per U/mL. */
export function actSeconds(
  heparinUPerMl: number,
  baselineActS: number,
  _tempC: number,
  _hct: number,
): number {
  return baselineActS + 75 * heparinUPerMl;
}
