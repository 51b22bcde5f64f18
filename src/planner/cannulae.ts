/**
 * Cannula choice from catalogue pressure–flow points.
 *
 * Pressure drop at flow Q from the points (Q_i, ΔP_i), flow increasing:
 *   - between two points: linear interpolation;
 *   - below the first point: the chord from the origin, ΔP = ΔP_1 · Q/Q_1. Drop–flow curves are convex
 *     (ΔP ≈ aQ² + bQ), so the chord lies above the curve: this over-states the drop (conservative);
 *   - above the last point: ΔP = ΔP_n · (Q/Q_n)². For ΔP = aQ² + bQ the ratio ΔP/Q² falls with Q, so this
 *     also over-states the drop; allowed only up to Q_n × protocol.cannulaMaxExtrapolation;
 *   - data more than 2× above the flow (Q < Q_1/2) is not used: such a cannula is sized for far larger flows.
 * Water data are used as measured: blood gives a higher drop (Ganushchak et al., Perfusion 2020;35:331, which
 * scales by M-number/dynamic similarity from geometry the catalogue does not hold), so a warning says so.
 * Rules: arterial (return) drop ≤ protocol.arterialCannulaMaxDropMmHg; CPB venous drop ≤ the siphon pressure
 * (drainage height × 0.7740 mmHg/cm for blood of density 1.05) plus VAVD when available; ECMO drainage drop
 * ≤ protocol.ecmoDrainageMaxDropMmHg. The smallest French size that meets the rule is chosen.
 */
import { type Explained, explained } from "./explain.ts";
import type { Cannula, CannulaKind, Catalogue, PressureFlow, Protocol } from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

/** mmHg per cm of blood: 1 cmH2O = 0.73556 mmHg (conventional), × blood density 1.05 g/mL (assumed). */
export const MMHG_PER_CM_BLOOD = 0.73556 * 1.05;
/** Data whose first point is above this multiple of the flow is not used (cannula sized for far more). */
export const MIN_FLOW_FRACTION_OF_FIRST_POINT = 0.5;

export interface DropEstimate {
  dropMmHg: number;
  how: "interpolated" | "chord-from-origin" | "extrapolated-quadratic";
}

/** ΔP at `flow`, or undefined when the data do not reach that flow within the allowed extrapolation. */
export function pressureDropAt(
  pf: PressureFlow,
  flow: number,
  maxExtrapolation: number,
): DropEstimate | undefined {
  const pts = pf.points;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (flow < first[0] * MIN_FLOW_FRACTION_OF_FIRST_POINT) return undefined;
  if (flow <= first[0]) return { dropMmHg: (first[1] * flow) / first[0], how: "chord-from-origin" };
  if (flow > last[0]) {
    if (flow > last[0] * maxExtrapolation) return undefined;
    return { dropMmHg: last[1] * (flow / last[0]) ** 2, how: "extrapolated-quadratic" };
  }
  for (let i = 1; i < pts.length; i++) {
    const [q1, p1] = pts[i - 1]!;
    const [q2, p2] = pts[i]!;
    if (flow <= q2) return { dropMmHg: p1 + ((flow - q1) / (q2 - q1)) * (p2 - p1), how: "interpolated" };
  }
  return undefined;
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
  pick: (c: Cannula) => PressureFlow | undefined,
): Candidate[] {
  const preferred = protocol.preferredDevices?.cannulae;
  const out: Candidate[] = [];
  for (const device of catalogue.cannulae) {
    if (!kinds.includes(device.kind)) continue;
    if (preferred?.length && !preferred.includes(device.id)) continue;
    const pf = pick(device);
    if (!pf) continue;
    const drop = pressureDropAt(pf, flow, protocol.cannulaMaxExtrapolation);
    if (drop) out.push({ device, drop, pf });
  }
  return out.sort((a, b) => a.device.fr - b.device.fr || a.drop.dropMmHg - b.drop.dropMmHg);
}

function explainDrop(c: Candidate, flow: number, limit: number, limitSource: string): Explained {
  const how = {
    interpolated: "linear interpolation between catalogue points",
    "chord-from-origin": "ΔP = ΔP₁ · Q/Q₁ below the first point (over-states the drop)",
    "extrapolated-quadratic": "ΔP = ΔPₙ · (Q/Qₙ)² above the last point (over-states the drop)",
  }[c.drop.how];
  return explained("cannula-pressure-drop", c.drop.dropMmHg, "mmHg", {
    formula: `${how}; points ${c.pf.points.map(([q, p]) => `${p} mmHg @ ${q} L/min`).join(", ")}`,
    inputs: { flowLPerMin: flow, cannula: c.device.id, fluid: c.pf.fluid },
    constants: { limitMmHg: limit },
    source: `${c.pf.source}; limit: ${limitSource}`,
    evidence: c.pf.evidence,
    note:
      c.pf.fluid === "water"
        ? "water data, not rescaled: the drop with blood is higher (Ganushchak 2020)"
        : c.pf.kind === "upper-bound"
          ? "measured drop includes tubing: an upper bound for the cannula"
          : "blood data",
  });
}

function choose(
  role: CannulaRole,
  cands: Candidate[],
  flow: number,
  limit: number,
  limitSource: string,
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
    explanation: explainDrop(best, flow, limit, limitSource),
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
      candidates(catalogue, protocol, artKinds, flowLPerMin, (c) => c.pressureFlow),
      flowLPerMin,
      arterialLimit,
      arterialSource,
    );
    const art = pushOrNoData("arterial", a, artKinds, arterialLimit, flowLPerMin);
    if (art && !art.withinLimit) highDrop(art);
    vavdMmHg = chooseVenous(
      flowLPerMin,
      drainageHeightCm,
      venous,
      protocol,
      catalogue,
      warnings,
      pushOrNoData,
    );
  } else {
    const drainLimit = protocol.ecmoDrainageMaxDropMmHg.value;
    const drainSource = protocol.ecmoDrainageMaxDropMmHg.source;
    let done = false;
    if (procedure === "vv-ecmo") {
      const dl = candidates(catalogue, protocol, ["ecmo-dual-lumen"], flowLPerMin, (c) => c.pressureFlow)
        .map((c) => ({
          c,
          d: c.device.drainagePressureFlow
            ? pressureDropAt(c.device.drainagePressureFlow, flowLPerMin, protocol.cannulaMaxExtrapolation)
            : undefined,
        }))
        .find((x) => x.d && x.c.drop.dropMmHg <= arterialLimit && x.d.dropMmHg <= drainLimit);
      if (dl?.d) {
        const choice = choose("dual-lumen", [dl.c], flowLPerMin, arterialLimit, arterialSource)!;
        choice.drainagePressureDropMmHg = dl.d.dropMmHg;
        out.push(choice);
        done = true;
      }
    }
    if (!done) {
      const dKinds: CannulaKind[] = ["femoral-venous"];
      const d = choose(
        "drainage",
        candidates(catalogue, protocol, dKinds, flowLPerMin, (c) => c.pressureFlow),
        flowLPerMin,
        drainLimit,
        drainSource,
      );
      const dr = pushOrNoData("drainage", d, dKinds, drainLimit, flowLPerMin);
      if (dr && !dr.withinLimit) highDrop(dr);
      const rKinds: CannulaKind[] = ["femoral-arterial", "aortic-arterial"];
      const r = choose(
        "return",
        candidates(catalogue, protocol, rKinds, flowLPerMin, (c) => c.pressureFlow),
        flowLPerMin,
        arterialLimit,
        arterialSource,
      );
      const rt = pushOrNoData("return", r, rKinds, arterialLimit, flowLPerMin);
      if (rt && procedure === "vv-ecmo") {
        rt.model = `${rt.model} (used as venous return)`;
      }
      if (rt && !rt.withinLimit) highDrop(rt);
    }
  }
  if (out.some((c) => c.dataFluid === "water")) {
    warnings.push(
      warn(
        "CANNULA_WATER_DATA",
        "Some cannula pressure drops come from water data",
        "blood is more viscous than water, so the real drop is higher than shown (Ganushchak et al., Perfusion 2020)",
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
  warnings: PlanWarning[],
  pushOrNoData: PushOrNoData,
): number {
  const siphon = drainageHeightCm * MMHG_PER_CM_BLOOD;
  const vavdMax = protocol.vavd.available ? protocol.vavd.maxMmHg.value : 0;
  const line = venous.lineDropMmHg;
  const gravityBudget = siphon - line;
  const vavdBudget = siphon + vavdMax - line;
  const siphonText = `siphon ${drainageHeightCm} cm × ${MMHG_PER_CM_BLOOD.toFixed(4)} mmHg/cm = ${siphon.toFixed(1)} mmHg`;
  const lineText = `venous line drop ${line.toFixed(1)} mmHg`;
  const vavdText = `VAVD ${vavdMax} mmHg (${protocol.vavd.maxMmHg.source})`;
  if (vavdBudget <= 0) {
    warnings.push(
      warn(
        "VENOUS_DRAINAGE_INSUFFICIENT",
        `The venous line alone drops ${line.toFixed(0)} mmHg at ${flowLPerMin.toFixed(2)} L/min, more than the siphon${protocol.vavd.available ? " plus VAVD" : ""} (${(siphon + vavdMax).toFixed(0)} mmHg)`,
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
    const cands = candidates(catalogue, protocol, kinds, b.flow, (c) => c.pressureFlow);
    const gravity = choose("venous", cands, b.flow, gravityBudget, `${siphonText} − ${lineText}`);
    let ven = gravity?.withinLimit ? gravity : undefined;
    if (!ven && cands.length > 0) {
      ven = choose("venous", cands, b.flow, vavdBudget, `${siphonText} + ${vavdText} − ${lineText}`);
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
        `No venous cannula drains ${c.flowLPerMin.toFixed(2)} L/min${c.site ? ` from the ${c.site.toUpperCase()}` : ""} within the siphon${protocol.vavd.available ? " plus VAVD" : ""} less the venous line (${name(c)}: ${c.pressureDropMmHg?.toFixed(0)} mmHg against ${Math.max(0, vavdBudget).toFixed(0)} mmHg)`,
        "drainage would limit the pump flow below the target",
        f === undefined
          ? "use bicaval or a larger venous cannula, a larger venous line, more drainage height, or enable VAVD in the protocol"
          : "use larger caval cannulae, a larger venous line, more drainage height, or enable VAVD in the protocol",
      ),
    );
  }
  return vavdMmHg;
}
