/**
 * The circuit view's model: from the circuit description the simulation runs (plain JSON, src/sim/circuit/spec.ts),
 * the blood path as drawable steps — patient → drainage cannula(e) → venous line → reservoir (CPB) → pump →
 * oxygenator → filter → return line → return cannula(e) → patient — with Y connectors as parallel limbs, and per
 * step the live readouts to show (engine signals by name), the engine clamp acting on it, and its side (venous
 * or arterial) for the blood colour. Pure: no DOM, no clock.
 *
 * The path is traced from the oxygenator (one per circuit, always on the main path) upstream through each
 * component's inlet port and downstream through its outlet port (PORTS); a Y entered at its common port splits the
 * path into its two branches. Suckers, vents, cardioplegia and sensors are not on the main path and are left out.
 */
import { severinghausSo2 } from "../calc/odc.ts";
import { PORTS } from "../sim/circuit/spec.ts";

/** Enough of a component description for the view (the validated description has more). */
export interface ViewComponent {
  id: string;
  type: string;
  role?: string | undefined;
  params?: Record<string, unknown> | undefined;
  inlet?: string | undefined;
  outlet?: string | undefined;
  connect?: Record<string, string> | undefined;
  /** Readout/fitting components (clamps) sit `at` a component or port. */
  at?: string | undefined;
}

export type NodeKind =
  | "patient"
  | "cannula"
  | "tubing"
  | "reservoir"
  | "pump"
  | "oxygenator"
  | "filter"
  | "other";
export type Side = "venous" | "arterial";
/** The engine's line clamps (src/sim/cpb/circuit-model.ts CLAMPS). */
export type ClampName = "venousLine" | "arterialLine" | "returnLimb" | "distalPerfusionLine";

export interface ViewReadout {
  signal: string;
  label: string;
  unit: string;
  /** Shown value = signal × scale. */
  scale?: number;
  digits: number;
}

export interface ViewNode {
  /** Unique in the view (a dual-lumen cannula appears twice: `id#drainage`, `id#return`). */
  key: string;
  id: string;
  kind: NodeKind;
  type: string;
  /** Model name or size, as the description gives it; null when none. */
  model: string | null;
  side: Side;
  clamp: ClampName | null;
  /** Occlusion 0–1 of the description's clamp on this part at the start (0 when none). */
  initialOcclusion: number;
  readouts: ViewReadout[];
}

export type Step = { node: ViewNode } | { limbs: Step[][] };

export interface CircuitView {
  closed: boolean;
  steps: Step[];
}

const KIND: Record<string, NodeKind> = {
  cannula: "cannula",
  dualLumenCannula: "cannula",
  tubing: "tubing",
  venousReservoir: "reservoir",
  rollerPump: "pump",
  centrifugalPump: "pump",
  oxygenator: "oxygenator",
  arterialFilter: "filter",
};

const MAX_STEPS = 64;

/** "componentId.port" → the port it is linked to, both ways. */
function links(components: ViewComponent[]): Map<string, string> {
  const m = new Map<string, string>();
  const link = (a: string, b: string) => {
    m.set(a, b);
    m.set(b, a);
  };
  for (const c of components) {
    const table = PORTS[c.type as keyof typeof PORTS];
    if (!table) continue;
    if (c.inlet && table.inlet) link(`${c.id}.${table.inlet}`, c.inlet);
    if (c.outlet && table.outlet) link(`${c.id}.${table.outlet}`, c.outlet);
    for (const [port, ref] of Object.entries(c.connect ?? {})) link(`${c.id}.${port}`, ref);
  }
  return m;
}

function modelOf(c: ViewComponent): string | null {
  const p = c.params ?? {};
  if (typeof p.model === "string") return p.fr !== undefined ? `${p.model} (${p.fr} Fr)` : p.model;
  if (c.type === "tubing" && p.internalDiameterIn !== undefined)
    return `${p.internalDiameterIn}″ × ${p.lengthM ?? "?"} m`;
  if (p.fr !== undefined) return `${p.fr} Fr`;
  return null;
}

const VENOUS_VESSEL = /svc|ivc|atri|vein|venous|jugular/i;

/** Builds the view from the circuit description; null when it has no oxygenator (no blood path to draw). */
export function circuitView(components: ViewComponent[]): CircuitView | null {
  const byId = new Map(components.map((c) => [c.id, c]));
  const link = links(components);
  const ox = components.find((c) => c.type === "oxygenator");
  if (!ox) return null;
  const closed = !components.some((c) => c.type === "venousReservoir");

  const node = (c: ViewComponent, side: Side, suffix = ""): ViewNode => ({
    key: c.id + suffix,
    id: c.id,
    kind: KIND[c.type] ?? "other",
    type: c.type,
    model: modelOf(c),
    side,
    clamp: null,
    initialOcclusion: initialOcclusion(components, c.id),
    readouts: [],
  });
  const split = (ref: string | undefined) => {
    if (!ref) return undefined;
    const dot = ref.indexOf(".");
    const c = byId.get(dot < 0 ? ref : ref.slice(0, dot));
    return c ? { c, port: dot < 0 ? "" : ref.slice(dot + 1) } : undefined;
  };

  /** Upstream of `c` (excluded), in blood order. */
  const upstream = (c: ViewComponent, fromPort: string | undefined, depth: number): Step[] => {
    const out: Step[] = [];
    let port = fromPort;
    let cur = c;
    for (let i = 0; i < MAX_STEPS && depth < 8; i++) {
      const prev = split(port ? link.get(`${cur.id}.${port}`) : undefined);
      if (!prev) break;
      if (prev.c.type === "yConnector") {
        if (prev.port !== "common") break;
        out.unshift({
          limbs: ["branch1", "branch2"].map((b) => {
            const start = split(link.get(`${prev.c.id}.${b}`));
            if (!start) return [];
            return [...upstream(start.c, inletOf(start.c), depth + 1), { node: node(start.c, "venous") }];
          }),
        });
        break;
      }
      const isDl = prev.c.type === "dualLumenCannula";
      out.unshift({ node: node(prev.c, "venous", isDl ? "#drainage" : "") });
      if (prev.c.type === "cannula" || isDl) break;
      cur = prev.c;
      port = inletOf(prev.c);
    }
    return out;
  };
  /** Downstream of `c` (excluded). */
  const downstream = (c: ViewComponent, fromPort: string | undefined, depth: number): Step[] => {
    const out: Step[] = [];
    let port = fromPort;
    let cur = c;
    for (let i = 0; i < MAX_STEPS && depth < 8; i++) {
      const next = split(port ? link.get(`${cur.id}.${port}`) : undefined);
      if (!next) break;
      if (next.c.type === "yConnector") {
        if (next.port !== "common") break;
        out.push({
          limbs: ["branch1", "branch2"].map((b) => {
            const start = split(link.get(`${next.c.id}.${b}`));
            if (!start) return [];
            return [
              { node: node(start.c, "arterial") },
              ...downstream(start.c, outletOf(start.c), depth + 1),
            ];
          }),
        });
        break;
      }
      const isDl = next.c.type === "dualLumenCannula";
      out.push({ node: node(next.c, "arterial", isDl ? "#return" : "") });
      if (next.c.type === "cannula" || isDl) break;
      cur = next.c;
      port = outletOf(next.c);
    }
    return out;
  };

  const steps: Step[] = [
    ...upstream(ox, inletOf(ox), 0),
    { node: node(ox, "arterial") },
    ...downstream(ox, outletOf(ox), 0),
  ];
  // Everything before the oxygenator (pump included) carries venous blood; from it on, arterial.
  assignClamps(steps, byId);
  assignReadouts(steps, closed);
  return {
    closed,
    steps: [{ node: patientNode("patient-out") }, ...steps, { node: patientNode("patient-in") }],
  };
}

function patientNode(key: string): ViewNode {
  return {
    key,
    id: "patient",
    kind: "patient",
    type: "patient",
    model: null,
    side: key === "patient-out" ? "venous" : "arterial",
    clamp: null,
    initialOcclusion: 0,
    readouts: [],
  };
}

/** The description's clamp `at` this component (or one of its ports): its occlusion, else 0. */
function initialOcclusion(components: ViewComponent[], id: string): number {
  const c = components.find((x) => x.type === "clamp" && (x.at === id || x.at?.startsWith(`${id}.`)));
  const occ = c?.params?.occlusion;
  return typeof occ === "number" ? occ : 0;
}

const inletOf = (c: ViewComponent) => PORTS[c.type as keyof typeof PORTS]?.inlet;
const outletOf = (c: ViewComponent) => PORTS[c.type as keyof typeof PORTS]?.outlet;

/** Every node, in order, limbs depth-first. */
export function nodes(steps: Step[]): ViewNode[] {
  const out: ViewNode[] = [];
  const walk = (s: Step[]) => {
    for (const x of s) {
      if ("node" in x) out.push(x.node);
      else for (const l of x.limbs) walk(l);
    }
  };
  walk(steps);
  return out;
}

const topNodes = (steps: Step[]) => steps.flatMap((s) => ("node" in s ? [s.node] : []));

/**
 * Engine clamps onto segments: `venousLine` on the main venous tubing next before the reservoir or pump,
 * `arterialLine` on the first tubing after the oxygenator; on a split return, `distalPerfusionLine` on the first
 * tubing of the limb ending in a distal perfusion cannula and `returnLimb` on the limb ending in a cannula whose tip
 * is in a vein (VAV); the primary (arterial) limb carries none of its own (src/sim/cpb/build.ts).
 */
function assignClamps(steps: Step[], byId: Map<string, ViewComponent>): void {
  const top = topNodes(steps);
  const stop = top.findIndex((n) => n.kind === "reservoir" || n.kind === "pump");
  for (let i = stop - 1; i >= 0; i--) {
    const n = top[i];
    if (n?.kind === "tubing") {
      n.clamp = "venousLine";
      break;
    }
  }
  const ox = top.findIndex((n) => n.kind === "oxygenator");
  const art = top.slice(ox + 1).find((n) => n.kind === "tubing");
  if (art) art.clamp = "arterialLine";
  const limbs = (s: Step[]) => {
    for (const x of s) {
      if ("node" in x) continue;
      for (const limb of x.limbs) {
        const ln = topNodes(limb);
        const end = ln[ln.length - 1];
        const cannula = end?.kind === "cannula" ? byId.get(end.id) : undefined;
        const first = ln.find((n) => n.kind === "tubing");
        if (cannula && first && first.side === "arterial") {
          if (cannula.role === "distalPerfusion") first.clamp = "distalPerfusionLine";
          else if (VENOUS_VESSEL.test(String(cannula.params?.vessel ?? ""))) first.clamp = "returnLimb";
        }
        limbs(limb);
      }
    }
  };
  limbs(steps);
}

const P = (signal: string, label: string): ViewReadout => ({ signal, label, unit: "mmHg", digits: 0 });
const SAT = (signal: string, label: string): ViewReadout => ({
  signal,
  label,
  unit: "%",
  scale: 100,
  digits: 0,
});

/** Readouts per node, by signal name (the UI hides those the running simulation does not expose). */
function assignReadouts(steps: Step[], closed: boolean): void {
  const all = nodes(steps);
  const top = topNodes(steps);
  const venous = all.find((n) => n.clamp === "venousLine");
  const pump = top.find((n) => n.kind === "pump");
  const oxy = top.find((n) => n.kind === "oxygenator");
  const art = all.find((n) => n.clamp === "arterialLine");
  if (closed) {
    venous?.readouts.push(P("ecmo.inletPressure", "Inlet"), SAT("ecmo.preSo2", "SO₂"));
    pump?.readouts.push(
      { signal: "ecmo.flow", label: "Flow", unit: "L/min", digits: 2 },
      { signal: "ecmo.rpm", label: "Speed", unit: "rpm", digits: 0 },
    );
    oxy?.readouts.push(
      P("ecmo.preOxygenatorPressure", "Pre"),
      P("ecmo.deltaP", "ΔP"),
      SAT("ecmo.postSo2", "Post SO₂"),
      P("ecmo.postPo2", "Post PO₂"),
    );
    art?.readouts.push(P("ecmo.postOxygenatorPressure", "Line"));
    for (const n of all) {
      if (n.clamp === "returnLimb")
        n.readouts.push({ signal: "ecmo.returnLimbFlow", label: "Flow", unit: "L/min", digits: 2 });
      if (n.clamp === "distalPerfusionLine")
        n.readouts.push({ signal: "ecmo.distalPerfusionFlow", label: "Flow", unit: "L/min", digits: 2 });
    }
    return;
  }
  venous?.readouts.push(P("circuit.venousLine.pressure", "Line"), SAT("circuit.venousSo2", "SvO₂"));
  top
    .find((n) => n.kind === "reservoir")
    ?.readouts.push({ signal: "circuit.venousReservoir.level", label: "Level", unit: "mL", digits: 0 });
  pump?.readouts.push(
    { signal: "circuit.arterialPump.flow", label: "Flow", unit: "L/min", digits: 2 },
    { signal: "circuit.arterialPump.rpm", label: "Speed", unit: "rpm", digits: 0 },
  );
  oxy?.readouts.push(
    P("circuit.preOxygenatorPressure", "Pre"),
    P("circuit.oxygenator.deltaP", "ΔP"),
    P("circuit.oxygenator.postPo2", "Post PO₂"),
  );
  art?.readouts.push(
    P("circuit.arterialLine.pressure", "Line"),
    { signal: "circuit.bubbleCount", label: "Bubbles", unit: "", digits: 0 },
    { signal: "circuit.airToPatient", label: "Air", unit: "µL", digits: 0 },
  );
}

export type ClampState = "open" | "partial" | "closed";

/** Occlusion 0–1 → symbol state; unknown (NaN) counts as open. */
export function clampState(occlusion: number): ClampState {
  if (!(occlusion > 0)) return "open";
  return occlusion >= 1 ? "closed" : "partial";
}

/** Saturation of each side's blood (fraction 0–1, NaN when not known). */
export function sideSaturations(closed: boolean, read: (signal: string) => number): Record<Side, number> {
  if (closed) return { venous: read("ecmo.preSo2"), arterial: read("ecmo.postSo2") };
  // CPB publishes the post-oxygenator PO₂, not its SO₂: Severinghaus' standard curve (src/calc/odc.ts).
  const po2 = read("circuit.oxygenator.postPo2");
  return {
    venous: read("circuit.venousSo2"),
    arterial: Number.isFinite(po2) ? severinghausSo2(po2) : Number.NaN,
  };
}

/**
 * Blood colour for a saturation: from dark venous red (SO₂ ≤ 40 %) to bright arterial red (SO₂ 100 %), linear in
 * between (a display convention, not a colorimetric model); grey when unknown.
 */
export function bloodColour(so2: number): string {
  if (!Number.isFinite(so2)) return "#6b6b6b";
  const f = Math.min(1, Math.max(0, (so2 - 0.4) / 0.6));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * f);
  const hex = (v: number) => v.toString(16).padStart(2, "0");
  // dark #4a0d1a → bright #e8283a
  return `#${hex(mix(0x4a, 0xe8))}${hex(mix(0x0d, 0x28))}${hex(mix(0x1a, 0x3a))}`;
}

/** How long air stays shown after the last rise of air-to-patient or bubble detections (simulated s). */
export const AIR_SHOWN_S = 10;

/** Shows air on the arterial side when `circuit.airToPatient` or `circuit.bubbleCount` rises. */
export class AirWatch {
  private air = Number.NaN;
  private bubbles = Number.NaN;
  private lastRiseS = Number.NEGATIVE_INFINITY;

  update(tS: number, airToPatient: number, bubbleCount: number): boolean {
    if (
      (Number.isFinite(this.air) && airToPatient > this.air) ||
      (Number.isFinite(this.bubbles) && bubbleCount > this.bubbles)
    )
      this.lastRiseS = tS;
    if (Number.isFinite(airToPatient)) this.air = airToPatient;
    if (Number.isFinite(bubbleCount)) this.bubbles = bubbleCount;
    return tS - this.lastRiseS <= AIR_SHOWN_S;
  }
}
