/**
 * Target and maximum flows.
 * - CPB, weight ≥ protocol.adultFlowFromKg: Q = BSA × CI (cpbFlow calculator). The CI at the planned lowest
 *   temperature is interpolated linearly between the protocol's (temperature, CI) points and held at the ends;
 *   the maximum flow uses protocol.maxCardiacIndex (it sizes the oxygenator and the lines).
 * - CPB below that weight: weight band, Q = W × mL/kg/min (target and maximum per band).
 * - VA / VV ECMO: weight band in mL/kg/min for the mode.
 * The weight-band product is W × mL/kg/min / 1000; the protocol's own bands are used (the cpbFlow
 * calculator's built-in bands cannot be replaced), with the band's source in the explanation.
 */
import { cpbFlow } from "../calc/index.ts";
import type { CalcResult } from "../calc/types.ts";
import { InputError } from "../common/errors.ts";
import { type Explained, explained } from "./explain.ts";
import type { Patient } from "./patient.ts";
import type { FlowBand, Protocol } from "./schema.ts";

export interface Flows {
  method: "cardiac-index" | "weight-band" | "ecmo-weight-band";
  /** Flow at the planned lowest temperature. */
  target: Explained;
  /** Full flow at normothermia (rewarming, weaning); cannulae are checked at this flow. */
  fullFlow: Explained;
  /** Highest flow the circuit must deliver (sizes the oxygenator and tubing). */
  max: Explained;
  cardiacIndex?: Explained;
}

/** CI (L/min/m²) at temperature T by linear interpolation of the protocol's points. */
export function cardiacIndexAt(tempC: number, protocol: Protocol): Explained {
  const pts = [...protocol.cardiacIndexByTemperature].sort((a, b) => b.tempC - a.tempC);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  let ci: number;
  let formula: string;
  let sources: string;
  if (tempC >= first.tempC) {
    ci = first.cardiacIndex;
    formula = `CI = ${ci} (at or above ${first.tempC} °C)`;
    sources = first.source;
  } else if (tempC <= last.tempC) {
    ci = last.cardiacIndex;
    formula = `CI = ${ci} (at or below ${last.tempC} °C)`;
    sources = last.source;
  } else {
    const i = pts.findIndex((p) => p.tempC <= tempC);
    const hi = pts[i - 1]!;
    const lo = pts[i]!;
    const f = (tempC - lo.tempC) / (hi.tempC - lo.tempC);
    ci = lo.cardiacIndex + f * (hi.cardiacIndex - lo.cardiacIndex);
    formula = `CI = CI(${lo.tempC} °C) + (T − ${lo.tempC})/(${hi.tempC} − ${lo.tempC}) × (CI(${hi.tempC} °C) − CI(${lo.tempC} °C)), linear between protocol points`;
    sources = `${lo.source}; ${hi.source}`;
  }
  const evidence = pts.some((p) => p.evidence === "U")
    ? "U"
    : pts.some((p) => p.evidence === "S2")
      ? "S2"
      : "S";
  return explained("cardiac-index", ci, "L/min/m²", {
    formula,
    inputs: { lowestTempC: tempC },
    source: `protocol cardiacIndexByTemperature: ${sources}`,
    evidence,
  });
}

function bandFor(weightKg: number, bands: FlowBand[], field: string): FlowBand {
  const band = [...bands]
    .sort((a, b) => a.maxWeightKg - b.maxWeightKg)
    .find((b) => weightKg <= b.maxWeightKg);
  if (!band) {
    throw new InputError({
      field,
      allowed: `a band covering ${weightKg} kg in the protocol`,
      received: "none",
    });
  }
  return band;
}

function bandFlow(
  name: string,
  weightKg: number,
  mlPerKgPerMin: number,
  band: FlowBand,
  which: string,
): Explained {
  return explained(name, (weightKg * mlPerKgPerMin) / 1000, "L/min", {
    formula: `Q = W × ${mlPerKgPerMin} mL/kg/min / 1000 (${which}, band ≤ ${band.maxWeightKg} kg)`,
    inputs: { weightKg },
    constants: { mlPerKgPerMin },
    source: band.source,
    evidence: band.evidence,
  });
}

const fromCalc = (r: CalcResult, evidence: Explained["evidence"]): Explained => ({ ...r, evidence });

export function planFlows(patient: Patient, bsaM2: number, protocol: Protocol): Flows {
  const w = patient.weightKg;
  if (patient.procedure !== "cpb") {
    const band = bandFor(w, protocol.ecmoFlowBands[patient.procedure], `ecmoFlowBands.${patient.procedure}`);
    const target = bandFlow("ecmo-flow", w, band.targetMlPerKgPerMin, band, `${patient.procedure} target`);
    return {
      method: "ecmo-weight-band",
      target,
      fullFlow: target,
      max: bandFlow("ecmo-flow-max", w, band.maxMlPerKgPerMin, band, `${patient.procedure} maximum`),
    };
  }
  if (w >= protocol.adultFlowFromKg.value) {
    const ci = cardiacIndexAt(patient.lowestTempC, protocol);
    const full = cardiacIndexAt(37, protocol);
    const target = fromCalc(cpbFlow({ method: "cardiac-index", bsaM2, cardiacIndex: ci.value }), ci.evidence);
    const fullFlow = fromCalc(
      cpbFlow({ method: "cardiac-index", bsaM2, cardiacIndex: full.value }),
      full.evidence,
    );
    const max = fromCalc(
      cpbFlow({ method: "cardiac-index", bsaM2, cardiacIndex: protocol.maxCardiacIndex.value }),
      protocol.maxCardiacIndex.evidence,
    );
    max.source = `${max.source}; maximum CI: ${protocol.maxCardiacIndex.source}`;
    return { method: "cardiac-index", target, fullFlow, max, cardiacIndex: ci };
  }
  const band = bandFor(w, protocol.paediatricFlowBands, "paediatricFlowBands");
  const target = bandFlow("cpb-flow", w, band.targetMlPerKgPerMin, band, "target");
  return {
    method: "weight-band",
    target,
    fullFlow: target,
    max: bandFlow("cpb-flow-max", w, band.maxMlPerKgPerMin, band, "maximum"),
  };
}
