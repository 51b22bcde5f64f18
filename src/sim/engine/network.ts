/**
 * The haemodynamic network: elastic compartments joined by connectors, stored as struct-of-arrays
 * (one Float64Array per property, indexed by compartment or connector id) and built once.
 *
 * Compartment:  P = E·(V − U) + Pext                       (linear elastance; E may vary in time;
 *                                                          collapsible below U, see COLLAPSE)
 * Connectors (kind):
 *   RESISTOR  Q = (ΔP + H) / (R + dt·(E_from + E_to))      (resistive, with an optional pressure source H:
 *             a centrifugal pump's shut-off head, a siphon's hydrostatic head; H = 0 elsewhere. The dt·ΣE term is a local
 *             backward-Euler guard, negligible when R ≫ dt·ΣE, which keeps a stiff link from
 *             overshooting pressure equalisation in one step)
 *   INERTIAL  L·dQ/dt = ΔP − R·Q, integrated semi-implicitly:
 *             Q⁺ = (Q + dt/L·ΔP) / (1 + dt·R/L)             (stable in R for any dt; LC stability needs
 *             dt < 2·√(L/(E_from+E_to)), enforced at build by a lower bound on L)
 *   FLOW      Q = prescribed flow (pumps, bleeding, infusions, urine); never drains a donor below 0
 * A connector may be a one-way valve (Q ≥ 0) and may be clamped (open fraction 0–1 divides R).
 * Either end may be OUTSIDE (−1) for a FLOW connector: a sink or a source.
 *
 * Volume is conserved exactly: each connector's Q·dt leaves one compartment and enters the other
 * (or is counted in the external in/out totals). See docs/models/engine.md.
 */

import { specialise } from "./specialise.ts";

export const OUTSIDE = -1;
export const KIND_RESISTOR = 0;
export const KIND_INERTIAL = 1;
export const KIND_FLOW = 2;
/**
 * Below its unstressed volume a vessel collapses: its wall no longer holds pressure and its elastance
 * falls (collapsible-tube behaviour, Shapiro 1977, J Biomech Eng 99:126). Modelled as E·COLLAPSE.
 */
export const COLLAPSE = 0.05;

export interface CompartmentDef {
  name: string;
  /** Unstressed volume U (mL): pressure is zero (plus Pext) at V = U. */
  unstressedVolumeMl: number;
  /** Elastance E (mmHg/mL) = 1/compliance. Heart chambers get theirs overwritten every step. */
  elastanceMmHgPerMl: number;
  /** Initial volume (mL). */
  volumeMl: number;
  /** Pressure outside the wall (mmHg), e.g. intrathoracic. */
  externalPressureMmHg?: number;
}

export interface ConnectorDef {
  name: string;
  from: string | null;
  to: string | null;
  kind: "resistor" | "inertial" | "flow";
  /** Resistance (mmHg·s/mL); unused for flow connectors. */
  resistance?: number;
  /** Inertance (mmHg·s²/mL) for inertial connectors. */
  inertance?: number;
  /** One-way: flow from → to only. */
  valve?: boolean;
  /** Initial prescribed flow (mL/s) for flow connectors. */
  flowMlPerS?: number;
  /** Pressure source in series (mmHg, pushing from → to) for resistors: pump head, siphon. */
  headMmHg?: number;
}

export interface NetworkState {
  readonly nComp: number;
  readonly nConn: number;
  readonly compNames: readonly string[];
  readonly connNames: readonly string[];
  readonly dt: number;
  // compartments
  readonly V: Float64Array;
  readonly U: Float64Array;
  readonly E: Float64Array;
  readonly Pext: Float64Array;
  readonly P: Float64Array;
  // connectors
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly kind: Int32Array;
  readonly valve: Uint8Array;
  /** Base resistance (mmHg·s/mL), before clamps and factors. */
  readonly R0: Float64Array;
  /** Multiplier on R set by physiology (baroreflex, drugs): R = R0·rFactor/open. */
  readonly rFactor: Float64Array;
  /** Open fraction (clamp): 1 open, 0 fully clamped. */
  readonly open: Float64Array;
  /** Effective resistance used by the step (R0·rFactor/open; Infinity when clamped). */
  readonly R: Float64Array;
  /** Pressure source in series with a resistor (mmHg, from → to); 0 for the patient's connectors. */
  readonly H: Float64Array;
  readonly L: Float64Array;
  /** Per-connector precomputed dt/L and 1/(1 + dt·R/L) for inertial connectors. */
  readonly dtOverL: Float64Array;
  readonly damp: Float64Array;
  readonly Q: Float64Array;
  /** Prescribed flow (mL/s) for flow connectors. */
  readonly flowSet: Float64Array;
  /** Volume moved through each connector since the last composition update (mL, signed). */
  readonly moved: Float64Array;
  /** [0] total volume that entered from outside (mL), [1] total volume that left to outside (mL). */
  readonly external: Float64Array;
}

export interface Network extends NetworkState {
  /** One step of this network (stepNetwork): its specialised kernel. */
  readonly step: () => void;
}

export function buildNetwork(comps: CompartmentDef[], conns: ConnectorDef[], dt: number): Network {
  const nComp = comps.length;
  const nConn = conns.length;
  const index = new Map<string, number>();
  comps.forEach((c, i) => {
    if (index.has(c.name)) throw new Error(`duplicate compartment ${c.name}`);
    index.set(c.name, i);
  });
  const id = (name: string | null, conn: string): number => {
    if (name === null) return OUTSIDE;
    const i = index.get(name);
    if (i === undefined) throw new Error(`connector ${conn}: unknown compartment ${name}`);
    return i;
  };
  const state: NetworkState = {
    nComp,
    nConn,
    compNames: comps.map((c) => c.name),
    connNames: conns.map((c) => c.name),
    dt,
    V: new Float64Array(comps.map((c) => c.volumeMl)),
    U: new Float64Array(comps.map((c) => c.unstressedVolumeMl)),
    E: new Float64Array(comps.map((c) => c.elastanceMmHgPerMl)),
    Pext: new Float64Array(comps.map((c) => c.externalPressureMmHg ?? 0)),
    P: new Float64Array(nComp),
    from: new Int32Array(conns.map((c) => id(c.from, c.name))),
    to: new Int32Array(conns.map((c) => id(c.to, c.name))),
    kind: new Int32Array(
      conns.map((c) =>
        c.kind === "resistor" ? KIND_RESISTOR : c.kind === "inertial" ? KIND_INERTIAL : KIND_FLOW,
      ),
    ),
    valve: new Uint8Array(conns.map((c) => (c.valve ? 1 : 0))),
    R0: new Float64Array(conns.map((c) => c.resistance ?? 0)),
    rFactor: new Float64Array(nConn).fill(1),
    open: new Float64Array(nConn).fill(1),
    R: new Float64Array(nConn),
    H: new Float64Array(conns.map((c) => c.headMmHg ?? 0)),
    L: new Float64Array(conns.map((c) => c.inertance ?? 0)),
    dtOverL: new Float64Array(nConn),
    damp: new Float64Array(nConn),
    Q: new Float64Array(nConn),
    flowSet: new Float64Array(conns.map((c) => c.flowMlPerS ?? 0)),
    moved: new Float64Array(nConn),
    external: new Float64Array(2),
  };
  const net: Network = {
    ...state,
    step: specialise(networkKernel, state, structuredClone(state), "network"),
  };
  conns.forEach((c, k) => {
    if (c.kind !== "flow" && (net.from[k] === OUTSIDE || net.to[k] === OUTSIDE)) {
      throw new Error(`connector ${c.name}: only flow connectors may reach outside`);
    }
    if (c.kind !== "flow" && !(c.resistance !== undefined && c.resistance > 0)) {
      throw new Error(`connector ${c.name}: resistance must be > 0`);
    }
    if (c.kind === "inertial" && !(c.inertance !== undefined && c.inertance > 0)) {
      throw new Error(`connector ${c.name}: inertance must be > 0`);
    }
  });
  refreshConnectors(net);
  return net;
}

/**
 * Recompute effective resistances and inertial coefficients after R0, rFactor or open change.
 * Called at slow-loop or action boundaries, never per fast step.
 */
export function refreshConnectors(net: Network): void {
  const { nConn, R0, rFactor, open, R, L, dtOverL, damp, kind, dt } = net;
  for (let k = 0; k < nConn; k++) {
    const o = open[k]!;
    const r = o <= 0 ? Number.POSITIVE_INFINITY : (R0[k]! * rFactor[k]!) / o;
    R[k] = r;
    if (kind[k] === KIND_INERTIAL) {
      dtOverL[k] = dt / L[k]!;
      damp[k] = r === Number.POSITIVE_INFINITY ? 0 : 1 / (1 + (dt * r) / L[k]!);
    }
  }
}

/** Pressures from volumes: P = E·(V − U) + Pext. */
export function computePressures(net: Network): void {
  const { nComp, V, U, E, Pext, P } = net;
  for (let i = 0; i < nComp; i++) {
    const d = V[i]! - U[i]!;
    P[i] = (d >= 0 ? E[i]! * d : E[i]! * COLLAPSE * d) + Pext[i]!;
  }
}

/**
 * One explicit step of the network: pressures from volumes, then every connector's flow from those
 * pressures, then the volumes. No allocation; plain loops over typed arrays. Runs the network's specialised
 * kernel (`networkKernel`).
 */
export function stepNetwork(net: Network): void {
  net.step();
}

/**
 * The step kernel for `net` (see stepNetwork). Compiled per network by `specialise` (engine/specialise.ts), so it must
 * stay self-contained: no module-level names, hence the kind codes and the collapse factor written as literals here.
 */
export function networkKernel(net: NetworkState): () => void {
  const RESISTOR = 0; // KIND_RESISTOR
  const INERTIAL = 1; // KIND_INERTIAL
  const COLLAPSED = 0.05; // COLLAPSE
  return () => {
    const {
      nComp,
      nConn,
      V,
      U,
      E,
      Pext,
      P,
      from,
      to,
      kind,
      valve,
      R,
      H,
      dtOverL,
      damp,
      Q,
      flowSet,
      moved,
      external,
      dt,
    } = net;
    for (let i = 0; i < nComp; i++) {
      const d = V[i]! - U[i]!;
      P[i] = (d >= 0 ? E[i]! * d : E[i]! * COLLAPSED * d) + Pext[i]!;
    }
    let extIn = 0;
    let extOut = 0;
    for (let k = 0; k < nConn; k++) {
      const a = from[k]!;
      const b = to[k]!;
      const kd = kind[k]!;
      let q: number;
      if (kd === RESISTOR) {
        q = (P[a]! - P[b]! + H[k]!) / (R[k]! + dt * (E[a]! + E[b]!));
        if (valve[k] === 1 && q < 0) q = 0;
      } else if (kd === INERTIAL) {
        q = (Q[k]! + dtOverL[k]! * (P[a]! - P[b]!)) * damp[k]!;
        if (valve[k] === 1 && q < 0) q = 0;
      } else {
        q = flowSet[k]!;
        // Idle prescribed flows (a stopped sucker, no cardioplegia running) move nothing: skip the bookkeeping.
        if (q === 0) {
          Q[k] = 0;
          continue;
        }
      }
      // No connector takes more than its donor holds (volumes never go negative).
      if (q > 0) {
        if (a >= 0 && q * dt > V[a]!) q = V[a]! > 0 ? V[a]! / dt : 0;
      } else if (q < 0 && b >= 0 && -q * dt > V[b]!) q = V[b]! > 0 ? -V[b]! / dt : 0;
      Q[k] = q;
      const dv = q * dt;
      moved[k] = moved[k]! + dv;
      if (a >= 0) V[a] = V[a]! - dv;
      else extIn += dv;
      if (b >= 0) V[b] = V[b]! + dv;
      else extOut += dv;
    }
    if (extIn !== 0 || extOut !== 0) {
      external[0] = external[0]! + extIn;
      external[1] = external[1]! + extOut;
    }
  };
}

/** Total volume in the network (mL). */
export function totalVolume(net: Network): number {
  let s = 0;
  for (let i = 0; i < net.nComp; i++) s += net.V[i]!;
  return s;
}
