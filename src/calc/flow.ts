/**
 * Target pump flow on bypass (shared/reference/reference-data.md §3.1–3.2).
 *
 *   cardiac-index: Q (L/min) = BSA (m²) × CI (L/min/m²); 2.4 L/min/m² is a common adult protocol value
 *                  (Alston et al., Perfusion 2006;21:139) [S]; 2.0–2.4 historic range; 2.8 at GOSH (children).
 *   weight-band:   Q (L/min) = W (kg) × mL/kg/min / 1000, mL/kg/min from perfusion-teaching weight bands
 *                  (brainscape flash cards [S2]: 0–3 kg 200; 3–10 kg 150; 10–15 kg 125; 15–30 kg 100;
 *                  30–50 kg 75; > 55 kg 65). The source leaves 50–55 kg open; here 75 runs up to 55 kg.
 */
import { InputError } from "../common/errors.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { RANGES, requireChoice, requireInRange, requirePresent } from "./validate.ts";

export const CPB_FLOW_METHODS = ["cardiac-index", "weight-band"] as const;
export type CpbFlowMethod = (typeof CPB_FLOW_METHODS)[number];

const CI_RANGE = { min: 0, minExclusive: true, max: 5, unit: "L/min/m²" } as const;

/** Weight bands: lower bound inclusive, upper exclusive. */
export const PAEDIATRIC_FLOW_BANDS: readonly { minKg: number; maxKg: number; mlPerKgPerMin: number }[] = [
  { minKg: 0, maxKg: 3, mlPerKgPerMin: 200 },
  { minKg: 3, maxKg: 10, mlPerKgPerMin: 150 },
  { minKg: 10, maxKg: 15, mlPerKgPerMin: 125 },
  { minKg: 15, maxKg: 30, mlPerKgPerMin: 100 },
  { minKg: 30, maxKg: 55, mlPerKgPerMin: 75 },
  { minKg: 55, maxKg: Number.POSITIVE_INFINITY, mlPerKgPerMin: 65 },
];

export function cpbFlow(input: {
  method?: CpbFlowMethod;
  bsaM2?: number;
  cardiacIndex?: number;
  weightKg?: number;
}): CalcResult {
  const method = requireChoice("method", input.method ?? "cardiac-index", CPB_FLOW_METHODS);
  if (method === "cardiac-index") {
    const bsaM2 = requireInRange(
      "bsaM2",
      requirePresent("bsaM2", input.bsaM2, "the BSA in m²"),
      RANGES.bsaM2,
    );
    const ci = requireInRange("cardiacIndex", input.cardiacIndex ?? 2.4, CI_RANGE);
    return {
      calculator: "cpb-flow",
      value: bsaM2 * ci,
      unit: "L/min",
      method,
      formula: "Q = BSA × CI",
      constants: { cardiacIndex: ci },
      inputs: { method, bsaM2, cardiacIndex: ci },
      source:
        "2.4 L/min/m² (Alston et al., Perfusion 2006;21:139); 2.0–2.4 historic (perfusion.com); reference §3.1",
    };
  }
  const weightKg = requireInRange(
    "weightKg",
    requirePresent("weightKg", input.weightKg, "the weight in kg for --method weight-band"),
    RANGES.weightKg,
  );
  const band = PAEDIATRIC_FLOW_BANDS.find((b) => weightKg >= b.minKg && weightKg < b.maxKg);
  if (!band)
    throw new InputError({
      field: "weightKg",
      allowed: "covered by a flow band",
      received: String(weightKg),
    });
  return {
    calculator: "cpb-flow",
    value: (weightKg * band.mlPerKgPerMin) / 1000,
    unit: "L/min",
    method,
    formula: `Q = W × ${band.mlPerKgPerMin} mL/kg/min (band ${band.minKg}–${Number.isFinite(band.maxKg) ? band.maxKg : "∞"} kg)`,
    constants: { mlPerKgPerMin: band.mlPerKgPerMin },
    inputs: { method, weightKg },
    source:
      "paediatric flow bands, brainscape perfusion flash cards [S2] (Tschaut 2020 gives ranges), reference §3.2",
  };
}

export const cpbFlowSpec: CalculatorSpec = {
  name: "cpb-flow",
  summary: "Target bypass flow (L/min): BSA × cardiac index, or weight × mL/kg/min band",
  source: "Alston 2006 (2.4 L/min/m²); paediatric bands brainscape [S2]; reference §3.1–3.2",
  params: [
    {
      key: "method",
      flag: "method",
      description: "cardiac-index or weight-band",
      kind: "choice",
      choices: CPB_FLOW_METHODS,
      default: "cardiac-index",
    },
    {
      key: "bsaM2",
      flag: "bsa-m2",
      description: "body surface area (cardiac-index)",
      kind: "number",
      range: RANGES.bsaM2,
      optional: true,
    },
    {
      key: "cardiacIndex",
      flag: "ci-l-min-m2",
      description: "cardiac index (cardiac-index)",
      kind: "number",
      range: CI_RANGE,
      default: 2.4,
    },
    {
      key: "weightKg",
      flag: "weight-kg",
      description: "body weight (weight-band)",
      kind: "number",
      range: RANGES.weightKg,
      optional: true,
    },
  ],
  run: (i) =>
    cpbFlow({
      method: i.method as CpbFlowMethod,
      bsaM2: i.bsaM2 as number | undefined,
      cardiacIndex: i.cardiacIndex as number,
      weightKg: i.weightKg as number | undefined,
    }),
};
