/**
 * Cardioplegia: the delivered mixture (blood:crystalloid ratio, K+), the delivery pressure, and a one-compartment
 * myocardial K+ model for arrest and washout.
 *
 * Delivered K+ (mass balance of the two streams):  K = fb·K_blood + fc·K_crystalloid,  fb + fc = 1.
 * Recipes (crystalloid K+):
 *   del Nido 1:4 blood:crystalloid: 800 mL base (saline/Ringer) + mannitol 20 % 16.3 mL + MgSO4 50 % 4 mL +
 *     NaHCO3 8.4 % 13 mL + KCl 2 mEq/mL 13 mL (26 mEq) + lidocaine 1 % 13 mL [S] Ali et al., JECT 2024;56:84
 *     Table 1 (reference §6.3): 26 mEq in 859.3 mL = 30.26 mmol/L (saline base, K 0) [C].
 *   Plegisol (St Thomas' No. 2), crystalloid only: K+ 16 mEq/L [S] Hospira label (DailyMed/medlibrary).
 *   Buckberg 4:1 blood cardioplegia: delivered K+ 20 (induction) → 10 (maintenance) mmol/L [S] Anesthesiol Clin
 *     2019;37:769, Table 2 (PMC6986803); the crystalloid concentrate that gives these at 4:1 with blood K+ 4 is
 *     84 / 34 mmol/L [C]: Kc = (K·5 − 4·4)/1.
 *
 * Delivery pressure (line transducer) = Q·(R_line + R_target): antegrade the target is the aortic root above the
 * coronary bed (root pressure = Q·R_coronary), retrograde the coronary sinus (Q·R_cs). The resistances are
 * parameters; defaults give ~70 mmHg root pressure at 300 mL/min and ~35 mmHg coronary-sinus pressure at
 * 200 mL/min [U: usual teaching targets, not from a retrieved source].
 *
 * Myocardial K+ (one well-mixed extracellular compartment of volume Vm, perfused at Q·reach):
 *   dK/dt = (Q·reach/Vm)·(K_in − K)   → exact step K ← K_in + (K − K_in)·exp(−Q·reach·dt/Vm)
 * Arrest when K ≥ `arrestKMmolPerL` (default 14); rhythm eligible again when K ≤ `resumeKMmolPerL` (default 8).
 * Both are model choices: by Nernst at 37 °C with 140 mmol/L inside, EK is −62 mV at 14 and −77 mV at 8 mmol/L;
 * a membrane held near −60 mV inactivates the fast Na+ channels (depolarised arrest), and the weakest licensed
 * arresting solution carries 16 mmol/L (Plegisol), so the threshold must lie below it. Retrograde delivery
 * reaches the myocardium unevenly (basal right ventricle under-perfused: Smith et al., Cardiology 1993;83:331),
 * modelled by `retrogradeReach` (default 0.75 [U]). Vm = 0.33 mL/g × heart mass (extracellular + vascular
 * fraction [U]).
 */
import { z } from "zod";
import { InputError } from "../../common/errors.ts";
import { parseSpec } from "./units.ts";

export const CARDIOPLEGIA_RECIPES = {
  delNido: {
    bloodParts: 1,
    crystalloidParts: 4,
    crystalloidKMmolPerL: 26 / 0.8593,
    evidence: "S (Ali 2024) + C",
  },
  plegisol: { bloodParts: 0, crystalloidParts: 1, crystalloidKMmolPerL: 16, evidence: "S (Hospira label)" },
  buckbergInduction: {
    bloodParts: 4,
    crystalloidParts: 1,
    crystalloidKMmolPerL: 84,
    evidence: "S (PMC6986803) + C",
  },
  buckbergMaintenance: {
    bloodParts: 4,
    crystalloidParts: 1,
    crystalloidKMmolPerL: 34,
    evidence: "S (PMC6986803) + C",
  },
} as const;
export type CardioplegiaRecipe = keyof typeof CARDIOPLEGIA_RECIPES;
const RECIPES = Object.keys(CARDIOPLEGIA_RECIPES) as [CardioplegiaRecipe, ...CardioplegiaRecipe[]];

export const cardioplegiaSpecSchema = z
  .object({
    solution: z.enum([...RECIPES, "custom"]),
    /** Custom mixture (solution "custom"), or overrides of a recipe. */
    bloodParts: z.number().min(0).max(10).optional(),
    crystalloidParts: z.number().min(0).max(10).optional(),
    crystalloidKMmolPerL: z.number().min(0).max(200).optional(),
    route: z.enum(["antegrade", "retrograde"]).default("antegrade"),
    temperatureC: z.number().min(4).max(37).default(8),
    doseMl: z.number().gt(0).max(3000).default(1000),
    /** Delivery line + heat exchanger resistance, mmHg·s/mL. */
    lineResistanceMmHgSPerMl: z.number().min(0).max(100).default(2),
    /** Coronary bed seen from the aortic root (antegrade), mmHg·s/mL: 70 mmHg at 300 mL/min [U]. */
    coronaryResistanceMmHgSPerMl: z.number().gt(0).max(200).default(14),
    /** Coronary sinus → myocardium (retrograde), mmHg·s/mL: 35 mmHg at 200 mL/min [U]. */
    coronarySinusResistanceMmHgSPerMl: z.number().gt(0).max(200).default(10.5),
    retrogradeReach: z.number().gt(0).max(1).default(0.75),
    heartMassG: z.number().min(10).max(1000).default(300),
    arrestKMmolPerL: z.number().min(8).max(40).default(14),
    resumeKMmolPerL: z.number().min(4).max(20).default(8),
  })
  .strict();
export type CardioplegiaSpec = z.input<typeof cardioplegiaSpecSchema>;

export interface CardioplegiaParams {
  readonly bloodFraction: number;
  readonly crystalloidKMmolPerL: number;
  readonly antegrade: boolean;
  readonly temperatureC: number;
  readonly doseMl: number;
  readonly lineResistance: number;
  readonly targetResistance: number;
  readonly reach: number;
  readonly myocardialVolumeMl: number;
  readonly arrestKMmolPerL: number;
  readonly resumeKMmolPerL: number;
}

export function buildCardioplegiaParams(spec: unknown, root = "cardioplegia"): CardioplegiaParams {
  const s = parseSpec(cardioplegiaSpecSchema, spec, root);
  const recipe = s.solution === "custom" ? undefined : CARDIOPLEGIA_RECIPES[s.solution];
  const bloodParts = s.bloodParts ?? recipe?.bloodParts;
  const crystalloidParts = s.crystalloidParts ?? recipe?.crystalloidParts;
  const kc = s.crystalloidKMmolPerL ?? recipe?.crystalloidKMmolPerL;
  const missing = [
    ["bloodParts", bloodParts],
    ["crystalloidParts", crystalloidParts],
    ["crystalloidKMmolPerL", kc],
  ].find(([, v]) => v === undefined);
  if (missing) {
    throw new InputError({
      field: `${root}.${missing[0]}`,
      allowed: 'given when solution is "custom"',
      received: "nothing",
    });
  }
  if (bloodParts! + crystalloidParts! <= 0) {
    throw new InputError({
      field: `${root}.crystalloidParts`,
      allowed: "> 0 when bloodParts is 0",
      received: "0",
    });
  }
  if (s.resumeKMmolPerL >= s.arrestKMmolPerL) {
    throw new InputError({
      field: `${root}.resumeKMmolPerL`,
      allowed: `below arrestKMmolPerL (${s.arrestKMmolPerL} mmol/L)`,
      received: String(s.resumeKMmolPerL),
    });
  }
  const antegrade = s.route === "antegrade";
  return {
    bloodFraction: bloodParts! / (bloodParts! + crystalloidParts!),
    crystalloidKMmolPerL: kc!,
    antegrade,
    temperatureC: s.temperatureC,
    doseMl: s.doseMl,
    lineResistance: s.lineResistanceMmHgSPerMl,
    targetResistance: antegrade ? s.coronaryResistanceMmHgSPerMl : s.coronarySinusResistanceMmHgSPerMl,
    reach: antegrade ? 1 : s.retrogradeReach,
    myocardialVolumeMl: 0.33 * s.heartMassG,
    arrestKMmolPerL: s.arrestKMmolPerL,
    resumeKMmolPerL: s.resumeKMmolPerL,
  };
}

/** K+ of the delivered mixture, mmol/L, for the patient's blood K+. */
export function deliveredPotassiumMmolPerL(p: CardioplegiaParams, bloodKMmolPerL: number): number {
  return p.bloodFraction * bloodKMmolPerL + (1 - p.bloodFraction) * p.crystalloidKMmolPerL;
}

/** Blood volume (mL) in a delivered volume; the rest is crystalloid (vectors 63, 65). */
export function cardioplegiaBloodMl(p: CardioplegiaParams, deliveredMl: number): number {
  return p.bloodFraction * deliveredMl;
}

/** Aortic-root (antegrade) or coronary-sinus (retrograde) pressure, mmHg, at delivery flow (mL/s). */
export function cardioplegiaTargetPressureMmHg(p: CardioplegiaParams, flowMlPerS: number): number {
  return p.targetResistance * flowMlPerS;
}

/** Delivery-line pressure (the cardioplegia transducer), mmHg. */
export function cardioplegiaDeliveryPressureMmHg(p: CardioplegiaParams, flowMlPerS: number): number {
  return (p.lineResistance + p.targetResistance) * flowMlPerS;
}

/** Myocardial state layout (Float64Array of MYO_SIZE). */
export const MYO_K_MMOL_PER_L = 0;
export const MYO_ARRESTED = 1; // 1 arrested, 0 rhythm eligible
export const MYO_SIZE = 2;

export function createMyocardialState(kMmolPerL = 4.5): Float64Array {
  const s = new Float64Array(MYO_SIZE);
  s[MYO_K_MMOL_PER_L] = kMmolPerL;
  return s;
}

/**
 * Advances myocardial K+ by dt with perfusate of K+ `inflowKMmolPerL` at coronary flow `flowMlPerS` (delivery
 * flow during cardioplegia, native coronary flow on reperfusion), and updates the arrest flag with hysteresis.
 */
export function stepMyocardialPotassium(
  p: CardioplegiaParams,
  state: Float64Array,
  inflowKMmolPerL: number,
  flowMlPerS: number,
  dtS: number,
  reach: number = p.reach,
): void {
  MYO_IO[0] = inflowKMmolPerL;
  MYO_IO[1] = flowMlPerS;
  MYO_IO[2] = dtS;
  MYO_IO[3] = reach;
  stepMyocardialPotassiumIo(p, state);
}

/**
 * Register interface of stepMyocardialPotassium for the circuit's slow step (the pattern of DRAIN_IO, EQ_IO:
 * docs/models/engine.md, what allocates): [0] inflow K+ (mmol/L), [1] coronary flow (mL/s), [2] dt (s), [3] reach.
 * A number passed to a call V8 does not inline is boxed; these pass through the array instead.
 */
export const MYO_IO = new Float64Array(4);

/** stepMyocardialPotassium's kernel: reads MYO_IO, advances `state`. */
export function stepMyocardialPotassiumIo(p: CardioplegiaParams, state: Float64Array): void {
  const inflow = MYO_IO[0]!;
  const flow = MYO_IO[1]!;
  const k = state[MYO_K_MMOL_PER_L]!;
  const rate = (Math.max(flow, 0) * MYO_IO[3]!) / p.myocardialVolumeMl;
  const next = inflow + (k - inflow) * Math.exp(-rate * MYO_IO[2]!);
  state[MYO_K_MMOL_PER_L] = next;
  if (next >= p.arrestKMmolPerL) state[MYO_ARRESTED] = 1;
  else if (next <= p.resumeKMmolPerL) state[MYO_ARRESTED] = 0;
}
