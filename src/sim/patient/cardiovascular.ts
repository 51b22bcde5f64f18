/**
 * Builds the patient's circulation from resting targets (docs/models/circulation.md, scaling.md).
 *
 * Method ("design from targets"): the mean pressure of every compartment at rest is fixed first
 * (from the target MAP, CVP, PAP and LAP), the flow through every connector follows from the target
 * cardiac output and its distribution, so each resistance is R = ΔP/Q; compliances come from the
 * target pulse pressures (arteries) or scale with blood volume (veins, pulmonary veins), and the
 * heart's elastances from the target stroke volume, ejection fraction and filling/ejection pressures.
 * Initial volumes are V = U + C·P at those pressures, and the venous unstressed volume takes up the
 * rest of the blood volume. So every patient starts close to its own equilibrium.
 *
 * Structure after Ursino 1998 (Am J Physiol 275:H1733) and Heldt et al. 2002 (J Appl Physiol
 * 92:1239), with upper/lower body beds, coronary bed, SVC/IVC and aortic segments split out for
 * cannulation sites. Numbers are parameterised per patient, not copied from those papers.
 */
import type { CompartmentDef, ConnectorDef } from "../engine/network.ts";
import * as X from "./layout.ts";
import type { RestingTargets } from "./targets.ts";

export interface HeartParams {
  /** Elastances (mmHg/mL) of RA, RV, LA, LV at rest: end-diastolic (min) and end-systolic (max). */
  eminRa: number;
  emaxRa: number;
  eminRv: number;
  emaxRv: number;
  eminLa: number;
  emaxLa: number;
  eminLv: number;
  emaxLv: number;
  hr: number;
}

export interface CirculationDesign {
  comps: CompartmentDef[];
  conns: ConnectorDef[];
  heart: HeartParams;
  /** Design mean pressures by compartment (mmHg). */
  pressures: Float64Array;
  /** Design MAP (mmHg): the baroreflex set point. */
  map: number;
  /** Total venous unstressed volume found to match the blood volume (mL). */
  venousUnstressedMl: number;
}

/** Adult reference cardiac output used to scale small (valve, segment) resistances: 5600 mL/min (Guyton, §5.1). */
const CO_REF = 5600 / 60;
/** Reference weight for inertances. */
const W_REF = 80;

export function designCirculation(t: RestingTargets, dt: number): CirculationDesign {
  const co = t.coMlPerMin / 60; // mL/s
  const sv = (co * 60) / t.hr;
  const pp = t.sbp - t.dbp;
  const map = t.dbp + pp / 3 + 2; // pulsatile aortic waveform: MAP a little above DBP + PP/3
  const bv = t.bloodVolumeMl;
  const qCor = t.coronaryFlowFraction * co;
  const qSys = co - qCor;
  const qUb = t.upperBodyFlowFraction * qSys;
  const qLb = qSys - qUb;

  // Design mean pressures (mmHg).
  const P = new Float64Array(X.N_COMP);
  P[X.AOR] = map + 1.2;
  P[X.AAO] = map + 0.8;
  P[X.DAO] = map;
  P[X.UBA] = map - 1;
  P[X.LBA] = map - 1.5;
  P[X.CORA] = map - 2;
  P[X.UBV] = t.cvp + 3;
  P[X.LBV] = t.cvp + 3.5;
  P[X.SVC] = t.cvp + 0.7;
  P[X.IVC] = t.cvp + 1;
  P[X.CORV] = t.cvp + 4;
  P[X.RA] = t.cvp;
  P[X.PA] = t.papMean;
  P[X.PCAP] = t.lap + 0.35 * (t.papMean - t.lap);
  P[X.PV] = t.lap + 0.8;
  P[X.LA] = t.lap;

  // Small-link resistances scale with 1/CO (same pressure drop at each patient's resting flow).
  const rScale = CO_REF / co;
  // Inertance ∝ length/area ∝ W^(1/3)/W^(2/3) = W^(−1/3) (geometric similarity).
  const lScale = (t.weightKg / W_REF) ** (-1 / 3);

  // Arterial compliance from the pulse pressure: C ≈ k·SV/PP (k accounts for run-off during ejection).
  const cArt = (0.8 * sv) / pp;
  const cRoot = 0.06 * cArt;
  const cAsc = 0.14 * cArt;
  const cDesc = 0.2 * cArt;
  const cUba = 0.2 * cArt;
  const cLba = 0.4 * cArt;
  const cCora = 0.03 * cArt;
  // Veins: total systemic venous compliance ≈ 0.018 mL/mmHg per mL of blood (≈ 100 mL/mmHg in a
  // 5.5 L adult; Ursino 1998 splanchnic + extrasplanchnic veins ≈ 111 mL/mmHg).
  const cVen = 0.018 * bv;
  const cUbv = 0.27 * cVen;
  const cLbv = 0.55 * cVen;
  const cSvc = 0.06 * cVen;
  const cIvc = 0.12 * cVen;
  const cCorv = 0.0001 * bv;
  // Pulmonary: arterial compliance from the PA pulse pressure; veins ≈ 25 mL/mmHg per 5.5 L (Ursino 1998).
  const cPa = (0.5 * sv) / (t.papSys - t.papDia);
  const cPcap = 0.6 * cPa;
  const cPv = 0.0045 * bv;

  // Unstressed volumes (fractions of blood volume); arterial ≈ 12 % (Ursino 1998: ≈ 610 of 5300 mL).
  const uArt = 0.12 * bv;
  const uRoot = 0.06 * uArt;
  const uAsc = 0.14 * uArt;
  const uDesc = 0.2 * uArt;
  const uUba = 0.2 * uArt;
  const uLba = 0.4 * uArt;
  const uCora = 0.003 * bv;
  const uCorv = 0.004 * bv;
  const uPa = 0.012 * bv;
  const uPcap = 0.02 * bv;
  const uPv = 0.025 * bv;

  // Heart (time-varying elastance, Suga & Sagawa 1974): from SV, EF and pressures.
  const ef = 0.6;
  const edvLv = sv / ef;
  const v0Lv = 0.002 * bv;
  const esvLv = edvLv - sv;
  const emaxLv = (0.92 * t.sbp) / (esvLv - v0Lv);
  const eminLv = (t.lap + 1.5) / (edvLv - v0Lv);
  const edvRv = 1.1 * edvLv;
  const v0Rv = 0.003 * bv;
  const esvRv = edvRv - sv;
  const emaxRv = (0.95 * t.papSys) / (esvRv - v0Rv);
  const eminRv = (t.cvp + 1) / (edvRv - v0Rv);
  const vLa = 0.45 * edvLv;
  const v0La = 0.004 * bv;
  const eminLa = (0.8 * t.lap) / (vLa - v0La);
  const emaxLa = 2.5 * eminLa;
  const vRa = 0.45 * edvRv;
  const v0Ra = 0.004 * bv;
  const eminRa = (0.8 * t.cvp) / (vRa - v0Ra);
  const emaxRa = 2.5 * eminRa;

  const comps: CompartmentDef[] = new Array(X.N_COMP);
  const set = (i: number, u: number, c: number, v?: number) => {
    comps[i] = {
      name: X.COMPARTMENT_NAMES[i]!,
      unstressedVolumeMl: u,
      elastanceMmHgPerMl: 1 / c,
      volumeMl: v ?? u + c * P[i]!,
    };
  };
  set(X.AOR, uRoot, cRoot);
  set(X.AAO, uAsc, cAsc);
  set(X.DAO, uDesc, cDesc);
  set(X.UBA, uUba, cUba);
  set(X.LBA, uLba, cLba);
  set(X.CORA, uCora, cCora);
  set(X.CORV, uCorv, cCorv);
  set(X.PA, uPa, cPa);
  set(X.PCAP, uPcap, cPcap);
  set(X.PV, uPv, cPv);
  // Chambers start at end-diastole (ventricles) and mid-filling (atria); E is set every step.
  set(X.LV, v0Lv, 1 / eminLv, edvLv);
  set(X.RV, v0Rv, 1 / eminRv, edvRv);
  set(X.LA, v0La, 1 / eminLa, vLa);
  set(X.RA, v0Ra, 1 / eminRa, vRa);
  // Veins: unstressed volume takes up what is left of the blood volume, shared by compliance.
  let used = 0;
  for (const i of [
    X.AOR,
    X.AAO,
    X.DAO,
    X.UBA,
    X.LBA,
    X.CORA,
    X.CORV,
    X.PA,
    X.PCAP,
    X.PV,
    X.LV,
    X.RV,
    X.LA,
    X.RA,
  ]) {
    used += comps[i]!.volumeMl;
  }
  const venStressed = cUbv * P[X.UBV]! + cLbv * P[X.LBV]! + cSvc * P[X.SVC]! + cIvc * P[X.IVC]!;
  const uVen = bv - used - venStressed;
  if (!(uVen > 0.3 * bv))
    throw new Error(`circulation design: venous unstressed volume ${uVen} mL too small`);
  set(X.UBV, 0.27 * uVen, cUbv);
  set(X.LBV, 0.55 * uVen, cLbv);
  set(X.SVC, 0.06 * uVen, cSvc);
  set(X.IVC, 0.12 * uVen, cIvc);

  // Connectors.
  const conns: ConnectorDef[] = new Array(X.N_CONN);
  const e = (i: number) => comps[i]!.elastanceMmHgPerMl;
  const res = (k: number, from: number, to: number, dp: number, q: number, valve = false) => {
    conns[k] = {
      name: X.CONNECTOR_NAMES[k]!,
      from: X.COMPARTMENT_NAMES[from]!,
      to: X.COMPARTMENT_NAMES[to]!,
      kind: "resistor",
      resistance: dp / q,
      valve,
    };
  };
  // Inertial links: L ≥ dt²·(E_from,max + E_to,max) keeps the LC mode stable (dt < 2√(L/ΣE)) with margin 2.
  const inert = (
    k: number,
    from: number,
    to: number,
    r: number,
    l: number,
    eMaxSum: number,
    valve = false,
  ) => {
    conns[k] = {
      name: X.CONNECTOR_NAMES[k]!,
      from: X.COMPARTMENT_NAMES[from]!,
      to: X.COMPARTMENT_NAMES[to]!,
      kind: "inertial",
      resistance: r,
      inertance: Math.max(l, dt * dt * eMaxSum),
      valve,
    };
  };
  // Valves: R 0.003–0.005 mmHg·s/mL, L ≈ 1e-4 mmHg·s²/mL in a 5.6 L/min adult (orders of Ursino 1998's
  // R_la 2.5e-3 and arterial inertance 2.2e-4).
  inert(X.TRICUSPID, X.RA, X.RV, 0.003 * rScale, 1e-4 * lScale, emaxRa + emaxRv, true);
  inert(X.PULMONARY_VALVE, X.RV, X.PA, 0.003 * rScale, 1e-4 * lScale, emaxRv + 1 / cPa, true);
  inert(X.MITRAL, X.LA, X.LV, 0.003 * rScale, 1e-4 * lScale, emaxLa + emaxLv, true);
  inert(X.AORTIC_VALVE, X.LV, X.AOR, 0.003 * rScale, 1e-4 * lScale, emaxLv + 1 / cRoot, true);
  inert(X.ROOT_ASC, X.AOR, X.AAO, (P[X.AOR]! - P[X.AAO]!) / (co - qCor), 1e-4 * lScale, 1 / cRoot + 1 / cAsc);
  inert(X.ASC_DESC, X.AAO, X.DAO, (P[X.AAO]! - P[X.DAO]!) / qLb, 2e-4 * lScale, 1 / cAsc + 1 / cDesc);
  inert(X.ASC_UB, X.AAO, X.UBA, (P[X.AAO]! - P[X.UBA]!) / qUb, 4e-4 * lScale, 1 / cAsc + 1 / cUba);
  inert(X.DESC_LB, X.DAO, X.LBA, (P[X.DAO]! - P[X.LBA]!) / qLb, 2e-4 * lScale, 1 / cDesc + 1 / cLba);
  res(X.UB_BED, X.UBA, X.UBV, P[X.UBA]! - P[X.UBV]!, qUb);
  res(X.UBV_SVC, X.UBV, X.SVC, P[X.UBV]! - P[X.SVC]!, qUb);
  res(X.SVC_RA, X.SVC, X.RA, P[X.SVC]! - P[X.RA]!, qUb);
  res(X.LB_BED, X.LBA, X.LBV, P[X.LBA]! - P[X.LBV]!, qLb);
  res(X.LBV_IVC, X.LBV, X.IVC, P[X.LBV]! - P[X.IVC]!, qLb);
  res(X.IVC_RA, X.IVC, X.RA, P[X.IVC]! - P[X.RA]!, qLb);
  res(X.ROOT_COR, X.AOR, X.CORA, P[X.AOR]! - P[X.CORA]!, qCor);
  res(X.COR_BED, X.CORA, X.CORV, P[X.CORA]! - P[X.CORV]!, qCor);
  res(X.COR_RA, X.CORV, X.RA, P[X.CORV]! - P[X.RA]!, qCor);
  // Pulmonary resistance: 60 % arterioles, 30 % capillaries→veins, 10 % veins→LA.
  res(X.PA_CAP, X.PA, X.PCAP, P[X.PA]! - P[X.PCAP]!, co);
  res(X.CAP_PV, X.PCAP, X.PV, P[X.PCAP]! - P[X.PV]!, co);
  res(X.PV_LA, X.PV, X.LA, P[X.PV]! - P[X.LA]!, co);
  // Ductus arteriosus (PA → descending aorta): closed (open = 0) unless the patient says otherwise.
  // Resistance when fully open: a wide duct carrying ≈ 1× CO at 5 mmHg.
  res(X.PDA, X.PA, X.DAO, 5, co);
  conns[X.BLEED] = { name: "bleeding", from: X.COMPARTMENT_NAMES[X.LBV], to: null, kind: "flow" };
  conns[X.FLUID] = { name: "fluidInfusion", from: null, to: X.COMPARTMENT_NAMES[X.SVC], kind: "flow" };
  conns[X.URINE] = { name: "urine", from: X.COMPARTMENT_NAMES[X.LBA], to: null, kind: "flow" };
  void e;

  return {
    comps,
    conns,
    heart: { eminRa, emaxRa, eminRv, emaxRv, eminLa, emaxLa, eminLv, emaxLv, hr: t.hr },
    pressures: P,
    map,
    venousUnstressedMl: uVen,
  };
}
