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
  DRUG_HEPARIN,
  DRUGS,
  type DrugName,
  EFFECT_COUNT,
  HEPARIN_KINETICS,
  PROTAMINE_U_PER_MG,
} from "./table.ts";

export * from "./table.ts";

// Flattened tables for the hot path (built once).
const K_ELIM = new Float64Array(DRUG_COUNT);
const KE0 = new Float64Array(DRUG_COUNT);
const EMAX = new Float64Array(DRUG_COUNT * EFFECT_COUNT);
const EC50 = new Float64Array(DRUG_COUNT * EFFECT_COUNT).fill(1);
for (const d of DRUGS) {
  // Heparin is not first order: its saturable elimination is `heparinEliminationIo` (K_ELIM 0: fraction 1 here).
  K_ELIM[d.index] = d.index === DRUG_HEPARIN ? 0 : Math.LN2 / d.halfLifeS;
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
 * Fraction of a drug amount remaining after dt (first-order elimination, slowed by hypothermia). Heparin: 1 — its
 * concentration-dependent elimination is `heparinEliminationIo`.
 */
export function eliminationFraction(drugIndex: number, dtS: number, tempC: number): number {
  return Math.exp(-K_ELIM[drugIndex]! * dtS * clearanceTemperatureFactor(tempC));
}

/**
 * Register interface for the slow loop (src/sim/patient/chemistry.ts): numbers pass through this Float64Array, not
 * as arguments or return values, so nothing is boxed when V8 does not inline the call (docs/models/engine.md,
 * performance). eliminationFractionsIo(out): [0] dt (s), [1] °C → out[d] = eliminationFraction(d, dt, °C) for every
 * drug. actSecondsIo(): [0] heparin U/mL, [1] baseline ACT s, [2] °C, [3] Hct → [4] = actSeconds(…).
 * heparinEliminationIo(…): [5] dt (s), [6] clearance temperature factor.
 */
export const DRUG_IO = new Float64Array(7);

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

// --- Heparin: saturable plus linear elimination (table.ts HEPARIN_KINETICS, docs/models/drugs.md).
const H_VMAX = HEPARIN_KINETICS.vmaxUPerMlPerS;
const H_KM = HEPARIN_KINETICS.kmUPerMl;
const H_KR = HEPARIN_KINETICS.renalPerS;

/** Heparin elimination rate −dC/dt (U/mL plasma per s) at plasma concentration C: Vmax·C/(Km + C) + k_renal·C. */
export function heparinEliminationRate(cUPerMl: number): number {
  const c = cUPerMl > 0 ? cUPerMl : 0;
  return (H_VMAX * c) / (H_KM + c) + H_KR * c;
}

/**
 * Apparent half-life (s) of a bolus that starts at plasma concentration c0 (U/mL): the time for C to fall to c0/2
 * at 37 °C, from the closed-form integral of dC/dt = −C·(Vmax/(Km + C) + k):
 *   t½ = (Km/a)·ln2 + (Vmax/(a·k))·ln((a + k·c0)/(a + k·c0/2)),  a = Vmax + k·Km.
 */
export function heparinApparentHalfLifeS(c0UPerMl: number): number {
  const a = H_VMAX + H_KR * H_KM;
  const c0 = c0UPerMl > 0 ? c0UPerMl : 0;
  return (H_KM / a) * Math.LN2 + (H_VMAX / (a * H_KR)) * Math.log((a + H_KR * c0) / (a + (H_KR * c0) / 2));
}

/**
 * Steady-state plasma concentration (U/mL) under a constant input r (U per mL plasma per s) at 37 °C: the positive
 * root of r = Vmax·C/(Km + C) + k·C, i.e. k·C² + (Vmax + k·Km − r)·C − r·Km = 0.
 */
export function heparinSteadyStateUPerMl(inputUPerMlPerS: number): number {
  const r = inputUPerMlPerS > 0 ? inputUPerMlPerS : 0;
  const b = H_VMAX + H_KR * H_KM - r;
  const disc = Math.sqrt(b * b + 4 * H_KR * r * H_KM);
  // The same root written as 2·r·Km/(b + disc) when b > 0, to avoid cancellation at small r.
  return b > 0 ? (2 * r * H_KM) / (b + disc) : (disc - b) / (2 * H_KR);
}

/**
 * Heparin elimination over one slow step in compartments 0..n−1 (the patient's: the circuit has no clearance of its
 * own): amount[j0 + i] at plasma volume plasmaMl[i] (mL). Reads DRUG_IO[5] = dt (s) and DRUG_IO[6] = the clearance
 * temperature factor. The rate constant Vmax/(Km + C) + k is taken at the step's start and applied as
 * A/(1 + rate·dt): positive for any dt, first-order accurate (rate·dt < 2e-4 per 0.2 s step). No plasma or no
 * heparin: nothing happens (no NaN).
 */
export function heparinEliminationIo(
  amount: Float64Array,
  j0: number,
  plasmaMl: Float64Array,
  n: number,
): void {
  const dtS = DRUG_IO[5]!;
  const f = DRUG_IO[6]!;
  for (let i = 0; i < n; i++) {
    const a = amount[j0 + i]!;
    const vp = plasmaMl[i]!;
    if (!(a > 0) || !(vp > 1e-9)) continue;
    const rate = (H_VMAX / (H_KM + a / vp) + H_KR) * f;
    amount[j0 + i] = a / (1 + rate * dtS);
  }
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
