// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Pharmacokinetics and pharmacodynamics on the engine's compartments (docs/models/drugs.md).
 * The engine carries drug AMOUNTS per compartment (unit per DRUGS[d].unit) moved with the flow; each slow step
 * it multiplies every amount by `eliminationFraction`, neutralises heparin with protamine, updates the effect
 * sites from the arterial plasma concentrations and applies `drugEffects`.
 */
import { InputError } from "../../common/errors.ts";
import {
  CLEARANCE_FALL_PER_C_BELOW_37,
  DRUG_COUNT,
  DRUGS,
  type DrugName,
  EFFECT_COUNT,
  PROTAMINE_U_PER_MG,
} from "./table.ts";

export * from "./table.ts";

// Flattened tables for the hot path (built once).
const K_ELIM = new Float64Array(DRUG_COUNT);
const KE0 = new Float64Array(DRUG_COUNT);
const EMAX = new Float64Array(DRUG_COUNT * EFFECT_COUNT);
const EC50 = new Float64Array(DRUG_COUNT * EFFECT_COUNT).fill(1);
for (const d of DRUGS) {
  K_ELIM[d.index] = Math.LN2 / d.halfLifeS;
  KE0[d.index] = d.ke0PerS;
  for (const e of d.effects) {
    EMAX[d.index * EFFECT_COUNT + e.effect] = e.emax;
    EC50[d.index * EFFECT_COUNT + e.effect] = e.ec50PerMl;
  }
}

/** Clearance multiplier at temperature: (1 − 0.111)^(37 − T) below 37 °C, 1 above. */
export function clearanceTemperatureFactor(tempC: number): number {
  return tempC < 37 ? (1 - CLEARANCE_FALL_PER_C_BELOW_37) ** (37 - tempC) : 1;
}

/**
 * Fraction of a drug amount remaining after dt (first-order elimination, slowed by hypothermia).
 * `halfLifeS` defaults to the table's; a simulation passes its own (e.g. heparin by dose) so that no
 * module-level state is shared between simulations.
 */
export function eliminationFraction(
  drugIndex: number,
  dtS: number,
  tempC: number,
  halfLifeS?: number,
): number {
  const k = halfLifeS === undefined ? K_ELIM[drugIndex]! : Math.LN2 / halfLifeS;
  return Math.exp(-k * dtS * clearanceTemperatureFactor(tempC));
}

/**
 * Heparin half-life (s) for a bolus dose (U/kg), interpolated linearly between the label/guideline points
 * 25 U/kg → 30 min, 100 → 60 min, 400 → 150 min (droracle.ai summaries of the heparin label), clamped outside.
 * A simulation may use it as the `halfLifeS` argument of `eliminationFraction` for heparin.
 */
/**
 * Register interface for the slow loop (src/sim/patient/chemistry.ts): numbers pass through this Float64Array, not
 * as arguments or return values, so nothing is boxed when V8 does not inline the call (docs/models/engine.md,
 * performance). eliminationFractionsIo(out): [0] dt (s), [1] °C → out[d] = eliminationFraction(d, dt, °C) for every
 * drug. actSecondsIo(): [0] heparin U/mL, [1] baseline ACT s, [2] °C, [3] Hct → [4] = actSeconds(…).
 */
export const DRUG_IO = new Float64Array(5);

export function eliminationFractionsIo(out: Float64Array): void {
  const dtS = DRUG_IO[0]!;
  const tempC = DRUG_IO[1]!;
  const f = tempC < 37 ? (1 - CLEARANCE_FALL_PER_C_BELOW_37) ** (37 - tempC) : 1; // clearanceTemperatureFactor
  for (let d = 0; d < DRUG_COUNT; d++) out[d] = Math.exp(-K_ELIM[d]! * dtS * f);
}

export function actSecondsIo(): void {
  const h = DRUG_IO[0]!;
  const tempC = DRUG_IO[2]!;
  const hct = DRUG_IO[3]!;
  // actSeconds, same formula.
  const c = h > 0 ? h : 0;
  const cold = tempC < 37 ? 1 + ACT.hypothermiaPerC * (37 - tempC) : 1;
  const dilute = hct < 0.4 ? 1 + ACT.dilutionPerHct * (0.4 - (hct > 0 ? hct : 0)) : 1;
  DRUG_IO[4] = (DRUG_IO[1]! + ACT.slopeSPerUPerMl * c) * cold * dilute;
}

export function heparinHalfLifeS(doseUPerKg: number): number {
  const d = doseUPerKg;
  let min: number;
  if (d <= 25) min = 30;
  else if (d <= 100) min = 30 + ((d - 25) / 75) * 30;
  else if (d <= 400) min = 60 + ((d - 100) / 300) * 90;
  else min = 150;
  return min * 60;
}

/** Plasma concentration (amount per mL plasma) from the amount in a blood volume (mL) at haematocrit hct. */
export function plasmaConcentrationPerMl(amount: number, bloodVolumeMl: number, hct: number): number {
  const plasma = bloodVolumeMl * (1 - (hct < 0.95 ? hct : 0.95));
  return plasma > 1e-9 && amount > 0 ? amount / plasma : 0;
}

/**
 * Effect compartments: dCe/dt = ke0·(Cp − Ce), integrated exactly for Cp constant over dt.
 * effectSite and arterialConcPerMl are Float64Array(DRUG_COUNT) (amount per mL plasma).
 */
export function updateEffectSites(
  effectSite: Float64Array,
  arterialConcPerMl: Float64Array,
  dtS: number,
): void {
  for (let d = 0; d < DRUG_COUNT; d++) {
    const ce = effectSite[d]!;
    effectSite[d] = ce + (arterialConcPerMl[d]! - ce) * (1 - Math.exp(-KE0[d]! * dtS));
  }
}

/**
 * Multiplicative effect factors from effect-site concentrations: out[e] = Π_d (1 + Emax·Ce/(EC50 + Ce))
 * (Emax model, Hill coefficient 1; drugs combine multiplicatively — a modelling choice, see docs).
 * out is Float64Array(EFFECT_COUNT); 1 = no effect.
 */
export function drugEffects(effectSite: Float64Array, out: Float64Array): void {
  for (let e = 0; e < EFFECT_COUNT; e++) out[e] = 1;
  for (let d = 0; d < DRUG_COUNT; d++) {
    const c = effectSite[d]!;
    if (!(c > 0)) continue;
    const row = d * EFFECT_COUNT;
    for (let e = 0; e < EFFECT_COUNT; e++) {
      const emax = EMAX[row + e]!;
      if (emax !== 0) out[e] = out[e]! * (1 + (emax * c) / (EC50[row + e]! + c));
    }
  }
}

/**
 * Heparin units neutralised when heparinU meet protamineMg in one compartment: min(heparin, 100·protamine)
 * (1 mg neutralises not less than 100 U, FDA label, reference §6.2). The engine subtracts the result from the
 * heparin amount and result/100 from the protamine amount; what is left of protamine is "free" and has its
 * own small haemodynamic effect (table).
 */
export function neutralise(heparinU: number, protamineMg: number): number {
  const capacity = protamineMg > 0 ? protamineMg * PROTAMINE_U_PER_MG : 0;
  const h = heparinU > 0 ? heparinU : 0;
  return h < capacity ? h : capacity;
}

/** ACT model coefficients (docs/models/drugs.md). */
export const ACT = Object.freeze({
  /** Typical ACT off heparin 100–140 s (alpfmedical.info, reference §6.1): default baseline 120 s. */
  baselineS: 120,
  /**
   * Seconds per U/mL of plasma heparin: linear dose–response (Bull et al., JTCVS 1975), calibrated so that
   * 300 U/kg in a 70 kg adult (plasma 2.84 L → 7.39 U/mL) gives 120 + 303 = 423 s, matching Bull's worked
   * example of ~1 s per U/kg (reference §6.1 / vector [62]) and the 400–480 s targets.
   */
  slopeSPerUPerMl: 41,
  /** +1.7 %/°C below 37 °C: ACT 130 → 152 s from 37 → 27 °C at Hct 40 % (Kmiecik et al., JECT 2001;33:100). */
  hypothermiaPerC: 0.017,
  /** Haemodilution: ACT 130 s at Hct 40 % vs 147 s at 20 % (Kmiecik 2001): +0.65 per unit Hct below 0.40. */
  dilutionPerHct: 0.65,
});

/**
 * Activated clotting time (s) from plasma heparin (U/mL plasma), baseline ACT (s), blood temperature and Hct:
 * ACT = (baseline + slope·C)·(1 + 0.017·max(0, 37 − T))·(1 + 0.65·max(0, 0.40 − Hct)).
 * Linear in heparin (Bull 1975) — it does not model heparin resistance or the flattening above ~1000 s.
 */
export function actSeconds(heparinUPerMl: number, baselineActS: number, tempC: number, hct: number): number {
  const c = heparinUPerMl > 0 ? heparinUPerMl : 0;
  const cold = tempC < 37 ? 1 + ACT.hypothermiaPerC * (37 - tempC) : 1;
  const dilute = hct < 0.4 ? 1 + ACT.dilutionPerHct * (0.4 - (hct > 0 ? hct : 0)) : 1;
  return (baselineActS + ACT.slopeSPerUPerMl * c) * cold * dilute;
}

const NAMES = DRUGS.map((d) => d.name);

/** Index of a drug by name, for actions such as `{ type: "drug.bolus", drug: "heparin" }`; InputError otherwise. */
export function drugIndexByName(name: unknown, field = "drug"): number {
  const i = typeof name === "string" ? NAMES.indexOf(name as DrugName) : -1;
  if (i < 0) throw new InputError({ field, allowed: `one of: ${NAMES.join(", ")}`, received: String(name) });
  return i;
}
