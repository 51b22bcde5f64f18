/**
 * ECMO configurations (docs/models/ecmo.md): each ELSO-named configuration (src/sim/circuit/spec.ts,
 * ECMO_CONFIGURATIONS; Conrad et al., Am J Respir Crit Care Med 2018;198:447) is checked against where the circuit's
 * cannulae actually sit. Every mismatch is a FieldProblem naming the cannula's vessel (or the configuration field).
 */
import type { FieldProblem } from "../../common/errors.ts";
import type { CircuitDescription } from "../circuit/index.ts";

/** A cannula tip as resolved by the builder: where it sits and which way blood goes through it. */
export interface CannulaSite {
  /** Index of the component in circuit.components. */
  index: number;
  /** Field holding the vessel (params.vessel, params.drainageVessels[j], params.returnVessel). */
  field: string;
  vessel: string;
  kind: "drainage" | "return" | "distalPerfusion";
  dualLumen: boolean;
}

export const ARTERIAL_VESSELS = [
  "aorticRoot",
  "ascendingAorta",
  "descendingAorta",
  "upperBodyArteries",
  "lowerBodyArteries",
] as const;
export const VENOUS_VESSELS = ["rightAtrium", "svc", "ivc", "upperBodyVeins", "lowerBodyVeins"] as const;

const isArterial = (v: string) => (ARTERIAL_VESSELS as readonly string[]).includes(v);

interface Rule {
  drainage: readonly string[];
  /** Allowed vessels of the arterial return (VA, VAV) or of the venous return (VV). */
  ret: readonly string[];
  /** VAV: the venous return's vessels. */
  venousRet?: readonly string[];
  dualLumen?: boolean;
  distalPerfusion?: boolean;
  tipDistance?: boolean;
}

/** Where each configuration's tips may sit (the model's compartments; docs/models/ecmo.md, table). */
const RULES: Record<string, Rule> = {
  // Femoral venous drainage with the tip in the IVC or at the right atrium; femoral arterial return (the iliac
  // arteries and aorta are reached retrogradely: the lower-body arteries / descending aorta).
  "VA-femoral": {
    drainage: ["ivc", "rightAtrium"],
    ret: ["lowerBodyArteries", "descendingAorta"],
    distalPerfusion: true,
  },
  "VA-central": { drainage: ["rightAtrium"], ret: ["ascendingAorta", "aorticRoot"] },
  // Neonatal neck cannulation: right internal jugular to the right atrium; right common carotid, tip at the
  // innominate–arch junction (the arch: ascending aorta compartment, or the arch vessels).
  "VA-neck": { drainage: ["rightAtrium", "svc"], ret: ["ascendingAorta", "upperBodyArteries"] },
  "VV-femoro-jugular": { drainage: ["ivc"], ret: ["svc", "rightAtrium"], tipDistance: true },
  "VV-dual-lumen": { drainage: ["svc", "ivc"], ret: ["rightAtrium"], dualLumen: true },
  VAV: {
    drainage: ["ivc", "rightAtrium", "svc"],
    ret: ["lowerBodyArteries", "descendingAorta", "ascendingAorta"],
    venousRet: ["svc", "rightAtrium"],
    distalPerfusion: true,
  },
};

/** Checks the description's configuration (if any) against the resolved cannula sites. */
export function checkEcmoConfiguration(
  desc: CircuitDescription,
  closed: boolean,
  sites: readonly CannulaSite[],
): FieldProblem[] {
  const cfg = desc.configuration;
  const problems: FieldProblem[] = [];
  const dpc = sites.filter((s) => s.kind === "distalPerfusion");
  if (!cfg) {
    // Without a named configuration a distal perfusion cannula must still go to a leg artery.
    for (const s of dpc) if (s.vessel !== "lowerBodyArteries") problems.push(dpcVessel(s));
    return problems;
  }
  if (!closed) {
    return [
      {
        field: "circuit.configuration",
        allowed:
          "absent on an open (CPB) circuit: ECMO configurations need a closed circuit without a reservoir",
        received: JSON.stringify(cfg.name),
      },
    ];
  }
  const rule = RULES[cfg.name]!;
  const name = cfg.name;
  const wrong = (s: CannulaSite, allowed: readonly string[], what: string) =>
    problems.push({
      field: `circuit.components[${s.index}].${s.field}`,
      allowed: `${what} of a ${name} configuration: one of ${allowed.join(", ")}`,
      received: JSON.stringify(s.vessel),
    });
  for (const s of sites) {
    if (s.kind === "drainage" && !rule.drainage.includes(s.vessel))
      wrong(s, rule.drainage, "the drainage site");
  }
  const returns = sites.filter((s) => s.kind === "return");
  if (rule.venousRet) {
    const art = returns.filter((s) => isArterial(s.vessel));
    const ven = returns.filter((s) => !isArterial(s.vessel));
    if (art.length !== 1 || ven.length !== 1) {
      problems.push({
        field: "circuit.configuration.name",
        allowed: `${name}: exactly one arterial and one venous return cannula (a Y on the return line)`,
        received: `${art.length} arterial and ${ven.length} venous return cannulae`,
      });
    }
    for (const s of art) if (!rule.ret.includes(s.vessel)) wrong(s, rule.ret, "the arterial return");
    for (const s of ven)
      if (!rule.venousRet.includes(s.vessel)) wrong(s, rule.venousRet, "the venous return");
  } else {
    if (returns.length !== 1) {
      problems.push({
        field: "circuit.configuration.name",
        allowed: `${name}: exactly one return cannula`,
        received: `${returns.length} return cannulae`,
      });
    }
    for (const s of returns) if (!rule.ret.includes(s.vessel)) wrong(s, rule.ret, "the return site");
  }
  const dl = sites.some((s) => s.dualLumen);
  if (rule.dualLumen && !(dl && sites.every((s) => s.dualLumen))) {
    problems.push({
      field: "circuit.configuration.name",
      allowed: `${name}: one dualLumenCannula and no other cannula`,
      received: dl ? "a dual-lumen cannula with other cannulae" : "no dualLumenCannula",
    });
  } else if (!rule.dualLumen && dl) {
    problems.push({
      field: "circuit.configuration.name",
      allowed: `a configuration with a dual-lumen cannula (VV-dual-lumen), not ${name}`,
      received: "a dualLumenCannula",
    });
  }
  for (const s of dpc) {
    if (!rule.distalPerfusion) {
      problems.push({
        field: `circuit.components[${s.index}].role`,
        allowed: `no distal perfusion cannula with ${name} (only with a femoral arterial return: VA-femoral, VAV)`,
        received: '"distalPerfusion"',
      });
    } else if (s.vessel !== "lowerBodyArteries") problems.push(dpcVessel(s));
  }
  if (cfg.tipDistanceCm !== undefined && !rule.tipDistance) {
    problems.push({
      field: "circuit.configuration.tipDistanceCm",
      allowed: `absent for ${name}: the tip distance applies to a two-cannula VV configuration (VV-femoro-jugular)`,
      received: String(cfg.tipDistanceCm),
    });
  }
  return problems;
}

function dpcVessel(s: CannulaSite): FieldProblem {
  return {
    field: `circuit.components[${s.index}].${s.field}`,
    allowed:
      "lowerBodyArteries: a distal perfusion cannula feeds the cannulated leg's superficial femoral artery",
    received: JSON.stringify(s.vessel),
  };
}
