/**
 * Standard adult blood compositions used to initialise compartments.
 * Arterial/venous gas values: Pulse validation table (Guyton; Gropper 2013), shared/reference/
 * physiology-and-engines.md §5.2 (PaO2 95, PaCO2 40, PvO2 40, PvCO2 45 mmHg, SaO2 0.97, HCO3 22–26). The
 * brief's venous PCO2 46 is used for PvCO2 (inside the 45–46 textbook range). pH 7.40 / BE 0 / Hb 15 are the
 * standard conditions of the Van Slyke equation (Lang & Zander 2002) and of the ODC (reference §4.3).
 */
import { RANGES, requireInRange } from "../../calc/validate.ts";
import { solveAcidBase, tco2FromPco2 } from "./acid-base.ts";
import { o2ContentFromPo2, so2FromPo2 } from "./odc.ts";

export interface BloodGasComposition {
  po2MmHg: number;
  pco2MmHg: number;
  baseExcessMmolPerL: number;
  hbGPerDl: number;
  tempC: number;
  lactateMmolPerL: number;
}

export const NORMAL_ARTERIAL: Readonly<BloodGasComposition> = Object.freeze({
  po2MmHg: 95,
  pco2MmHg: 40,
  baseExcessMmolPerL: 0,
  hbGPerDl: 15,
  tempC: 37,
  lactateMmolPerL: 1,
});

export const NORMAL_VENOUS: Readonly<BloodGasComposition> = Object.freeze({
  po2MmHg: 40,
  pco2MmHg: 46,
  baseExcessMmolPerL: 0,
  hbGPerDl: 15,
  tempC: 37,
  lactateMmolPerL: 1,
});

/** What the engine stores per compartment, derived from a blood-gas description. */
export interface CarriedComposition {
  o2ContentMlPerDl: number;
  tco2MmolPerL: number;
  so2: number;
  ph: number;
}

/**
 * Content values (O2 content, total CO2) for a composition, self-consistent with the solvers:
 * SO2 depends on pH, pH on SO2 (Haldane), so a short fixed-point iteration is used (converges in a few
 * passes; setup-time only, allocates).
 */
export function carriedFromBloodGas(c: BloodGasComposition): CarriedComposition {
  const out = new Float64Array(2);
  let ph = 7.4;
  let so2 = so2FromPo2(c.po2MmHg, c.tempC, ph, c.pco2MmHg);
  let tco2 = 0;
  for (let i = 0; i < 50; i++) {
    tco2 = tco2FromPco2(c.pco2MmHg, c.baseExcessMmolPerL, c.hbGPerDl, so2, c.tempC);
    solveAcidBase(tco2, c.baseExcessMmolPerL, c.hbGPerDl, so2, c.tempC, out);
    const nextSo2 = so2FromPo2(c.po2MmHg, c.tempC, out[0]!, c.pco2MmHg);
    const done = Math.abs(nextSo2 - so2) < 1e-12 && Math.abs(out[0]! - ph) < 1e-12;
    so2 = nextSo2;
    ph = out[0]!;
    if (done) break;
  }
  return {
    o2ContentMlPerDl: o2ContentFromPo2(c.po2MmHg, c.hbGPerDl, c.tempC, ph, c.pco2MmHg),
    tco2MmolPerL: tco2,
    so2,
    ph,
  };
}

/**
 * Validation for compositions that come from outside (plans, scenarios, instructor edits): throws an InputError
 * naming the field and its allowed range. The hot functions never validate; call this at the boundary.
 * `prefix` is prepended to field names (e.g. "patient.arterialBlood.").
 */
export function validateBloodGasComposition(c: BloodGasComposition, prefix = ""): BloodGasComposition {
  requireInRange(`${prefix}po2MmHg`, c.po2MmHg, RANGES.po2MmHg);
  requireInRange(`${prefix}pco2MmHg`, c.pco2MmHg, RANGES.pco2MmHg);
  requireInRange(`${prefix}baseExcessMmolPerL`, c.baseExcessMmolPerL, { min: -30, max: 30, unit: "mmol/L" });
  requireInRange(`${prefix}hbGPerDl`, c.hbGPerDl, RANGES.hbGPerDl);
  requireInRange(`${prefix}tempC`, c.tempC, RANGES.tempC);
  requireInRange(`${prefix}lactateMmolPerL`, c.lactateMmolPerL, { min: 0, max: 30, unit: "mmol/L" });
  return c;
}
