/**
 * Cannula choice: the smallest French size whose pressure drop, with blood, stays within the rule.
 *
 * Pressure drop: the simulator's cannula law on the simulator's data for the device (cannula-law.ts,
 * src/sim/circuit/cannula.ts): ΔP = a·Q + b·Q² fitted to the catalogue points, water charts scaled to blood by
 * dynamic similarity (viscous term × μ_blood/μ_water, inertial term × ρ_blood/ρ_water; Ganushchak et al., Perfusion
 * 2020;35:331). μ_blood = bloodViscosityCp(Hct, T) (src/sim/blood/viscosity.ts) at the plan's predicted Hct on
 * bypass (with its planned red cells).
 * Temperature: the drop is computed at the two operating points the plan has — full flow at 37 °C and the target
 * flow at the planned lowest temperature (colder blood is more viscous, but the adult flow is reduced with
 * temperature) — and the larger counts, as for the venous line (venous-line.ts). Pairing the full flow with the
 * coldest viscosity would check a state the plan never runs; for children (weight-band flow, no reduction with
 * temperature) the target flow is the full flow, so their check is the full flow at the lowest temperature's
 * (higher) viscosity. ECMO plans run at 37 °C.
 * Range: the fitted curve is used only near its data: not when the flow is below half the first charted point
 * (a cannula sized for far more flow), nor above the last point × protocol.cannulaMaxExtrapolation.
 * Rules: arterial (return) drop ≤ protocol.arterialCannulaMaxDropMmHg; CPB venous drop ≤ the siphon pressure
 * (drainage height × 0.7740 mmHg/cm for blood of density 1.05) plus VAVD when available, less the venous line's
 * drop; ECMO drainage drop ≤ protocol.ecmoDrainageMaxDropMmHg.
 */

import { bloodViscosityCp } from "../sim/blood/viscosity.ts";
import { type CannulaParams, cannulaDataPressureDropMmHg } from "../sim/circuit/cannula.ts";
import { bloodDropMmHg, cannulaLaw } from "./cannula-law.ts";
import { type Explained, explained } from "./explain.ts";
import type { Cannula, CannulaKind, Catalogue, PressureFlow, Protocol, Reservoir } from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

/** mmHg per cm of blood: 1 cmH2O = 0.73556 mmHg (conventional), × blood density 1.05 g/mL (assumed). */
export const MMHG_PER_CM_BLOOD = 0.73556 * 1.05;
/** Data whose first point is above this multiple of the flow is not used (cannula sized for far more). */
export const MIN_FLOW_FRACTION_OF_FIRST_POINT = 0.5;
/** Normothermia, °C: the full flow's temperature. */
const NORMOTHERMIA_C = 37;

/** The blood the cannulae carry: the plan's Hct on bypass and its two operating points. */
export interface CannulaBlood {
  /** Predicted Hct on bypass (fraction), with the planned red cells. */
  hct: number;
  /** Planned lowest temperature, °C (37 for ECMO). */
  lowestTempC: number;
  /** Target flow at the lowest temperature as a fraction of the full flow (≤ 1). */
  targetFlowFraction: number;
}

/** Where the flow lies against the charted points. */
export type ChartRange = "within-chart" | "below-chart" | "above-chart";

/** Whether the fitted curve may be used at `flow`: undefined when the data do not reach it (see the header). */
export function chartRange(pf: PressureFlow, flow: number, maxExtrapolation: number): ChartRange | undefined {
  const first = pf.points[0]![0];
  const last = pf.points[pf.points.length - 1]![0];
  if (flow < first * MIN_FLOW_FRACTION_OF_FIRST_POINT) return undefined;
  if (flow > last * maxExtrapolation) return undefined;
  return flow < first ? "below-chart" : flow > last ? "above-chart" : "within-chart";
}

export interface OperatingPoint {
  flowLPerMin: number;
  tempC: number;
  viscosityCp: number;
  dropMmHg: number;
}

export interface DropEstimate {
  /** The larger of the two operating points' drops. */
  dropMmHg: number;
  range: ChartRange;
  /** The operating point that governs, and both. */
  governing: OperatingPoint;
  fullFlow: OperatingPoint;
  lowestTemp: OperatingPoint;
  params: CannulaParams;
}

/**
 * The blood drop across a device lumen at `flow` (its full flow) and at the target flow at the lowest
 * temperature; undefined when the lumen has no data or the data do not reach the flow.
 */
export function cannulaDropAt(
  device: Cannula,
  lumen: "pressureFlow" | "drainagePressureFlow",
  flow: number,
  blood: CannulaBlood,
  maxExtrapolation: number,
): DropEstimate | undefined {
  const pf = device[lumen];
  if (!pf) return undefined;
  const range = chartRange(pf, flow, maxExtrapolation);
  if (!range) return undefined;
  const params = cannulaLaw(device, lumen);
  if (!params) return undefined;
  const at = (flowLPerMin: number, tempC: number): OperatingPoint => {
    const viscosityCp = bloodViscosityCp(blood.hct, tempC);
    return { flowLPerMin, tempC, viscosityCp, dropMmHg: bloodDropMmHg(params, flowLPerMin, viscosityCp) };
  };
  const fullFlow = at(flow, NORMOTHERMIA_C);
  const lowestTemp = at(flow * blood.targetFlowFraction, blood.lowestTempC);
  const governing = lowestTemp.dropMmHg > fullFlow.dropMmHg ? lowestTemp : fullFlow;
  return { dropMmHg: governing.dropMmHg, range, governing, fullFlow, lowestTemp, params };
}

export type CannulaRole = "arterial" | "venous" | "drainage" | "return" | "dual-lumen";

export interface CannulaChoice {
  role: CannulaRole;
  device?: Cannula;
  fr: number | null;
  model: string;
  manufacturer?: string;
  flowLPerMin: number;
  pressureDropMmHg: number | null;
  drainagePressureDropMmHg?: number | null;
  limitMmHg: number;
  withinLimit: boolean;
  dataFluid?: "water" | "blood";
  /** Blood viscosity (cP) at the operating point that governs the drop. */
  bloodViscosityCp?: number;
  /** Bicaval venous cannulation: the cava the cannula drains. */
  site?: VenousSite;
  explanation?: Explained;
}

export type VenousSite = "svc" | "ivc";

/** What the CPB venous drainage check needs besides the cannula data. */
export interface VenousDrainage {
  /** Drop along the venous line at the governing flow (venous-line.ts): it uses part of the siphon + VAVD. */
  lineDropMmHg: number;
  /** Bicaval cannulation: the SVC share of the venous return and why bicaval; absent = one venous cannula. */
  bicaval?: { svcFraction: number; why: string };
  /** The chosen reservoir's vacuum rating (CPB): VAVD only if rated, and never beyond its IFU limit. */
  reservoir?: Pick<Reservoir, "model" | "vavd" | "maxVavdMmHg">;
}

/**
 * VAVD the plan may use (mmHg): the protocol's maximum, capped by the reservoir's IFU limit (e.g. Affinity Pixie
 * −50 mmHg, Capiox −150 mmHg), and 0 when the protocol has no VAVD or the reservoir is not rated for it.
 */
export function vavdLimit(
  protocol: Protocol,
  reservoir: VenousDrainage["reservoir"],
): { mmHg: number; why: string } {
  if (!protocol.vavd.available) return { mmHg: 0, why: "no VAVD in the protocol" };
  const p = protocol.vavd.maxMmHg;
  if (reservoir && !reservoir.vavd) return { mmHg: 0, why: `${reservoir.model} is not rated for VAVD` };
  const r = reservoir?.maxVavdMmHg;
  if (r && r.value < p.value)
    return {
      mmHg: r.value,
      why: `${reservoir.model} IFU limit (${r.source} [${r.evidence}]), below the protocol's ${p.value}`,
    };
  return { mmHg: p.value, why: p.source };
}

type PushOrNoData = (
  role: CannulaRole,
  c: CannulaChoice | undefined,
  kinds: readonly CannulaKind[],
  limit: number,
  flow: number,
  site?: VenousSite,
) => CannulaChoice | undefined;

interface Candidate {
  device: Cannula;
  drop: DropEstimate;
  pf: PressureFlow;
}

function candidates(
  catalogue: Catalogue,
  protocol: Protocol,
  kinds: readonly CannulaKind[],
  flow: number,
  blood: CannulaBlood,
): Candidate[] {
  const preferred = protocol.preferredDevices?.cannulae;
  const out: Candidate[] = [];
  for (const device of catalogue.cannulae) {
    if (!kinds.includes(device.kind)) continue;
    if (preferred?.length && !preferred.includes(device.id)) continue;
    const pf = device.pressureFlow;
    if (!pf) continue;
    const drop = cannulaDropAt(device, "pressureFlow", flow, blood, protocol.cannulaMaxExtrapolation);
    if (drop) out.push({ device, drop, pf });
  }
  // Smallest French size first; at the same size, sourced data before an unverified [U] curve (a traced or recalled
  // curve must not win a tie on a drop it may under-state), then the lowest drop.
  return out.sort(
    (a, b) =>
      a.device.fr - b.device.fr ||
      unverifiedRank(a.pf) - unverifiedRank(b.pf) ||
      a.drop.dropMmHg - b.drop.dropMmHg,
  );
}

function unverifiedRank(pf: PressureFlow): number {
  return pf.evidence === "U" ? 1 : 0;
}

const r2 = (v: number) => Number(v.toFixed(2));

/** Formula, inputs, constants and source of a cannula's blood drop (the engine's law, cannula-law.ts). */
export function explainDrop(
  device: Cannula,
  pf: PressureFlow,
  d: DropEstimate,
  blood: CannulaBlood,
  limit: number,
  limitSource: string,
): Explained {
  const p = d.params;
  const g = d.governing;
  const onePoint = p.aDataPerLPerMin === 0;
  // b_blood in mmHg/(mL/s)², b_data in mmHg/(L/min)²: (L/min)² → (mL/s)² is × 0.0036.
  const densityRatio = p.bDataPerLPerMin2 > 0 ? p.bBlood / (p.bDataPerLPerMin2 * 0.0036) : 1;
  const notes: string[] = [];
  if (pf.fluid === "water")
    notes.push(
      "water chart scaled to blood by dynamic similarity (Ganushchak 2020 found concordance 0.95 with a blood-viscosity fluid, not exact)",
    );
  else
    notes.push(`blood data (measured at ${p.dataViscosityCp.toFixed(2)} cP), rescaled to the plan's blood`);
  if (onePoint)
    notes.push(
      "one chart point: the fit is a pure quadratic with no viscous term, so only density is scaled and the blood drop is under-stated",
    );
  if (pf.kind === "upper-bound")
    notes.push("the measured drop includes tubing: an upper bound for the cannula");
  if (d.range !== "within-chart")
    notes.push(
      d.range === "below-chart"
        ? "flow below the first chart point: the fitted curve is extrapolated toward zero"
        : "flow above the last chart point: the fitted curve is extrapolated",
    );
  return explained("cannula-pressure-drop", g.dropMmHg, "mmHg", {
    formula:
      "ΔP = (a/μ_data)·μ·Q + b·(ρ_blood/ρ_data)·Q², a and b fitted without intercept to the chart points " +
      `(${pf.points.map(([q, dp]) => `${dp} mmHg @ ${q} L/min`).join(", ")}; ${pf.fluid}); ` +
      "μ = 10^(1.138·Hct + 0.03699)·0.97^(T−37) cP; the larger of full flow at 37 °C and target flow at the lowest temperature",
    inputs: {
      cannula: device.id,
      flowLPerMin: r2(g.flowLPerMin),
      tempC: g.tempC,
      hctOnBypass: blood.hct,
      dataFluid: pf.fluid,
    },
    constants: {
      aDataMmHgPerLPerMin: Number(p.aDataPerLPerMin.toPrecision(4)),
      bDataMmHgPerLPerMin2: Number(p.bDataPerLPerMin2.toPrecision(4)),
      dataViscosityCp: p.dataViscosityCp,
      densityRatio: Number(densityRatio.toFixed(4)),
      viscosityCp: Number(g.viscosityCp.toFixed(3)),
      dropOnDataFluidMmHg: r2(cannulaDataPressureDropMmHg(p, g.flowLPerMin)),
      dropAtFullFlowMmHg: r2(d.fullFlow.dropMmHg),
      dropAtLowestTempMmHg: r2(d.lowestTemp.dropMmHg),
      limitMmHg: r2(limit),
    },
    source:
      `${pf.source}; law and water→blood scaling: the simulator's cannula model (src/sim/circuit/cannula.ts, ` +
      "docs/models/circuit.md; Ganushchak et al., Perfusion 2020;35:331); blood viscosity: src/sim/blood/viscosity.ts " +
      `(Lichtman's Hct law, 3 %/°C after Harkness & Phillips); limit: ${limitSource}`,
    evidence: pf.evidence,
    note: notes.join("; "),
  });
}

function choose(
  role: CannulaRole,
  cands: Candidate[],
  flow: number,
  limit: number,
  limitSource: string,
  blood: CannulaBlood,
): CannulaChoice | undefined {
  const ok = cands.find((c) => c.drop.dropMmHg <= limit);
  const best = ok ?? [...cands].sort((a, b) => a.drop.dropMmHg - b.drop.dropMmHg)[0];
  if (!best) return undefined;
  return {
    role,
    device: best.device,
    fr: best.device.fr,
    model: best.device.model,
    manufacturer: best.device.manufacturer,
    flowLPerMin: flow,
    pressureDropMmHg: best.drop.dropMmHg,
    limitMmHg: limit,
    withinLimit: best.drop.dropMmHg <= limit,
    dataFluid: best.pf.fluid,
    bloodViscosityCp: best.drop.governing.viscosityCp,
    explanation: explainDrop(best.device, best.pf, best.drop, blood, limit, limitSource),
  };
}

function noData(
  role: CannulaRole,
  flow: number,
  limit: number,
  kinds: readonly CannulaKind[],
): CannulaChoice {
  return {
    role,
    fr: null,
    model: `no catalogue ${kinds.join("/")} cannula has pressure–flow data at ${flow.toFixed(2)} L/min`,
    flowLPerMin: flow,
    pressureDropMmHg: null,
    limitMmHg: limit,
    withinLimit: false,
  };
}

export interface CannulaePlan {
  cannulae: CannulaChoice[];
  warnings: PlanWarning[];
  vavdMmHg: number;
}

export function chooseCannulae(
  procedure: "cpb" | "va-ecmo" | "vv-ecmo",
  flowLPerMin: number,
  drainageHeightCm: number,
  protocol: Protocol,
  catalogue: Catalogue,
  blood: CannulaBlood,
  venous: VenousDrainage = { lineDropMmHg: 0 },
): CannulaePlan {
  const warnings: PlanWarning[] = [];
  const out: CannulaChoice[] = [];
  const arterialLimit = protocol.arterialCannulaMaxDropMmHg.value;
  const arterialSource = protocol.arterialCannulaMaxDropMmHg.source;
  let vavdMmHg = 0;
  const pushOrNoData: PushOrNoData = (role, c, kinds, limit, flow, site) => {
    if (c) {
      out.push(c);
      return c;
    }
    const nd = noData(role, flow, limit, kinds);
    if (site) nd.site = site;
    out.push(nd);
    warnings.push(
      warn(
        "CANNULA_NO_DATA",
        `No ${role}${site ? ` (${site.toUpperCase()})` : ""} cannula in the catalogue has pressure–flow data at ${flow.toFixed(2)} L/min`,
        "without sourced data the planner cannot check the pressure drop, so it does not guess a size",
        `size the ${role} cannula from the manufacturer's chart, and add its pressure–flow points to the catalogue`,
      ),
    );
    return undefined;
  };
  const highDrop = (c: CannulaChoice) =>
    warnings.push(
      warn(
        "CANNULA_HIGH_PRESSURE_DROP",
        `${c.model}: pressure drop ${c.pressureDropMmHg?.toFixed(0)} mmHg at ${c.flowLPerMin.toFixed(2)} L/min exceeds ${c.limitMmHg} mmHg`,
        "a high drop means high line pressure, haemolysis and jetting (arterial) or chatter and poor drainage (venous)",
        "use a larger cannula or a second cannula, or plan a lower flow",
      ),
    );

  if (procedure === "cpb") {
    const artKinds: CannulaKind[] = ["aortic-arterial"];
    const a = choose(
      "arterial",
      candidates(catalogue, protocol, artKinds, flowLPerMin, blood),
      flowLPerMin,
      arterialLimit,
      arterialSource,
      blood,
    );
    const art = pushOrNoData("arterial", a, artKinds, arterialLimit, flowLPerMin);
    if (art && !art.withinLimit) highDrop(art);
    vavdMmHg = chooseVenous(
      flowLPerMin,
      drainageHeightCm,
      venous,
      protocol,
      catalogue,
      blood,
      warnings,
      pushOrNoData,
    );
  } else {
    const drainLimit = protocol.ecmoDrainageMaxDropMmHg.value;
    const drainSource = protocol.ecmoDrainageMaxDropMmHg.source;
    let done = false;
    if (procedure === "vv-ecmo") {
      const dl = candidates(catalogue, protocol, ["ecmo-dual-lumen"], flowLPerMin, blood)
        .map((c) => ({
          c,
          d: cannulaDropAt(
            c.device,
            "drainagePressureFlow",
            flowLPerMin,
            blood,
            protocol.cannulaMaxExtrapolation,
          ),
        }))
        .find((x) => x.d && x.c.drop.dropMmHg <= arterialLimit && x.d.dropMmHg <= drainLimit);
      if (dl?.d) {
        const choice = choose("dual-lumen", [dl.c], flowLPerMin, arterialLimit, arterialSource, blood)!;
        choice.drainagePressureDropMmHg = dl.d.dropMmHg;
        out.push(choice);
        done = true;
      }
    }
    if (!done) {
      const dKinds: CannulaKind[] = ["femoral-venous"];
      const d = choose(
        "drainage",
        candidates(catalogue, protocol, dKinds, flowLPerMin, blood),
        flowLPerMin,
        drainLimit,
        drainSource,
        blood,
      );
      const dr = pushOrNoData("drainage", d, dKinds, drainLimit, flowLPerMin);
      if (dr && !dr.withinLimit) highDrop(dr);
      const rKinds: CannulaKind[] = ["femoral-arterial", "aortic-arterial"];
      const r = choose(
        "return",
        candidates(catalogue, protocol, rKinds, flowLPerMin, blood),
        flowLPerMin,
        arterialLimit,
        arterialSource,
        blood,
      );
      const rt = pushOrNoData("return", r, rKinds, arterialLimit, flowLPerMin);
      if (rt && procedure === "vv-ecmo") {
        rt.model = `${rt.model} (used as venous return)`;
      }
      if (rt && !rt.withinLimit) highDrop(rt);
    }
  }
  // The water charts are scaled to blood (the engine's law); what stays uncertain is said here.
  const water = out.filter((c) => c.dataFluid === "water");
  if (water.length > 0) {
    const noViscous = water.filter((c) => c.device && cannulaLaw(c.device)?.aDataPerLPerMin === 0);
    const mu = Math.max(...water.map((c) => c.bloodViscosityCp ?? 0));
    warnings.push(
      warn(
        "CANNULA_WATER_DATA",
        `Cannula pressure drops are manufacturers' water charts scaled to blood (up to ${mu.toFixed(2)} cP at the Hct on bypass)`,
        "dynamic-similarity scaling of water charts predicted the drop of a blood-viscosity fluid with concordance 0.95, not exactly (Ganushchak et al., Perfusion 2020;35:331)" +
          (noViscous.length > 0
            ? `; ${noViscous.map((c) => c.model).join(", ")}: the fitted curve has no viscous term (one chart point, or points rising faster than Q²), so only density is scaled and the blood drop is under-stated`
            : ""),
        "keep a margin below the limit, or add blood data for these cannulae to the catalogue",
        "info",
      ),
    );
  }
  return { cannulae: out, warnings, vavdMmHg };
}

/**
 * CPB venous drainage. The siphon (drainage height × ρg) plus VAVD must cover the venous line's drop (at the full
 * flow, venous-line.ts) and the cannula's drop: the cannula may use siphon − line (gravity) or siphon + VAVD − line.
 * One cannula (two-stage, single-stage) takes the full flow. Bicaval: an SVC and an IVC cannula (single-stage)
 * joined by a Y into the one venous line; each drains its cava's share (SVC fraction by age, protocol) and, being
 * in parallel behind the Y, each must keep its own drop within the same budget (the Y limbs are neglected).
 * Returns the VAVD the plan needs (mmHg below atmosphere, 0 when gravity suffices).
 */
function chooseVenous(
  flowLPerMin: number,
  drainageHeightCm: number,
  venous: VenousDrainage,
  protocol: Protocol,
  catalogue: Catalogue,
  blood: CannulaBlood,
  warnings: PlanWarning[],
  pushOrNoData: PushOrNoData,
): number {
  const siphon = drainageHeightCm * MMHG_PER_CM_BLOOD;
  const vavd = vavdLimit(protocol, venous.reservoir);
  const vavdMax = vavd.mmHg;
  const line = venous.lineDropMmHg;
  const gravityBudget = siphon - line;
  const vavdBudget = siphon + vavdMax - line;
  const siphonText = `siphon ${drainageHeightCm} cm × ${MMHG_PER_CM_BLOOD.toFixed(4)} mmHg/cm = ${siphon.toFixed(1)} mmHg`;
  const lineText = `venous line drop ${line.toFixed(1)} mmHg`;
  const vavdText = `VAVD ${vavdMax} mmHg (${vavd.why})`;
  if (vavdBudget <= 0) {
    warnings.push(
      warn(
        "VENOUS_DRAINAGE_INSUFFICIENT",
        `The venous line alone drops ${line.toFixed(0)} mmHg at ${flowLPerMin.toFixed(2)} L/min, more than the siphon${vavdMax > 0 ? " plus VAVD" : ""} (${(siphon + vavdMax).toFixed(0)} mmHg)`,
        "drainage would limit the pump flow below the target whatever the cannula",
        "use a larger or shorter venous line, more drainage height, or enable VAVD in the protocol",
      ),
    );
  }
  const f = venous.bicaval?.svcFraction;
  const branches: { site?: VenousSite; flow: number }[] =
    f === undefined
      ? [{ flow: flowLPerMin }]
      : [
          { site: "svc", flow: flowLPerMin * f },
          { site: "ivc", flow: flowLPerMin * (1 - f) },
        ];
  const kinds: CannulaKind[] =
    f === undefined
      ? ["venous-two-stage", "venous-single-stage", "venous-bicaval"]
      : ["venous-bicaval", "venous-single-stage"];
  let vavdMmHg = 0;
  const short: CannulaChoice[] = [];
  const needVavd: CannulaChoice[] = [];
  for (const b of branches) {
    const cands = candidates(catalogue, protocol, kinds, b.flow, blood);
    const gravity = choose("venous", cands, b.flow, gravityBudget, `${siphonText} − ${lineText}`, blood);
    let ven = gravity?.withinLimit ? gravity : undefined;
    if (!ven && cands.length > 0) {
      ven = choose("venous", cands, b.flow, vavdBudget, `${siphonText} + ${vavdText} − ${lineText}`, blood);
      if (ven?.withinLimit && ven.pressureDropMmHg !== null) {
        vavdMmHg = Math.max(vavdMmHg, Math.ceil(ven.pressureDropMmHg + line - siphon));
        needVavd.push(ven);
      } else if (ven) short.push(ven);
    }
    if (ven && b.site) ven.site = b.site;
    pushOrNoData("venous", ven, kinds, vavdBudget, b.flow, b.site);
  }
  const name = (c: CannulaChoice) =>
    `${c.model}${c.site ? ` (${c.site.toUpperCase()}, ${c.flowLPerMin.toFixed(2)} L/min)` : ""}`;
  if (needVavd.length > 0 && short.length === 0) {
    warnings.push(
      warn(
        "VENOUS_DRAINAGE_NEEDS_VAVD",
        `Venous drainage at ${flowLPerMin.toFixed(2)} L/min needs about −${vavdMmHg} mmHg VAVD with ${needVavd.map(name).join(" and ")}`,
        `the siphon of ${drainageHeightCm} cm gives ${siphon.toFixed(0)} mmHg, less than the cannula's drop (${needVavd.map((c) => `${c.pressureDropMmHg?.toFixed(0)} mmHg`).join(", ")}) plus the venous line's ${line.toFixed(0)} mmHg`,
        "plan VAVD, lower the reservoir (more height), or use a larger venous cannula or line",
        "info",
      ),
    );
  }
  for (const c of short) {
    warnings.push(
      warn(
        "VENOUS_DRAINAGE_INSUFFICIENT",
        `No venous cannula drains ${c.flowLPerMin.toFixed(2)} L/min${c.site ? ` from the ${c.site.toUpperCase()}` : ""} within the siphon${vavdMax > 0 ? " plus VAVD" : ""} less the venous line (${name(c)}: ${c.pressureDropMmHg?.toFixed(0)} mmHg against ${Math.max(0, vavdBudget).toFixed(0)} mmHg)`,
        "drainage would limit the pump flow below the target",
        f === undefined
          ? "use bicaval or a larger venous cannula, a larger venous line, more drainage height, or enable VAVD in the protocol"
          : "use larger caval cannulae, a larger venous line, more drainage height, or enable VAVD in the protocol",
      ),
    );
  }
  return vavdMmHg;
}
