/**
 * Prime volume, predicted haematocrit on bypass, red cells to add and the prime recipe.
 * - Total prime = oxygenator static prime + reservoir minimum operating level (CPB) + arterial, venous and pump
 *   lines + stand-alone arterial filter + centrifugal head (each from the catalogue / tubingVolume).
 * - Predicted Hct (clear prime): dilutionHct calculator (Terumo mass balance):
 *     Hct = Hct_pt·EBV / (EBV + V_prime + V_other), V_other = pre-bypass fluid + crystalloid cardioplegia.
 * - Red cells to add: rbcPrime calculator (donor blood replaces clear prime) when the predicted Hct is below
 *   the protocol's target; the Hct after adding them is dilutionHct again with a prime Hct of
 *   V_rbc·Hct_donor / V_prime.
 * - Recipe: the protocol's items scaled per kg or per litre of prime; the balanced crystalloid makes up the
 *   rest of the volume.
 */
import { dilutionHct, rbcPrime } from "../calc/index.ts";
import { InputError } from "../common/errors.ts";
import { type Explained, explained } from "./explain.ts";
import type { Protocol } from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

export interface PrimeComponent {
  name: string;
  volumeMl: number;
  source: string;
}

export interface RecipeLine {
  name: string;
  amount: number;
  unit: string;
  source: string;
}

export interface PrimePlan {
  components: PrimeComponent[];
  total: Explained;
  predictedHct: Explained;
  rbcToAdd: Explained;
  predictedHctWithRbc: Explained;
  /** Hct of the whole prime with the planned red cells: V_rbc·Hct_donor / V_prime (the mixing formula's input). */
  primeHct: number;
  recipe: RecipeLine[];
  warnings: PlanWarning[];
}

export function planPrime(
  args: {
    weightKg: number;
    hct: number;
    hctAssumed: boolean;
    bloodVolumeMl: number;
    components: PrimeComponent[];
    otherFluidMl: number;
  },
  protocol: Protocol,
): PrimePlan {
  const warnings: PlanWarning[] = [];
  const totalMl = args.components.reduce((s, c) => s + c.volumeMl, 0);
  const total = explained("prime-volume", totalMl, "mL", {
    formula: `V_prime = ${args.components.map((c) => c.name).join(" + ")}`,
    inputs: Object.fromEntries(args.components.map((c) => [c.name, c.volumeMl])),
    source: args.components.map((c) => `${c.name}: ${c.source}`).join("; "),
  });
  const ebvMlPerKg = args.bloodVolumeMl / args.weightKg;
  const patient = { weightKg: args.weightKg, hct: args.hct, ebvMlPerKg };
  const predictedHct = dilutionHct({
    ...patient,
    primeMl: totalMl,
    primeHct: 0,
    otherFluidMl: args.otherFluidMl,
  });
  const target = protocol.hctTarget.value;
  const donorHct = protocol.rbcHct.value;
  let rbcMl = 0;
  let rbcToAdd: Explained;
  if (predictedHct.value >= target) {
    rbcToAdd = explained("rbc-prime", 0, "mL", {
      formula: "no red cells: predicted Hct ≥ target",
      inputs: { predictedHct: predictedHct.value, targetHct: target },
      source: protocol.hctTarget.source,
    });
  } else {
    try {
      // The target must hold after all clear fluid, so the red cells are sized on prime + other fluid.
      const r = rbcPrime({ ...patient, primeMl: totalMl + args.otherFluidMl, targetHct: target, donorHct });
      rbcMl = Math.min(r.value, totalMl);
      rbcToAdd = { ...r, value: rbcMl, evidence: protocol.rbcHct.evidence };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rbcMl = totalMl;
      rbcToAdd = explained("rbc-prime", rbcMl, "mL", {
        formula: "whole prime as red cells: the target cannot be reached",
        inputs: { targetHct: target, donorHct },
        source: e.message,
      });
      warnings.push(
        warn(
          "HCT_TARGET_UNREACHABLE",
          `Target Hct ${target} cannot be reached even with an all-blood prime`,
          e.message,
          "reduce the prime (smaller oxygenator, shorter lines), use higher-Hct donor blood or accept a lower target",
        ),
      );
    }
  }
  const primeHct = totalMl > 0 ? (rbcMl * donorHct) / totalMl : 0;
  const withRbc = dilutionHct({
    ...patient,
    primeMl: totalMl,
    primeHct: Math.min(primeHct, 1),
    otherFluidMl: args.otherFluidMl,
  });

  const trigger = protocol.hctTrigger.value;
  if (predictedHct.value < trigger) {
    warnings.push(
      warn(
        "HCT_BELOW_TRIGGER",
        `Predicted Hct on bypass ${(predictedHct.value * 100).toFixed(1)} % with a clear prime is below the trigger ${(trigger * 100).toFixed(0)} %`,
        `haemodilution by ${totalMl.toFixed(0)} mL of prime into a blood volume of ${args.bloodVolumeMl.toFixed(0)} mL (${protocol.hctTrigger.source})`,
        rbcMl > 0
          ? `add ${rbcMl.toFixed(0)} mL packed red cells to the prime (planned), or reduce the prime (retrograde autologous priming, smaller oxygenator, shorter lines)`
          : "reduce the prime (retrograde autologous priming, smaller oxygenator, shorter lines) or add red cells",
      ),
    );
  }
  if (totalMl > args.bloodVolumeMl) {
    warnings.push(
      warn(
        "PRIME_EXCEEDS_BLOOD_VOLUME",
        `Prime ${totalMl.toFixed(0)} mL is larger than the patient's blood volume ${args.bloodVolumeMl.toFixed(0)} mL`,
        "the prime dilutes the patient's blood by more than half: Hct, clotting factors and oncotic pressure fall",
        "use a blood prime (planned red cells), the smallest oxygenator and shortest lines the table layout allows",
      ),
    );
  }
  if (args.hctAssumed) {
    warnings.push(
      warn(
        "HCT_ASSUMED",
        `No patient Hct given: ${args.hct} assumed from the protocol`,
        "the predicted Hct, red cells and DO2i all depend on the patient's own Hct",
        "give --hct (or --hb-g-dl) from the latest blood count",
      ),
    );
  }

  const recipe: RecipeLine[] = [];
  let mlItems = 0;
  for (const item of protocol.primeRecipe) {
    const amount =
      item.per === "kg"
        ? item.amount * args.weightKg
        : item.per === "litre-prime"
          ? (item.amount * totalMl) / 1000
          : item.amount;
    if (item.per !== "fixed" || item.amount > 0) {
      recipe.push({ name: item.name, amount, unit: item.unit, source: `${item.source} [${item.evidence}]` });
      if (item.unit === "mL") mlItems += amount;
    }
  }
  if (rbcMl > 0) {
    recipe.unshift({
      name: `Packed red cells (Hct ${donorHct})`,
      amount: rbcMl,
      unit: "mL",
      source: "rbcPrime calculator",
    });
  }
  recipe.unshift({
    name:
      protocol.primeRecipe.find((i) => i.per === "fixed" && i.amount === 0)?.name ?? "Balanced crystalloid",
    amount: Math.max(0, totalMl - rbcMl - mlItems),
    unit: "mL",
    source: "balance to the total prime",
  });

  return {
    components: args.components,
    total,
    predictedHct: { ...predictedHct, evidence: args.hctAssumed ? "U" : "C" },
    rbcToAdd,
    predictedHctWithRbc: withRbc,
    primeHct: Math.min(primeHct, 1),
    recipe,
    warnings,
  };
}
