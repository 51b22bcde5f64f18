/**
 * Cardioplegia dose and its blood/crystalloid split (shared/reference/reference-data.md §6.3).
 *
 *   blood = dose × b/(b + c),  crystalloid = dose × c/(b + c)   for a blood:crystalloid ratio b:c
 *   del Nido: 1:4 blood:crystalloid ("four parts crystalloid to one part whole blood", Matte & del Nido,
 *             JECT 2012;44:98; composition table 200 mL blood + 800 mL base, Ali et al., JECT 2024;56:84) [S]
 *   blood 4:1: "4:1 blood cardioplegia" (Luo et al., J Thorac Dis) [S]; 4 parts BLOOD to 1 crystalloid by
 *             convention [U]. Note the naming trap: del Nido is 1:4, blood cardioplegia 4:1.
 *   dose:     given in mL, or weight × mL/kg capped at a maximum. The del Nido defaults 20 mL/kg, max 1000 mL
 *             are UNVERIFIED [U]: the usual Boston figure, not found in the retrieved sources (reference §6.3,
 *             §10 gap 4). They are used only when the caller gives a weight and no mL/kg.
 */
import { InputError } from "../common/errors.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { optionalInRange, RANGES, requireChoice, requireInRange, requirePresent } from "./validate.ts";

export const CARDIOPLEGIA_METHODS = ["del-nido", "blood-4-1", "custom"] as const;
export type CardioplegiaMethod = (typeof CARDIOPLEGIA_METHODS)[number];

const DOSE_RANGE = { min: 0, minExclusive: true, max: 5000, unit: "mL" } as const;
const ML_PER_KG_RANGE = { min: 0, minExclusive: true, max: 60, unit: "mL/kg" } as const;
const PARTS_RANGE = { min: 0, max: 100, unit: "parts" } as const;

export const DEL_NIDO_UNVERIFIED_DOSE = { mlPerKg: 20, maxMl: 1000 } as const;

const SOURCES: Record<CardioplegiaMethod, string> = {
  "del-nido":
    "del Nido 1:4 blood:crystalloid: Matte & del Nido, JECT 2012;44:98; Ali et al., JECT 2024;56:84 Table 1; reference §6.3",
  "blood-4-1":
    "4:1 blood cardioplegia: Luo et al., J Thorac Dis; 4 blood : 1 crystalloid by convention [U]; reference §6.3",
  custom: "blood:crystalloid ratio given by the user",
};

export function cardioplegia(input: {
  method?: CardioplegiaMethod;
  doseMl?: number;
  weightKg?: number;
  mlPerKg?: number;
  maxMl?: number;
  bloodParts?: number;
  crystalloidParts?: number;
}): CalcResult {
  const method = requireChoice("method", input.method ?? "del-nido", CARDIOPLEGIA_METHODS);
  const doseGiven = optionalInRange("doseMl", input.doseMl, DOSE_RANGE);
  const weightKg = optionalInRange("weightKg", input.weightKg, RANGES.weightKg);
  let mlPerKg = optionalInRange("mlPerKg", input.mlPerKg, ML_PER_KG_RANGE);
  let maxMl = optionalInRange("maxMl", input.maxMl, DOSE_RANGE);
  const inputs: Record<string, number | string> = { method };

  let blood: number;
  let crystalloid: number;
  if (method === "del-nido") [blood, crystalloid] = [1, 4];
  else if (method === "blood-4-1") [blood, crystalloid] = [4, 1];
  else {
    const need = "with --method custom, e.g. --blood-parts 1 --crystalloid-parts 4";
    blood = requireInRange("bloodParts", requirePresent("bloodParts", input.bloodParts, need), PARTS_RANGE);
    crystalloid = requireInRange(
      "crystalloidParts",
      requirePresent("crystalloidParts", input.crystalloidParts, need),
      PARTS_RANGE,
    );
    if (blood + crystalloid <= 0) {
      throw new InputError({
        field: "crystalloidParts",
        allowed: "> 0 when --blood-parts is 0 (the parts cannot both be 0)",
        received: String(crystalloid),
      });
    }
  }
  if (method !== "custom" && (input.bloodParts !== undefined || input.crystalloidParts !== undefined)) {
    throw new InputError({
      field: input.bloodParts !== undefined ? "bloodParts" : "crystalloidParts",
      allowed: `given only with --method custom (${method} has a fixed ratio)`,
      received: String(input.bloodParts ?? input.crystalloidParts),
    });
  }
  inputs.bloodParts = blood;
  inputs.crystalloidParts = crystalloid;

  let dose: number;
  let doseNote: string;
  let unverified = false;
  if (doseGiven !== undefined) {
    if (weightKg !== undefined) {
      throw new InputError({
        field: "doseMl",
        allowed: "given without --weight-kg (give the dose, or the weight for a mL/kg dose, not both)",
        received: String(doseGiven),
      });
    }
    dose = doseGiven;
    doseNote = "dose given";
    inputs.doseMl = dose;
  } else if (weightKg !== undefined) {
    if (method === "del-nido") {
      if (mlPerKg === undefined) {
        mlPerKg = DEL_NIDO_UNVERIFIED_DOSE.mlPerKg;
        unverified = true;
      }
      if (maxMl === undefined) {
        maxMl = DEL_NIDO_UNVERIFIED_DOSE.maxMl;
        unverified = true;
      }
    }
    if (mlPerKg === undefined) {
      throw new InputError({
        field: "mlPerKg",
        allowed: `given with --weight-kg for ${method} (no verified mL/kg dose in the reference data)`,
        received: "nothing",
      });
    }
    dose = weightKg * mlPerKg;
    if (maxMl !== undefined) dose = Math.min(dose, maxMl);
    doseNote = `dose = min(W × ${mlPerKg} mL/kg, ${maxMl ?? "no max"} mL)`;
    Object.assign(inputs, { weightKg, mlPerKg });
    if (maxMl !== undefined) inputs.maxMl = maxMl;
  } else {
    throw new InputError({
      field: "doseMl",
      allowed: "given, or --weight-kg for a mL/kg dose",
      received: "nothing",
    });
  }

  const total = blood + crystalloid;
  const bloodMl = (dose * blood) / total;
  const crystalloidMl = (dose * crystalloid) / total;
  const unverifiedNote = unverified
    ? `; UNVERIFIED [U]: del Nido ${DEL_NIDO_UNVERIFIED_DOSE.mlPerKg} mL/kg, max ${DEL_NIDO_UNVERIFIED_DOSE.maxMl} mL is the usual Boston figure but was not found at a primary source (reference §6.3): check your protocol`
    : "";
  return {
    calculator: "cardioplegia",
    value: dose,
    unit: "mL",
    method,
    formula: `${doseNote}; blood = dose × ${blood}/${total}, crystalloid = dose × ${crystalloid}/${total}`,
    constants: { bloodParts: blood, crystalloidParts: crystalloid },
    inputs,
    source: `${SOURCES[method]}${unverifiedNote}`,
    extra: {
      bloodMl: { value: bloodMl, unit: "mL" },
      crystalloidMl: { value: crystalloidMl, unit: "mL" },
    },
  };
}

export const cardioplegiaSpec: CalculatorSpec = {
  name: "cardioplegia",
  summary: "Cardioplegia dose (mL) and its blood/crystalloid split: del Nido 1:4, blood 4:1 or custom",
  source:
    "Matte & del Nido 2012; Ali et al. 2024; Luo et al. (4:1); del Nido 20 mL/kg max 1000 mL is UNVERIFIED [U] (reference §6.3)",
  params: [
    {
      key: "method",
      flag: "method",
      description: "blood:crystalloid ratio: del-nido 1:4, blood-4-1 4:1, custom",
      kind: "choice",
      choices: CARDIOPLEGIA_METHODS,
      default: "del-nido",
    },
    {
      key: "doseMl",
      flag: "dose-ml",
      description: "total dose",
      kind: "number",
      range: DOSE_RANGE,
      optional: true,
    },
    {
      key: "weightKg",
      flag: "weight-kg",
      description: "body weight, for a mL/kg dose",
      kind: "number",
      range: RANGES.weightKg,
      optional: true,
    },
    {
      key: "mlPerKg",
      flag: "ml-per-kg",
      description: "dose per kg (del-nido default 20, UNVERIFIED [U])",
      kind: "number",
      range: ML_PER_KG_RANGE,
      optional: true,
    },
    {
      key: "maxMl",
      flag: "max-ml",
      description: "maximum dose (del-nido default 1000, UNVERIFIED [U])",
      kind: "number",
      range: DOSE_RANGE,
      optional: true,
    },
    {
      key: "bloodParts",
      flag: "blood-parts",
      description: "blood parts (custom)",
      kind: "number",
      range: PARTS_RANGE,
      optional: true,
    },
    {
      key: "crystalloidParts",
      flag: "crystalloid-parts",
      description: "crystalloid parts (custom)",
      kind: "number",
      range: PARTS_RANGE,
      optional: true,
    },
  ],
  run: (i) =>
    cardioplegia({
      method: i.method as CardioplegiaMethod,
      doseMl: i.doseMl as number | undefined,
      weightKg: i.weightKg as number | undefined,
      mlPerKg: i.mlPerKg as number | undefined,
      maxMl: i.maxMl as number | undefined,
      bloodParts: i.bloodParts as number | undefined,
      crystalloidParts: i.crystalloidParts as number | undefined,
    }),
};
