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
import { C_HCT, C_HEPARIN, SP_DRUG0 } from "../patient/chemistry.ts";
import type { CircuitModel } from "./circuit-model.ts";

// The once-a-second step below runs the models' own kernels (stepWearIo, wearAccelerationIo, combinedClotFractionIo,
// heparinLeftAfterClotIo, freeHbGenerationIo, stepHaemolysisIo) with every number passed through their registers
// WEAR_IO and HAEM_IO: a call taken once a second is not inlined by V8, and a number passed to or returned from such
// a call is boxed (docs/models/engine.md, what allocates). The wrappers with number parameters that the tests use run
// the same kernels.
// Module-local copies of the imported bindings (each use of an imported binding is a getter call under tsx).
const {
  WEAR_BURDEN,
  WEAR_IO,
  stepWearIo,
  wearAccelerationIo,
  combinedClotFractionIo,
  heparinLeftAfterClotIo,
} = WEAR;
const { HAEM_IO, freeHbGenerationIo, stepHaemolysisIo } = HAEM;
const L_HEPARIN = SP_DRUG0 + DRUG_HEPARIN;
const L_HEPARIN_OUT = C_HEPARIN; // arterial plasma heparin (anti-Xa), U/mL
const L_HCT = C_HCT;
const L_CLOT = OXS_CLOT_FRACTION;

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
  // --- Oxygenator wear and its clot fraction: stepWear(c.wear, step, plasma heparin, flow, max flow,
  // wearAcceleration(fault)).
  const wear = c.wear;
  WEAR_IO[5] = c.faults[F_WEAR]!;
  wearAccelerationIo();
  WEAR_IO[0] = step;
  WEAR_IO[1] = chem.out[L_HEPARIN_OUT]!;
  WEAR_IO[2] = flow;
  WEAR_IO[3] = c.plan.oxygenator.maxFlowLPerMin;
  WEAR_IO[4] = WEAR_IO[6]!;
  stepWearIo(wear);
  const b = wear[WEAR_BURDEN]!;
  WEAR_IO[7] = b; // combinedClotFraction(b, clotting fault)
  WEAR_IO[8] = c.faults[F_CLOTTING]!;
  combinedClotFractionIo();
  c.ox[L_CLOT] = WEAR_IO[9]!;
  // --- Heparin consumed by the clot, from the circuit's plasma: heparinLeftAfterClot(b, circuit plasma, step).
  const hct = chem.out[L_HCT]!;
  const V = net.V;
  const vCircuit = V[c.cVL]! + V[c.cRES]! + V[c.cOX]! + V[c.cART]!; // c.volume()
  WEAR_IO[10] = b;
  WEAR_IO[11] = vCircuit * (1 - (hct > 0 && hct < 0.95 ? hct : 0));
  WEAR_IO[12] = step;
  heparinLeftAfterClotIo();
  const left = WEAR_IO[13]!;
  if (left < 1) {
    const j = L_HEPARIN * chem.n;
    for (let i = c.cVL; i <= c.cART; i++) chem.mass[j + i] = chem.mass[j + i]! * left;
  }
  // --- Haemolysis: pump shear, inlet suction, clot: freeHbGenerationMgPerDlPerH(rpm, flow, P inlet, b, plasmaMl(c)),
  // then stepHaemolysis(c.haem, generation, step).
  let vAll = 0; // plasmaMl(c)
  for (let i = 0; i < net.nComp; i++) vAll += V[i]!;
  HAEM_IO[0] = c.rpm;
  HAEM_IO[1] = flow;
  HAEM_IO[2] = net.P[c.cRES]!;
  HAEM_IO[3] = b;
  HAEM_IO[4] = vAll * (1 - (hct > 0 && hct < 0.95 ? hct : 0));
  freeHbGenerationIo();
  HAEM_IO[6] = HAEM_IO[5]!;
  HAEM_IO[7] = step;
  stepHaemolysisIo(c.haem);
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
