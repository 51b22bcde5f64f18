/**
 * Heparin, protamine, cardioplegia and DO2i at the planned flow (all through the calculators).
 * - Heparin: W × U/kg (CPB or ECMO dose from the protocol); protamine (CPB only): U × mg/100 U / 100.
 * - Cardioplegia (CPB only): dose W × mL/kg capped at the protocol maximum, split by blood:crystalloid ratio.
 * - DO2i: 10 · (Q/BSA) · (k·Hb·SaO2 + s·PaO2) at the target flow and the predicted Hct (after planned red
 *   cells); Hb = Hct × the patient's own Hb/Hct ratio when both are given, else × protocol MCHC.
 */

import type { CardioplegiaMethod } from "../calc/index.ts";
import { cardioplegia, do2i, heparin, protamine } from "../calc/index.ts";
import type { Explained } from "./explain.ts";
import type { Patient } from "./patient.ts";
import type { Protocol } from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

export interface Doses {
  heparin: Explained;
  protamine: Explained | null;
  cardioplegia: Explained | null;
}

function cardioplegiaMethod(ratio: [number, number]): CardioplegiaMethod {
  if (ratio[0] === 1 && ratio[1] === 4) return "del-nido";
  if (ratio[0] === 4 && ratio[1] === 1) return "blood-4-1";
  return "custom";
}

export function planDoses(patient: Patient, protocol: Protocol): Doses {
  const cpb = patient.procedure === "cpb";
  const u = cpb ? protocol.heparin.cpbUnitsPerKg : protocol.heparin.ecmoUnitsPerKg;
  const hep: Explained = {
    ...heparin({ weightKg: patient.weightKg, unitsPerKg: u.value }),
    evidence: u.evidence,
  };
  hep.source = `${hep.source}; protocol dose: ${u.source}`;
  if (!cpb) return { heparin: hep, protamine: null, cardioplegia: null };
  const ratio = protocol.heparin.protamineMgPer100Units;
  const prot: Explained = {
    ...protamine({ heparinUnits: hep.value, mgPer100U: ratio.value }),
    evidence: ratio.evidence,
  };
  const cp = protocol.cardioplegia;
  const method = cardioplegiaMethod(cp.ratio);
  const cpr: Explained = {
    ...cardioplegia({
      method,
      weightKg: patient.weightKg,
      mlPerKg: cp.doseMlPerKg.value,
      maxMl: cp.maxDoseMl.value,
      ...(method === "custom" ? { bloodParts: cp.ratio[0], crystalloidParts: cp.ratio[1] } : {}),
    }),
    evidence: cp.doseMlPerKg.evidence === "U" || cp.maxDoseMl.evidence === "U" ? "U" : "S",
  };
  cpr.source = `${cpr.source}; protocol ${cp.solution} dose: ${cp.doseMlPerKg.source}; max: ${cp.maxDoseMl.source}`;
  return { heparin: hep, protamine: prot, cardioplegia: cpr };
}

export function planDo2i(
  patient: Patient,
  bsaM2: number,
  flowLPerMin: number,
  hctOnBypass: number,
  protocol: Protocol,
): { do2i: Explained; hbGPerDl: number; warnings: PlanWarning[] } {
  const ratio =
    patient.hct !== undefined && patient.hbGPerDl !== undefined
      ? patient.hbGPerDl / patient.hct
      : protocol.do2i.hbPerHct.value;
  const hbGPerDl = hctOnBypass * ratio;
  const r: Explained = {
    ...do2i({ flowLPerMin, bsaM2, hbGPerDl, so2: protocol.do2i.sao2, po2MmHg: protocol.do2i.pao2MmHg }),
    evidence:
      patient.hbGPerDl !== undefined && patient.hct !== undefined ? "C" : protocol.do2i.hbPerHct.evidence,
  };
  r.note = `Hb ${hbGPerDl.toFixed(2)} g/dL = Hct on bypass ${hctOnBypass.toFixed(3)} × ${ratio.toFixed(1)} (${
    patient.hbGPerDl !== undefined && patient.hct !== undefined
      ? "patient's own Hb/Hct"
      : protocol.do2i.hbPerHct.source
  })`;
  const warnings: PlanWarning[] = [];
  const limit = protocol.do2i.warnBelow.value;
  if (r.value < limit) {
    const indexNeeded = limit / (10 * (r.extra?.cao2MlPerDl?.value ?? 1));
    warnings.push(
      warn(
        "DO2I_LOW",
        `DO2i at the planned flow is ${r.value.toFixed(0)} mL/min/m², below ${limit}`,
        `oxygen delivery below ~${limit} mL/min/m² is associated with acute kidney injury (${protocol.do2i.warnBelow.source})`,
        `raise the flow to ${(indexNeeded * bsaM2).toFixed(2)} L/min (index ${indexNeeded.toFixed(2)}), or the Hct with red cells`,
      ),
    );
  }
  return { do2i: r, hbGPerDl, warnings };
}
