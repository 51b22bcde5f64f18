// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Long-run circuit physics on the run-time circuit (docs/models/ecmo.md, "Long runs"): oxygenator wear (clot burden,
 * src/sim/circuit/oxygenator-wear.ts), the heparin the clot consumes, the haemolysis indicator
 * (src/sim/circuit/haemolysis.ts) and the circuit change. Slow: stepped once a simulated second from the circuit's
 * slow step; the interruption of a circuit change is counted every slow step. Allocates nothing.
 */
import * as HAEM from "../circuit/haemolysis.ts";
import { createHaemolysisState, HAEM_FREE_HB, HAEM_HAPTO } from "../circuit/haemolysis.ts";
import { OXS_CLOT_FRACTION } from "../circuit/oxygenator.ts";
import * as WEAR from "../circuit/oxygenator-wear.ts";
import { createWearState } from "../circuit/oxygenator-wear.ts";
import { DRUG_HEPARIN } from "../drugs/index.ts";
import { C_ACT, C_HCT, SP_DRUG0 } from "../patient/chemistry.ts";
import type { CircuitModel } from "./circuit-model.ts";

// The once-a-second step below writes out the formulas of stepWear (wearActFactor, wearFlowFactor), wearAcceleration,
// combinedClotFraction, heparinLeftAfterClot, freeHbGenerationMgPerDlPerH and stepHaemolysis (the same expressions,
// bit-identical): called once a second, those functions would run unoptimised for hours of simulated time, boxing
// every intermediate number; written out in the hot stepLongRun they are compiled with it (docs/models/engine.md,
// what allocates). The exported functions stay the models' reference, used by the tests and the docs.
// Their constants as module-local values (each use of an imported binding is a getter call under tsx's transform).
const {
  WEAR_ACT_REF_S,
  WEAR_ACT_SCALE_S,
  WEAR_BURDEN,
  WEAR_HEPARIN_CL_MAX_ML_PER_MIN,
  WEAR_K_PER_S,
  WEAR_LOW_FLOW_FRACTION,
  WEAR_MAX_FLOW_FACTOR,
  WEAR_RATE_PER_S,
  WEAR_SEED,
} = WEAR;
const {
  HAEM_BASELINE_GEN_MG_PER_DL_PER_H,
  HAEM_BOUND_HALF_LIFE_S,
  HAEM_CLOT_GEN_MG_PER_DL_PER_H,
  HAEM_GEN,
  HAEM_HAPTO_HALF_LIFE_S,
  HAEM_HAPTO_NORMAL_MG_PER_DL,
  HAEM_NIH_REF_G_PER_100L,
  HAEM_RPM_REF,
  HAEM_SHEAR_EXPONENT,
  HAEM_SUCTION_GEN_MG_PER_DL_PER_H,
  HAEM_SUCTION_THRESHOLD_MMHG,
  HAEM_UNBOUND_HALF_LIFE_S,
} = HAEM;
const L_FREE_HB = HAEM_FREE_HB;
const L_HAPTO = HAEM_HAPTO;
const L_CLOT = OXS_CLOT_FRACTION;
const L_HEPARIN = SP_DRUG0 + DRUG_HEPARIN;
const L_ACT = C_ACT;
const L_HCT = C_HCT;
// haemolysis.ts's clearance constants (same expressions).
const KB = Math.LN2 / HAEM_BOUND_HALF_LIFE_S;
const KU = Math.LN2 / HAEM_UNBOUND_HALF_LIFE_S;
const KS = Math.LN2 / HAEM_HAPTO_HALF_LIFE_S;

/** Long-run state (Float64Array `CircuitModel.longRun`). */
export const LR_CLOCK_S = 0; // seconds since the last wear/haemolysis step
export const LR_CHANGE_LEFT_S = 1; // > 0 while a circuit change interrupts the flow
export const LR_DISCARDED_ML = 2; // blood (and prime) discarded with old circuits, mL in total
export const LR_CHANGES = 3; // circuit changes done
export const LR_PRIME_ADDED_ML = 4; // prime brought by new circuits, mL in total
export const LR_SIZE = 5;

/** Fault index of `oxygenatorClotting` and `oxygenatorWear` in FAULTS (circuit-model.ts). */
const F_CLOTTING = 4;
const F_WEAR = 9;

export interface LongRunState {
  readonly longRun: Float64Array;
  readonly wear: Float64Array;
  readonly haem: Float64Array;
}

export function createLongRunState(): LongRunState {
  return { longRun: new Float64Array(LR_SIZE), wear: createWearState(), haem: createHaemolysisState() };
}

/** True while a circuit change holds the flow at zero (pump stopped, lines clamped). */
export function changingCircuit(c: CircuitModel): boolean {
  return c.longRun[LR_CHANGE_LEFT_S]! > 0;
}

/** Plasma volume of the whole network (patient and circuit), mL, at the patient's haematocrit. */
function plasmaMl(c: CircuitModel): number {
  const net = c.model.net;
  let v = 0;
  for (let i = 0; i < net.nComp; i++) v += net.V[i]!;
  const hct = c.model.chem.out[C_HCT]!;
  return v * (1 - (hct > 0 && hct < 0.95 ? hct : 0));
}

/** Every slow step (dt s), after the circuit's resistances and clamps are set. */
export function stepLongRun(c: CircuitModel, dt: number): void {
  const lr = c.longRun;
  const net = c.model.net;
  if (lr[LR_CHANGE_LEFT_S]! > 0) {
    // Changing: the lines are clamped on both sides while the new circuit is connected and de-aired.
    lr[LR_CHANGE_LEFT_S] = lr[LR_CHANGE_LEFT_S]! - dt;
    for (let j = 0; j < c.kVenous.length; j++) net.open[c.kVenous[j]!] = 0;
    net.open[c.kArt] = 0;
    if (lr[LR_CHANGE_LEFT_S]! < 0) lr[LR_CHANGE_LEFT_S] = 0;
  }
  lr[LR_CLOCK_S] = lr[LR_CLOCK_S]! + dt;
  if (lr[LR_CLOCK_S]! < 1 - 1e-9) return;
  const step = lr[LR_CLOCK_S]!;
  lr[LR_CLOCK_S] = 0;

  const chem = c.model.chem;
  const flow = c.flowLPerMin;
  // --- Oxygenator wear and its clot fraction: stepWear(c.wear, step, ACT, flow, max flow, wearAcceleration(fault)).
  const sev = c.faults[F_WEAR]!;
  const accel = sev > 0 ? 10 ** (3 * (sev < 1 ? sev : 1)) : 1;
  const wear = c.wear;
  {
    const actS = chem.out[L_ACT]!;
    const fa = Math.exp((WEAR_ACT_REF_S - actS) / WEAR_ACT_SCALE_S); // wearActFactor
    const actF = fa > 20 ? 20 : fa < 0.01 ? 0.01 : fa;
    const qRef = WEAR_LOW_FLOW_FRACTION * c.plan.oxygenator.maxFlowLPerMin; // wearFlowFactor
    const flowF = !(flow > qRef / WEAR_MAX_FLOW_FACTOR)
      ? WEAR_MAX_FLOW_FACTOR
      : flow >= qRef
        ? 1
        : qRef / flow;
    const b0 = wear[WEAR_BURDEN]!;
    const kEff = WEAR_K_PER_S * actF * flowF * (accel > 0 ? accel : 0);
    const sd = WEAR_SEED;
    const z0 = (sd + b0) / (1 - (b0 < 0.999999 ? b0 : 0.999999));
    const z = z0 * Math.exp(kEff * (1 + sd) * step);
    const bw = (z - sd) / (1 + z);
    wear[WEAR_BURDEN] = bw > 1 ? 1 : bw < 0 ? 0 : bw;
    wear[WEAR_RATE_PER_S] = kEff * (sd + wear[WEAR_BURDEN]!) * (1 - wear[WEAR_BURDEN]!);
  }
  const b = wear[WEAR_BURDEN]!;
  c.ox[L_CLOT] = 1 - (1 - b) * (1 - 0.95 * c.faults[F_CLOTTING]!); // combinedClotFraction
  // --- Heparin consumed by the clot, from the circuit's plasma.
  const hct = chem.out[L_HCT]!;
  const V = net.V;
  const vCircuit = V[c.cVL]! + V[c.cRES]! + V[c.cOX]! + V[c.cART]!; // c.volume()
  const vCircuitPlasma = vCircuit * (1 - (hct > 0 && hct < 0.95 ? hct : 0));
  // heparinLeftAfterClot(b, vCircuitPlasma, step):
  const left =
    !(vCircuitPlasma > 1e-9) || !(b > 0)
      ? 1
      : Math.exp((-(WEAR_HEPARIN_CL_MAX_ML_PER_MIN / 60) * b * step) / vCircuitPlasma);
  if (left < 1) {
    const j = L_HEPARIN * chem.n;
    for (let i = c.cVL; i <= c.cART; i++) chem.mass[j + i] = chem.mass[j + i]! * left;
  }
  // --- Haemolysis: pump shear, inlet suction, clot (freeHbGenerationMgPerDlPerH(rpm, flow, P inlet, b, plasmaMl)).
  let vAll = 0; // plasmaMl(c)
  for (let i = 0; i < net.nComp; i++) vAll += V[i]!;
  const hctAll = chem.out[L_HCT]!;
  const plasma = vAll * (1 - (hctAll > 0 && hctAll < 0.95 ? hctAll : 0));
  const rpm = c.rpm;
  const pIn = net.P[c.cRES]!;
  let g = HAEM_BASELINE_GEN_MG_PER_DL_PER_H;
  if (rpm > 0 && flow > 0 && plasma > 1) {
    const nih = HAEM_NIH_REF_G_PER_100L * (rpm / HAEM_RPM_REF) ** HAEM_SHEAR_EXPONENT;
    g += ((nih * flow) / 100) * 1000 * 60 * (100 / plasma);
  }
  if (pIn < HAEM_SUCTION_THRESHOLD_MMHG && flow > 0) {
    const x = (HAEM_SUCTION_THRESHOLD_MMHG - pIn) / 50;
    g += HAEM_SUCTION_GEN_MG_PER_DL_PER_H * x * x;
  }
  if (b > 0) g += HAEM_CLOT_GEN_MG_PER_DL_PER_H * (b < 1 ? b : 1);
  // stepHaemolysis(c.haem, g, step):
  const hs = c.haem;
  const f = hs[L_FREE_HB]!;
  const h = hs[L_HAPTO]!;
  const bound = f < h ? f : h;
  const unbound = f > h ? f - h : 0;
  const gs = g / 3600;
  const clearedBound = KB * bound * step;
  const fNew = f + gs * step - clearedBound - KU * unbound * step;
  const hNew =
    h +
    (HAEM_BASELINE_GEN_MG_PER_DL_PER_H / 3600 + KS * (HAEM_HAPTO_NORMAL_MG_PER_DL - h)) * step -
    clearedBound;
  hs[L_FREE_HB] = fNew > 0 ? fNew : 0;
  hs[L_HAPTO] = hNew > 0 ? hNew : 0;
  hs[HAEM_GEN] = g;
}

/**
 * Circuit change (`ecmo.changeCircuit`): the old circuit's contents are discarded (counted out of the network) and
 * the new circuit's prime counted in — the same compartment volumes, so the network volume is conserved exactly
 * (sum of V plus external out − in unchanged); the prime's composition is the builder's (hct 0: balanced
 * crystalloid; > 0: blood prime; heparin spread by volume). Clot burden and the oxygenator/pump faults are reset
 * (a new oxygenator and pump head). Flow stops for `interruptionS` (pump factor 0, lines clamped). Free Hb and
 * haptoglobin are diluted by the prime's plasma and lose what the discarded plasma carried.
 */
export function changeCircuit(
  c: CircuitModel,
  primeHct: number,
  primeHeparinU: number,
  interruptionS: number,
): void {
  const net = c.model.net;
  const lr = c.longRun;
  const vCircuit = c.volume();
  const plasmaBefore = plasmaMl(c);
  const hct = c.model.chem.out[C_HCT]!;
  const circuitPlasma = vCircuit * (1 - (hct > 0 && hct < 0.95 ? hct : 0));
  const primePlasma = vCircuit * (1 - primeHct);
  c.initPrime(primeHct, primeHeparinU);
  net.external[0] = net.external[0]! + vCircuit; // prime in
  net.external[1] = net.external[1]! + vCircuit; // old circuit out
  lr[LR_DISCARDED_ML] = lr[LR_DISCARDED_ML]! + vCircuit;
  lr[LR_PRIME_ADDED_ML] = lr[LR_PRIME_ADDED_ML]! + vCircuit;
  lr[LR_CHANGES] = lr[LR_CHANGES]! + 1;
  lr[LR_CHANGE_LEFT_S] = interruptionS;
  c.wear[WEAR_BURDEN] = 0;
  c.clearFault("oxygenatorClotting");
  c.clearFault("plasmaLeak");
  c.clearFault("pumpFailure");
  c.clearFault("oxygenatorWear");
  const kept = plasmaBefore - circuitPlasma;
  const dilution = kept > 0 ? kept / (kept + primePlasma) : 1;
  c.haem[HAEM_FREE_HB] = c.haem[HAEM_FREE_HB]! * dilution;
  c.haem[HAEM_HAPTO] = c.haem[HAEM_HAPTO]! * dilution;
}
