/**
 * Bicaval venous cannulation (CPB): an SVC and an IVC cannula joined by a Y into one venous line. Used when the
 * operation opens the right heart or reaches the mitral valve with caval snares (protocol `bicaval.forSurgeries`),
 * for every patient at or below the protocol's `bicaval.belowWeightKg`, or when the request forces it. Each
 * cannula is sized for its cava's share of the venous return: the SVC fraction by age from the protocol
 * (default Salim et al., Circulation 1995: 49 % in newborns, 55 % at 2.5 years, 35 % from 6.6 years [S]),
 * linear between points and held at the ends.
 */
import { type Explained, explained } from "./explain.ts";
import type { Patient } from "./patient.ts";
import type { Protocol } from "./schema.ts";

export interface BicavalDecision {
  bicaval: boolean;
  why: string;
  /** SVC share of the venous return (only when bicaval). */
  svcFraction?: Explained;
}

/** SVC share of the venous return at `ageYears` (linear interpolation of the protocol's points). */
export function svcFlowFraction(ageYears: number, protocol: Protocol): Explained {
  const pts = [...protocol.svcFlowFractionByAge].sort((a, b) => a.ageYears - b.ageYears);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  let value = first.fraction;
  let used = [first];
  if (ageYears >= last.ageYears) {
    value = last.fraction;
    used = [last];
  } else if (ageYears > first.ageYears) {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      if (ageYears <= b.ageYears) {
        value =
          a.fraction + ((ageYears - a.ageYears) / (b.ageYears - a.ageYears)) * (b.fraction - a.fraction);
        used = [a, b];
        break;
      }
    }
  }
  return explained("svc-flow-fraction", value, "fraction", {
    formula: "linear interpolation of the SVC share of venous return against age, held at the ends",
    inputs: { ageYears },
    constants: Object.fromEntries(used.map((p) => [`at ${p.ageYears} y`, p.fraction])),
    source: used.map((p) => p.source).join("; "),
    evidence: used.some((p) => p.evidence === "U") ? "U" : used[0]!.evidence,
  });
}

export function decideBicaval(patient: Patient, protocol: Protocol): BicavalDecision {
  if (patient.procedure !== "cpb") return { bicaval: false, why: "ECMO: drainage cannula(e) by mode" };
  const rule = protocol.bicaval;
  let why: string | undefined;
  if (patient.venousCannulation === "single") return { bicaval: false, why: "one venous cannula requested" };
  if (patient.venousCannulation === "bicaval") why = "bicaval requested";
  else if (rule.forSurgeries.includes(patient.surgery))
    why = `${patient.surgery} surgery: the protocol cannulates both cavae (caval snares)`;
  else if (patient.weightKg <= rule.belowWeightKg.value)
    why = `weight ≤ ${rule.belowWeightKg.value} kg: the protocol cannulates both cavae (${rule.belowWeightKg.source})`;
  if (!why) return { bicaval: false, why: "one venous cannula (right atrium) by protocol" };
  return { bicaval: true, why, svcFraction: svcFlowFraction(patient.ageYears, protocol) };
}
