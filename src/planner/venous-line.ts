/**
 * Pressure drop along the venous line, for the drainage check (cannulae.ts): Hagen–Poiseuille,
 *   ΔP = 8·μ·L·Q / (π·r⁴),
 * with the blood viscosity at the planned Hct on bypass and temperature, μ = bloodViscosityCp(Hct, T)
 * (10^(1.138·Hct + 0.03699)·0.97^(T − 37) cP) — the same tubing resistance and viscosity the circuit model uses
 * for its venous drainage connector (src/sim/circuit/tubing.ts, src/sim/blood/viscosity.ts, docs/models/circuit.md).
 * Checked at the full flow at 37 °C and at the target flow at the planned lowest temperature (colder blood is
 * more viscous while the flow is lower); the larger drop counts. Laminar flow is assumed: at high flow in 3/8"–1/2"
 * tubing the Reynolds number passes ~2000 and Poiseuille under-states the drop (the explanation says so).
 */
import { bloodViscosityCp } from "../sim/blood/viscosity.ts";
import { buildTubingParams, tubingPressureDropMmHg, tubingReynolds } from "../sim/circuit/tubing.ts";
import { type Explained, explained } from "./explain.ts";
import type { TubingSize } from "./schema.ts";

export interface VenousLineInput {
  sizeIn: TubingSize;
  lengthCm: number;
  /** Hct on bypass (fraction), the planner's predicted Hct with the planned red cells. */
  hctOnBypass: number;
  fullFlowLPerMin: number;
  targetFlowLPerMin: number;
  lowestTempC: number;
}

/** The venous line's drop (mmHg) at the governing of the two conditions, with its explanation. */
export function venousLineDrop(v: VenousLineInput): Explained {
  const tube = buildTubingParams(
    { internalDiameterIn: v.sizeIn, lengthM: v.lengthCm / 100 },
    "tubing.venous",
  );
  const at = (flowLPerMin: number, tempC: number) => {
    const mu = bloodViscosityCp(v.hctOnBypass, tempC);
    const q = (flowLPerMin * 1000) / 60;
    return {
      flowLPerMin,
      tempC,
      mu,
      drop: tubingPressureDropMmHg(tube, q, mu),
      re: tubingReynolds(tube, q, mu),
    };
  };
  const full = at(v.fullFlowLPerMin, 37);
  const cold = at(v.targetFlowLPerMin, v.lowestTempC);
  const g = cold.drop > full.drop ? cold : full;
  return explained("venous-line-pressure-drop", g.drop, "mmHg", {
    formula:
      "ΔP = 8·μ·L·Q/(π·r⁴) (Hagen–Poiseuille), μ = 10^(1.138·Hct + 0.03699)·0.97^(T−37) cP; the larger of full flow at 37 °C and target flow at the lowest temperature",
    inputs: {
      sizeIn: v.sizeIn,
      lengthCm: v.lengthCm,
      hctOnBypass: v.hctOnBypass,
      flowLPerMin: g.flowLPerMin,
      tempC: g.tempC,
    },
    constants: {
      viscosityCp: Number(g.mu.toFixed(3)),
      reynolds: Math.round(g.re),
      dropAtFullFlowMmHg: Number(full.drop.toFixed(2)),
      dropAtLowestTempMmHg: Number(cold.drop.toFixed(2)),
    },
    source:
      "Hagen–Poiseuille; blood viscosity as the circuit model (src/sim/blood/viscosity.ts, docs/models/circuit.md)",
    evidence: "C",
    note:
      g.re > 2000
        ? `Reynolds number ${Math.round(g.re)} > 2000: flow is not laminar and Poiseuille under-states the drop`
        : "laminar (Reynolds number < 2000)",
  });
}
