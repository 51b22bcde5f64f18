/**
 * The planner's cannula pressure drop is the simulator's: the same device data and the same blood-scaled law, so
 * a cannula the planner accepts drains / returns in the simulation what the plan says.
 *
 * Law (src/sim/circuit/cannula.ts, docs/models/circuit.md): ΔP = a·Q + b·Q², fitted without intercept to the
 * catalogue's points (least squares; one point → pure quadratic, a = 0). Data measured with water are scaled to
 * blood by dynamic similarity: the viscous term by μ_blood/μ_data, the inertial term by ρ_blood/ρ_data
 * (Ganushchak et al., Perfusion 2020;35:331, PMC7263036: dynamic-similarity scaling of water charts predicted the
 * drop of a blood-viscosity fluid with concordance 0.95). Blood viscosity μ(Hct, T) is the engine's
 * (src/sim/blood/viscosity.ts: Lichtman's exponential Hct law, ≈ 3 %/°C of cooling after Harkness & Phillips).
 *
 * The device data the simulator uses for a catalogue id: its built-in entry (CANNULA_DATA, kept identical to the
 * catalogue by src/sim/circuit/cannula-catalogue.test.ts) when it has one, else the catalogue's pressureFlow
 * points — the same choice circuitFromPlan makes (to-circuit.ts uses simCannulaSpec below).
 */

import {
  buildCannulaParams,
  type CannulaParams,
  type CannulaSpec,
  cannulaPressureDropMmHg,
} from "../sim/circuit/cannula.ts";
import { CANNULA_DATA, type CannulaType } from "../sim/circuit/cannula-data.ts";
import { lPerMinToMlPerS } from "../sim/circuit/units.ts";
import type { Cannula, CannulaKind, PressureFlow } from "./schema.ts";

export const KIND_TO_TYPE: Record<CannulaKind, CannulaType> = {
  "aortic-arterial": "arterial",
  "femoral-arterial": "femoralArterial",
  "venous-single-stage": "venousSingleStage",
  "venous-two-stage": "venousTwoStage",
  "venous-bicaval": "bicaval",
  "femoral-venous": "femoralVenous",
  "ecmo-dual-lumen": "ecmo",
};

/**
 * The simulator's cannula spec (without `vessel`) for a catalogue device's lumen: by id when the simulator has a
 * built-in entry for it, else with the catalogue's points (the engine scales them by the stated fluid). The
 * drainage lumen of a dual-lumen cannula always brings its own points (no built-in entry).
 */
export function simCannulaSpec(
  device: Cannula,
  lumen: "pressureFlow" | "drainagePressureFlow" = "pressureFlow",
): CannulaSpec | undefined {
  const type = KIND_TO_TYPE[device.kind];
  if (lumen === "pressureFlow" && CANNULA_DATA[device.id]) return { type, fr: device.fr, model: device.id };
  const pf = device[lumen];
  if (!pf) return undefined;
  return {
    type,
    fr: device.fr,
    model: device.id,
    pressureFlow: { points: pf.points.map(([q, p]) => [q, p]), fluid: pf.fluid, source: pf.source },
  };
}

// Fitted parameters per data set: the catalogue is immutable after loading, so each curve is fitted once
// (the fit validates the spec with zod, ~10 µs; a plan looks at every cannula several times).
const FITTED = new WeakMap<PressureFlow, CannulaParams>();

/** The engine's fitted, blood-scaled parameters for a device lumen (undefined without data). */
export function cannulaLaw(
  device: Cannula,
  lumen: "pressureFlow" | "drainagePressureFlow" = "pressureFlow",
): CannulaParams | undefined {
  const pf = device[lumen];
  if (!pf) return undefined;
  const hit = FITTED.get(pf);
  if (hit) return hit;
  const spec = simCannulaSpec(device, lumen);
  if (!spec) return undefined;
  const params = buildCannulaParams(spec, `catalogue.cannulae.${device.id}`);
  FITTED.set(pf, params);
  return params;
}

/** ΔP (mmHg) with blood of `viscosityCp` at `flowLPerMin`, by the engine's law. */
export function bloodDropMmHg(p: CannulaParams, flowLPerMin: number, viscosityCp: number): number {
  return cannulaPressureDropMmHg(p, lPerMinToMlPerS(flowLPerMin), viscosityCp);
}
