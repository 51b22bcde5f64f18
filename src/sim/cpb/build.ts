/**
 * Builds the extracorporeal circuit into the patient's network (docs/models/cpb.md).
 *
 * The circuit description (plain JSON, src/sim/circuit/spec.ts) is validated, then its main blood path is walked
 * port to port: venous cannula(e) → venous tubing → reservoir → pump inlet tubing → arterial pump → tubing →
 * oxygenator → (arterial filter, tubing) → arterial cannula. Each stretch becomes network parts:
 *
 *   compartments  venousLine (venous tubing), venousReservoir (hard shell: E = ρg·height per mL, Pext = gas
 *                 pressure), oxygenator (pump boot/inlet and outlet tubing + oxygenator blood path),
 *                 arterialLine (arterial filter + arterial tubing)
 *   connectors    venousCannula_<id> (vessel → venousLine, cannula chord resistance), venousDrainage (venousLine →
 *                 reservoir: Poiseuille tubing resistance + siphon head), arterialPump (roller: prescribed flow;
 *                 centrifugal: resistor with the pump's shut-off head), oxygenatorBloodPath (ΔP = k·Q), arterialCannula
 *                 (filter + tubing + cannula → vessel), cardioplegia blood and crystalloid (antegrade and retrograde),
 *                 sucker, vent, haemoconcentrator (water out), all flow connectors.
 *
 * Tubing compartments are nearly rigid: compliance CIRCUIT_COMPLIANCE_PER_ML × volume, written as P = E·(V − V0)
 * (unstressed 0, Pext = −E·V0), so a line under suction does not "collapse" like a vein.
 */
import { type FieldProblem, InputError } from "../../common/errors.ts";
import {
  type ArterialFilterParams,
  type BubbleDetectorParams,
  buildArterialFilterParams,
  buildBubbleDetectorParams,
  buildCannulaParams,
  buildCardioplegiaParams,
  buildCentrifugalPumpParams,
  buildDualLumenCannulaParams,
  buildHaemoconcentratorParams,
  buildLevelSensorParams,
  buildOxygenatorParams,
  buildReservoirParams,
  buildRollerPumpParams,
  buildSamplingPortParams,
  buildTubingParams,
  type CannulaParams,
  type CardioplegiaParams,
  type CentrifugalPumpParams,
  type CircuitDescription,
  type ComponentDescription,
  drainagePortParams,
  type HaemoconcentratorParams,
  type LevelSensorParams,
  type OxygenatorParams,
  PORTS,
  type ReservoirParams,
  type RollerPumpParams,
  returnShareParams,
  validateCircuit,
} from "../circuit/index.ts";
import type { CompartmentDef, ConnectorDef } from "../engine/network.ts";
import { COMPARTMENT_NAMES } from "../patient/layout.ts";
import { ARTERIAL_VESSELS, type CannulaSite, checkEcmoConfiguration } from "./ecmo-config.ts";

/**
 * Compliance of circuit tubing and housings, mL/mmHg per mL of volume: 2.5e-4, i.e. ≈ 0.1 mL/mmHg for the ~430 mL
 * adult arterial side (oxygenator, filter, 3/8" line). A model parameter [U]: no compliance figure for PVC
 * circuit tubing was retrieved. It sets how fast line pressure rises against a clamp (seconds, as observed).
 */
export const CIRCUIT_COMPLIANCE_PER_ML = 2.5e-4;

const VENOUS_TYPES = new Set(["venousSingleStage", "venousTwoStage", "bicaval", "femoralVenous"]);
const ARTERIAL_TYPES = new Set(["arterial", "femoralArterial"]);
const ARTERIAL_VESSEL_SET = new Set<string>(ARTERIAL_VESSELS);

export interface VenousCannulaPart {
  id: string;
  vessel: number;
  params: CannulaParams;
}

/**
 * A further return cannula behind a Y on the return line (closed circuits): the venous limb of a VAV configuration,
 * or a distal perfusion cannula to the cannulated leg. Its connector runs from the return line to its vessel through
 * its own branch tubing and cannula.
 */
export interface ExtraReturnPart {
  id: string;
  vessel: number;
  params: CannulaParams;
  role: "return" | "distalPerfusion" | "jet";
  /** Branch tubing after the Y (mL, Poiseuille R per cP). */
  tubingRPerCp: number;
  tubingMl: number;
  /** Initial clamp on the branch (0–1). */
  clamp: number;
}

/** Everything the runtime needs, resolved from the description. */
export interface CircuitPlan {
  description: CircuitDescription;
  venousCannulae: VenousCannulaPart[];
  arterialCannula: { id: string; vessel: number; params: CannulaParams };
  /** Return cannulae behind a Y besides `arterialCannula` (VAV venous limb, distal perfusion). */
  extraReturns: ExtraReturnPart[];
  /** ELSO configuration name, when the description gives one (closed circuits). */
  configuration: string | null;
  /** Distance between the drainage and return tips (cm), VV two-cannula configurations; null when not given. */
  tipDistanceCm: number | null;
  /** French size of the (primary) return cannula: the jet's diameter in the recirculation model. */
  returnFr: number;
  /** Pump-inlet pressure below which a collapsing drained vein chatters (mmHg). */
  inletPressureLimitMmHg: number;
  venousTubingRPerCp: number;
  venousTubingMl: number;
  /**
   * Closed circuit (ECMO): no venous reservoir; the venous line feeds a centrifugal pump directly. The network slot
   * of the reservoir is then the pump head (`pumpHead`, a near-rigid segment of `reservoirPrimeMl`).
   */
  closed: boolean;
  reservoir: ReservoirParams | null;
  reservoirPrimeMl: number;
  pump:
    | { id: string; kind: "roller"; params: RollerPumpParams }
    | { id: string; kind: "centrifugal"; params: CentrifugalPumpParams };
  /** Pump inlet + outlet tubing (mL) lumped with the oxygenator compartment. */
  pumpSideMl: number;
  oxygenator: OxygenatorParams;
  oxygenatorPrimeMl: number;
  filter: ArterialFilterParams | null;
  filterPrimeMl: number;
  arterialTubingRPerCp: number;
  arterialTubingMl: number;
  cardioplegia: CardioplegiaParams | null;
  suckerFrom: number;
  ventFrom: number;
  haemoconcentrator: HaemoconcentratorParams | null;
  /** Sampling port: dead space drawn per sample and whether it goes back (mL). */
  samplingDeadSpaceMl: number;
  samplingReturnsDeadSpace: boolean;
  levelSensor: LevelSensorParams;
  bubbleDetector: BubbleDetectorParams | null;
  primeHct: number;
  primeTempC: number;
  primeHeparinU: number;
  /** Initial clamp occlusions. */
  venousClamp: number;
  arterialClamp: number;
}

type Walk = { tubing: ComponentDescription[]; others: ComponentDescription[]; end: string | null };

/** Port partner map "id.port" → "id2.port2" (or "patient.x"), as the validator reads connections. */
function partners(desc: CircuitDescription): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of desc.components) {
    const t = PORTS[c.type];
    if (t.at) continue;
    const own: [string, string][] = [];
    if (c.inlet) own.push([t.inlet!, c.inlet]);
    if (c.outlet) own.push([t.outlet!, c.outlet]);
    for (const [port, ref] of Object.entries(c.connect ?? {})) own.push([port, ref]);
    for (const [port, ref] of own) {
      m.set(`${c.id}.${port}`, ref);
      if (!ref.startsWith("patient.")) m.set(ref, `${c.id}.${port}`);
    }
  }
  return m;
}

const patientIndex = (name: string): number => (COMPARTMENT_NAMES as readonly string[]).indexOf(name);

/**
 * Validates the description (every problem of `validateCircuit`, plus what a CPB build needs: one reservoir,
 * pump and oxygenator on a connected path from venous to arterial cannula) and resolves it. Throws one
 * InputError listing every problem.
 */
export function planCircuit(input: unknown): CircuitPlan {
  const r = validateCircuit(input, { patientCompartments: COMPARTMENT_NAMES });
  if (!r.ok) throw new InputError(r.problems.map((p) => ({ ...p })));
  const desc = r.circuit;
  const problems: FieldProblem[] = [];
  const byId = new Map(desc.components.map((c) => [c.id, c]));
  const of = (type: string) => desc.components.filter((c) => c.type === type);
  const one = (type: string, what: string): ComponentDescription | undefined => {
    const list = of(type);
    if (list.length !== 1) {
      problems.push({
        field: "circuit.components",
        allowed: `exactly one ${type} (${what})`,
        received: `${list.length}`,
      });
      return undefined;
    }
    return list[0];
  };
  const link = partners(desc);
  /** Follows tubing/filters from a port until a non-tubing component is reached. */
  const walk = (startRef: string): Walk => {
    const tubing: ComponentDescription[] = [];
    const others: ComponentDescription[] = [];
    let ref = link.get(startRef) ?? null;
    for (let guard = 0; ref !== null && guard < 50; guard++) {
      if (ref.startsWith("patient.")) return { tubing, others, end: ref };
      const [cid, port] = ref.split(".") as [string, string];
      const c = byId.get(cid);
      if (!c) return { tubing, others, end: null };
      // Upstream through a Y (two drainage limbs joining): from a branch on to whatever the common port feeds.
      if (c.type === "yConnector" && port !== "common") {
        others.push(c);
        ref = link.get(`${cid}.common`) ?? null;
        continue;
      }
      if (c.type !== "tubing" && c.type !== "arterialFilter") return { tubing, others, end: ref };
      (c.type === "tubing" ? tubing : others).push(c);
      const t = PORTS[c.type];
      const other = port === t.inlet ? t.outlet! : t.inlet!;
      ref = link.get(`${cid}.${other}`) ?? null;
    }
    return { tubing, others, end: null };
  };
  // No reservoir at all: a closed (ECMO) circuit, whose venous line must lead to a centrifugal pump's inlet.
  const closed = of("venousReservoir").length === 0;
  const reservoirC = closed
    ? undefined
    : one("venousReservoir", "the venous reservoir of an open CPB circuit");
  const oxygenatorC = one("oxygenator", "the oxygenator");
  const centrifugals = of("centrifugalPump");
  const closedPumpC = closed && centrifugals.length === 1 ? centrifugals[0] : undefined;
  if (closed && !closedPumpC) {
    problems.push({
      field: "circuit.components",
      allowed:
        "a venous reservoir (open CPB circuit), or exactly one centrifugal pump (closed ECMO circuit without a reservoir)",
      received: `no reservoir and ${centrifugals.length} centrifugal pumps`,
    });
  }
  /** Where the venous line must end: the reservoir's venous inlet, or (closed) the centrifugal pump's inlet. */
  const drainageEnd = closed
    ? closedPumpC
      ? `${closedPumpC.id}.inlet`
      : null
    : reservoirC
      ? `${reservoirC.id}.venousIn`
      : null;
  const params = (c: ComponentDescription) => c.params ?? {};
  /**
   * The return side: the oxygenator outlet → filter/tubing → a cannula, or → a Y whose branches each lead to a
   * cannula (VAV, distal perfusion). Each leaf: the end reached and the tubing after the last Y.
   */
  type ReturnLeaf = { end: string | null; tubing: ComponentDescription[]; yMl: number };
  const returnCommon: Walk = oxygenatorC
    ? walk(`${oxygenatorC.id}.bloodOut`)
    : { tubing: [], others: [], end: null };
  const leaves: ReturnLeaf[] = [];
  const fork = (end: string | null, tubing: ComponentDescription[], depth: number, yMl: number) => {
    const y = end?.endsWith(".common") ? byId.get(end.split(".")[0]!) : undefined;
    if (y?.type === "yConnector" && depth < 4) {
      const ml = yMl + ((params(y) as { primeMl?: number }).primeMl ?? 3);
      for (const b of ["branch1", "branch2"]) {
        const w = walk(`${y.id}.${b}`);
        fork(w.end, [...tubing, ...w.tubing], depth + 1, b === "branch1" ? ml : 0);
      }
    } else leaves.push({ end, tubing, yMl });
  };
  fork(returnCommon.end, [], 0, 0);
  const leafComponent = (l: ReturnLeaf) => {
    if (!l.end) return undefined;
    const [cid, port] = l.end.split(".") as [string, string];
    const c = byId.get(cid);
    return (c?.type === "cannula" && port === "connector") ||
      (c?.type === "dualLumenCannula" && port === "return")
      ? c
      : undefined;
  };
  const returnIds = new Set(leaves.map((l) => leafComponent(l)?.id).filter((x) => x !== undefined));
  const sumTubing = (list: ComponentDescription[]) => {
    let ml = 0;
    let rPerCp = 0;
    for (const t of list) {
      const p = buildTubingParams(params(t));
      ml += p.volumeMl;
      rPerCp += p.rPerCp;
    }
    return { ml, rPerCp };
  };

  // Venous side: every venous cannula must reach the reservoir's venous inlet through tubing.
  const venousCannulae: VenousCannulaPart[] = [];
  let venousTubing = { ml: 0, rPerCp: 0 };
  const cannulae = of("cannula");
  const sites: CannulaSite[] = [];
  const indexOf = (c: ComponentDescription) => desc.components.indexOf(c);
  for (const c of of("dualLumenCannula")) {
    // Bicaval dual-lumen cannula: its drainage lumen feeds the pump; each drainage vessel gets a port connector.
    const dl = buildDualLumenCannulaParams(params(c));
    const w = walk(`${c.id}.drainage`);
    if (drainageEnd === null || w.end !== drainageEnd) {
      problems.push({
        field: `circuit.components[${indexOf(c)}].drainage`,
        allowed: closed
          ? "the drainage lumen connected through tubing to the centrifugal pump's inlet"
          : "a dual-lumen cannula only on a closed (ECMO) circuit",
        received: w.end ?? "an open end",
      });
      continue;
    }
    const t = sumTubing(w.tubing);
    if (t.ml > venousTubing.ml) venousTubing = t;
    dl.drainageVessels.forEach((v, j) => {
      venousCannulae.push({
        id: `${c.id}_${v}`,
        vessel: patientIndex(v),
        params: drainagePortParams(dl.drainage, dl.drainageVessels.length),
      });
      sites.push({
        index: indexOf(c),
        field: `params.drainageVessels[${j}]`,
        vessel: v,
        kind: "drainage",
        dualLumen: true,
      });
    });
  }
  for (const c of cannulae) {
    const p = params(c) as { type: string; vessel?: string };
    if (returnIds.has(c.id)) continue;
    if (c.role === "return" || c.role === "distalPerfusion") {
      problems.push({
        field: `circuit.components[${indexOf(c)}].role`,
        allowed: "a role that matches the cannula's place: it is not reached from the oxygenator outlet",
        received: JSON.stringify(c.role),
      });
      continue;
    }
    if (!VENOUS_TYPES.has(p.type) && !(closed && !ARTERIAL_TYPES.has(p.type))) continue;
    const w = walk(`${c.id}.connector`);
    if (drainageEnd === null || w.end !== drainageEnd) {
      problems.push({
        field: `circuit.components[${desc.components.indexOf(c)}]`,
        allowed: closed
          ? "a drainage cannula connected through tubing to the centrifugal pump's inlet"
          : "a venous cannula connected through tubing to the reservoir's venousIn",
        received: w.end ?? "an open end",
      });
      continue;
    }
    const t = sumTubing(w.tubing);
    // Two venous cannulae joined by a Y share the line: the longest stretch is taken as the common line.
    if (t.ml > venousTubing.ml) venousTubing = t;
    venousCannulae.push({ id: c.id, vessel: patientIndex(p.vessel!), params: buildCannulaParams(p) });
    sites.push({
      index: indexOf(c),
      field: "params.vessel",
      vessel: p.vessel!,
      kind: "drainage",
      dualLumen: false,
    });
  }
  if (venousCannulae.length === 0 && problems.length === 0) {
    problems.push({ field: "circuit.components", allowed: "at least one venous cannula", received: "none" });
  }
  // Pump: whatever the reservoir outlet feeds (through tubing).
  let pump: CircuitPlan["pump"] | undefined;
  let pumpSideMl = 0;
  if ((reservoirC || closedPumpC) && oxygenatorC) {
    const w: Walk = reservoirC
      ? walk(`${reservoirC.id}.outlet`)
      : { tubing: [], others: [], end: `${closedPumpC!.id}.inlet` };
    const pc = w.end ? byId.get(w.end.split(".")[0]!) : undefined;
    if (!pc || (pc.type !== "rollerPump" && pc.type !== "centrifugalPump") || !w.end!.endsWith(".inlet")) {
      problems.push({
        field: `circuit.components[${desc.components.indexOf(reservoirC!)}].outlet`,
        allowed: "connected (through tubing) to the arterial pump's inlet",
        received: w.end ?? "an open end",
      });
    } else {
      pumpSideMl += sumTubing(w.tubing).ml;
      pump =
        pc.type === "rollerPump"
          ? { id: pc.id, kind: "roller", params: buildRollerPumpParams(params(pc)) }
          : { id: pc.id, kind: "centrifugal", params: buildCentrifugalPumpParams(params(pc)) };
      const w2 = walk(`${pc.id}.outlet`);
      if (w2.end !== `${oxygenatorC.id}.bloodIn`) {
        problems.push({
          field: `circuit.components[${desc.components.indexOf(pc)}].outlet`,
          allowed: "connected (through tubing) to the oxygenator's bloodIn",
          received: w2.end ?? "an open end",
        });
      } else pumpSideMl += sumTubing(w2.tubing).ml;
    }
  }
  // Return side: oxygenator outlet → filter/tubing → return cannula(e). With a Y, the primary return (network
  // connector `arterialCannula`) is the arterial one (VAV) or the one that is not a distal perfusion cannula; the
  // others are extra connectors from the return line. The tubing before the Y is counted with the primary branch
  // (a simplification: the extra branches do not feel the common line's drop, docs/models/ecmo.md).
  let arterial: CircuitPlan["arterialCannula"] | undefined;
  let arterialLineIds: string[] = [];
  let returnFr = 0;
  let arterialTubing = { ml: 0, rPerCp: 0 };
  const extraReturns: ExtraReturnPart[] = [];
  let jetPart: ExtraReturnPart | undefined;
  let filter: ArterialFilterParams | null = null;
  let filterPrimeMl = 0;
  if (oxygenatorC) {
    const resolved: {
      c: ComponentDescription;
      leaf: ReturnLeaf;
      vessel: string;
      cp: CannulaParams;
      fr: number;
    }[] = [];
    for (const leaf of leaves) {
      const ac = leafComponent(leaf);
      const ap =
        ac?.type === "cannula" ? (params(ac) as { type: string; vessel?: string; fr: number }) : undefined;
      if (!ac || (ap && !(closed || ARTERIAL_TYPES.has(ap.type)))) {
        problems.push({
          field: `circuit.components[${indexOf(oxygenatorC)}].outlet`,
          allowed: closed
            ? "connected (through filter/tubing, or a Y) to a return cannula"
            : "connected (through filter/tubing) to an arterial cannula",
          received: leaf.end ?? "an open end",
        });
        continue;
      }
      if (ac.role === "drainage") {
        problems.push({
          field: `circuit.components[${indexOf(ac)}].role`,
          allowed:
            "a role that matches the cannula's place: it is reached from the oxygenator outlet (return)",
          received: '"drainage"',
        });
        continue;
      }
      if (ap) {
        resolved.push({ c: ac, leaf, vessel: ap.vessel!, cp: buildCannulaParams(ap), fr: ap.fr });
        sites.push({
          index: indexOf(ac),
          field: "params.vessel",
          vessel: ap.vessel!,
          kind: ac.role === "distalPerfusion" ? "distalPerfusion" : "return",
          dualLumen: false,
        });
      } else {
        const dl = buildDualLumenCannulaParams(params(ac));
        const jet = dl.jetToTricuspidFraction;
        resolved.push({
          c: ac,
          leaf,
          vessel: dl.returnVessel,
          cp: returnShareParams(dl.return, 1 - jet),
          fr: dl.fr,
        });
        if (jet > 0) {
          // The jet aimed through the tricuspid valve: a parallel path of the same lumen into the right ventricle.
          jetPart = {
            id: `${ac.id}_jet`,
            vessel: patientIndex("rightVentricle"),
            params: returnShareParams(dl.return, jet),
            role: "jet",
            tubingRPerCp: 0,
            tubingMl: 0,
            clamp: 0,
          };
        }
        sites.push({
          index: indexOf(ac),
          field: "params.returnVessel",
          vessel: dl.returnVessel,
          kind: "return",
          dualLumen: true,
        });
      }
    }
    if (resolved.length > 0 && problems.length === 0) {
      const arterialVessel = (v: string) => ARTERIAL_VESSEL_SET.has(v);
      const primary =
        resolved.find((r) => r.c.role !== "distalPerfusion" && arterialVessel(r.vessel)) ??
        resolved.find((r) => r.c.role !== "distalPerfusion") ??
        resolved[0]!;
      const common = sumTubing(returnCommon.tubing);
      const own = sumTubing(primary.leaf.tubing);
      arterialTubing = { ml: common.ml + own.ml, rPerCp: common.rPerCp + own.rPerCp };
      const f = returnCommon.others.find((c) => c.type === "arterialFilter");
      if (f) {
        filter = buildArterialFilterParams(params(f));
        filterPrimeMl = (params(f) as { primeMl?: number }).primeMl ?? 0;
      }
      arterial = { id: primary.c.id, vessel: patientIndex(primary.vessel), params: primary.cp };
      returnFr = primary.fr;
      arterialLineIds = [...returnCommon.tubing, ...primary.leaf.tubing].map((x) => x.id);
      for (const r of resolved) {
        arterialTubing.ml += r.leaf.yMl;
        if (r === primary) continue;
        const t = sumTubing(r.leaf.tubing);
        arterialTubing.ml += t.ml;
        const clampC = desc.components.find(
          (c) =>
            c.type === "clamp" &&
            c.at !== undefined &&
            [r.c.id, ...r.leaf.tubing.map((x) => x.id)].includes(c.at.split(".")[0]!),
        );
        extraReturns.push({
          id: r.c.id,
          vessel: patientIndex(r.vessel),
          params: r.cp,
          role: r.c.role === "distalPerfusion" ? "distalPerfusion" : "return",
          tubingRPerCp: t.rPerCp,
          tubingMl: t.ml,
          clamp: clampC ? ((clampC.params as { occlusion?: number })?.occlusion ?? 0) : 0,
        });
      }
    }
  }
  if (jetPart) extraReturns.push(jetPart);
  // The configuration is checked on a resolved path (a broken path's problems come first, alone).
  if (problems.length === 0) problems.push(...checkEcmoConfiguration(desc, closed, sites));
  if (problems.length > 0 || !(reservoirC || closedPumpC) || !oxygenatorC || !pump || !arterial)
    throw new InputError(problems);

  const rolePump = (role: string) =>
    desc.components.find((c) => c.type === "rollerPump" && c.role === role && c.id !== pump.id);
  const fromPatient = (c: ComponentDescription | undefined, fallback: string) => {
    const ref = c?.inlet;
    return patientIndex(ref?.startsWith("patient.") ? ref.slice(8) : fallback);
  };
  const cp = of("cardioplegia")[0];
  const hc = of("haemoconcentrator")[0];
  const spc = of("samplingPort")[0];
  const sp = spc ? buildSamplingPortParams(params(spc)) : undefined;
  const ls = of("levelSensor")[0];
  const bd = of("bubbleDetector")[0];
  const reservoir = reservoirC ? buildReservoirParams(params(reservoirC)) : null;
  const pumpHeadMl = closedPumpC ? ((params(closedPumpC) as { primeMl?: number }).primeMl ?? 32) : 0;
  const oxParams = params(oxygenatorC) as { primeMl?: number };
  const clampAt = (names: string[]) =>
    desc.components.find(
      (c) => c.type === "clamp" && c.at !== undefined && names.includes(c.at.split(".")[0]!),
    );
  const venousNames = [...of("tubing").map((t) => t.id)].filter((id) => {
    const w = walk(`${id}.outlet`);
    return drainageEnd !== null && w.end === drainageEnd;
  });
  const arterialNames = [...arterialLineIds, arterial.id];
  const occ = (c: ComponentDescription | undefined) =>
    c ? ((c.params as { occlusion?: number })?.occlusion ?? 0) : 0;
  const prime = desc.prime ?? {};
  return {
    description: desc,
    venousCannulae,
    arterialCannula: arterial,
    venousTubingRPerCp: venousTubing.rPerCp,
    venousTubingMl: venousTubing.ml,
    closed,
    reservoir,
    reservoirPrimeMl: reservoir ? reservoir.primeVolumeMl : pumpHeadMl,
    pump,
    pumpSideMl,
    oxygenator: buildOxygenatorParams(params(oxygenatorC)),
    oxygenatorPrimeMl: oxParams.primeMl ?? 0,
    filter,
    filterPrimeMl,
    arterialTubingRPerCp: arterialTubing.rPerCp,
    arterialTubingMl: arterialTubing.ml,
    cardioplegia: cp ? buildCardioplegiaParams(params(cp)) : null,
    suckerFrom: fromPatient(rolePump("sucker"), "rightAtrium"),
    ventFrom: fromPatient(rolePump("vent"), "leftVentricle"),
    haemoconcentrator: hc ? buildHaemoconcentratorParams(params(hc)) : null,
    samplingDeadSpaceMl: sp ? sp.deadSpaceMl : 1,
    samplingReturnsDeadSpace: sp ? sp.returnsDeadSpace : true,
    levelSensor: ls
      ? buildLevelSensorParams(params(ls))
      : reservoir
        ? { alarmLevelMl: 2 * reservoir.minOperatingLevelMl, stopLevelMl: reservoir.minOperatingLevelMl }
        : { alarmLevelMl: 0, stopLevelMl: 0 },
    bubbleDetector: bd ? buildBubbleDetectorParams(params(bd)) : null,
    primeHct: prime.hct ?? 0,
    primeTempC: prime.tempC ?? 35,
    primeHeparinU: prime.heparinU ?? 0,
    venousClamp: occ(clampAt(venousNames)),
    arterialClamp: occ(clampAt(arterialNames)),
    extraReturns,
    configuration: desc.configuration?.name ?? null,
    tipDistanceCm: desc.configuration?.tipDistanceCm ?? null,
    returnFr,
    // Adult closed circuits: −100 mmHg, the "critical" drainage suction level (Robak et al., ASAIO J, in vivo suction
    // pressures of VV-ECMO drainage cannulae: ~−100 mmHg; Ann Thorac Surg 1997;63:1333: haemolysis at −100 mmHg).
    inletPressureLimitMmHg: desc.configuration?.inletPressureLimitMmHg ?? -100,
  };
}

// Names of the circuit's compartments and connectors (appended after the patient's).
export const CIRCUIT_COMPARTMENTS = ["venousLine", "venousReservoir", "oxygenator", "arterialLine"] as const;

/** Elastance of a near-rigid circuit segment of `volumeMl`. */
export function segmentElastance(volumeMl: number): number {
  return 1 / (CIRCUIT_COMPLIANCE_PER_ML * Math.max(volumeMl, 5));
}

/** Network parts of the circuit, to append to the patient's. Connector names are stable (signals, tests). */
export function circuitNetworkParts(plan: CircuitPlan): { comps: CompartmentDef[]; conns: ConnectorDef[] } {
  const seg = (name: string, v: number): CompartmentDef => {
    const e = segmentElastance(v);
    return { name, unstressedVolumeMl: 0, elastanceMmHgPerMl: e, volumeMl: v, externalPressureMmHg: -e * v };
  };
  const comps: CompartmentDef[] = [
    seg("venousLine", plan.venousTubingMl),
    // Closed circuit: the pump head, a near-rigid segment (its pressure is free to go far below zero).
    plan.reservoir
      ? {
          name: "venousReservoir",
          unstressedVolumeMl: 0,
          elastanceMmHgPerMl: plan.reservoir.mmHgPerMl,
          volumeMl: plan.reservoirPrimeMl,
          externalPressureMmHg: 0,
        }
      : seg("pumpHead", plan.reservoirPrimeMl),
    seg("oxygenator", plan.oxygenatorPrimeMl + plan.pumpSideMl),
    seg("arterialLine", plan.filterPrimeMl + plan.arterialTubingMl),
  ];
  const vessel = (i: number) => COMPARTMENT_NAMES[i]!;
  const conns: ConnectorDef[] = [];
  for (const c of plan.venousCannulae) {
    conns.push({
      name: `venousCannula_${c.id}`,
      from: vessel(c.vessel),
      to: "venousLine",
      kind: "resistor",
      resistance: 0.1,
    });
  }
  conns.push({
    name: "venousDrainage",
    from: "venousLine",
    to: plan.reservoir ? "venousReservoir" : "pumpHead",
    kind: "resistor",
    resistance: 0.05,
  });
  if (plan.pump.kind === "roller") {
    conns.push({
      name: "arterialPump",
      from: "venousReservoir",
      to: "oxygenator",
      kind: "flow",
      flowMlPerS: 0,
    });
  } else {
    conns.push({
      name: "arterialPump",
      from: plan.reservoir ? "venousReservoir" : "pumpHead",
      to: "oxygenator",
      kind: "resistor",
      resistance: 1,
    });
  }
  conns.push({
    name: "oxygenatorBloodPath",
    from: "oxygenator",
    to: "arterialLine",
    kind: "resistor",
    resistance: 0.5,
  });
  conns.push({
    name: "arterialCannula",
    from: "arterialLine",
    to: vessel(plan.arterialCannula.vessel),
    kind: "resistor",
    resistance: 0.5,
  });
  conns.push({ name: "cardioplegiaBloodAntegrade", from: "oxygenator", to: "aorticRoot", kind: "flow" });
  conns.push({ name: "cardioplegiaCrystalloidAntegrade", from: null, to: "aorticRoot", kind: "flow" });
  conns.push({ name: "cardioplegiaBloodRetrograde", from: "oxygenator", to: "coronaryVeins", kind: "flow" });
  conns.push({ name: "cardioplegiaCrystalloidRetrograde", from: null, to: "coronaryVeins", kind: "flow" });
  const res = plan.reservoir ? "venousReservoir" : "pumpHead";
  conns.push({ name: "sucker", from: vessel(plan.suckerFrom), to: res, kind: "flow" });
  conns.push({ name: "vent", from: vessel(plan.ventFrom), to: res, kind: "flow" });
  conns.push({ name: "haemoconcentrator", from: "oxygenator", to: null, kind: "flow" });
  conns.push({ name: "sampling", from: "arterialLine", to: null, kind: "flow" });
  // Closed circuits only, after every CPB connector (their ids do not move): the further return limbs behind a Y
  // and, with a VV tip distance, the part of the return jet that streams straight into the drainage cannula.
  for (const r of plan.extraReturns) {
    conns.push({
      name: `returnCannula_${r.id}`,
      from: "arterialLine",
      to: vessel(r.vessel),
      kind: "resistor",
      resistance: 1,
    });
  }
  if (plan.tipDistanceCm !== null) {
    // From the return vessel to the (first) drainage vessel: the streamed blood still passes both cannulae.
    conns.push({
      name: "recirculationStream",
      from: vessel(plan.arterialCannula.vessel),
      to: vessel(plan.venousCannulae[0]!.vessel),
      kind: "flow",
    });
  }
  return { comps, conns };
}
