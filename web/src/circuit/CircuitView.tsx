/**
 * The circuit view: a live SVG diagram of the circuit the simulation runs, drawn from its description
 * (src/console/circuit-view.ts, laid out by layout.ts): components as boxes with their model names, tubing as
 * blood-coloured lines (darker for lower saturation; white dashes while air is detected), flow arrows (reversed
 * and red when the pump flow is negative), the engine's line clamps as open / partial / closed symbols (from the
 * actions sent, HlmTracker), and live readouts with units under each part. Re-renders at 4 Hz while shown.
 */
import { useMemo } from "preact/hooks";
import {
  AirWatch,
  bloodColour,
  circuitView,
  clampState,
  sideSaturations,
  type ViewComponent,
  type ViewNode,
} from "../../../src/console/circuit-view.ts";
import type { HlmTracker } from "../../../src/console/hlm.ts";
import type { CircuitPlan } from "../../../src/sim/index.ts";
import type { SimClient } from "../client.ts";
import { useTick } from "../controls/useTick.ts";
import { formatValue } from "../display.ts";
import { type Cell, layoutCircuit, type Wire } from "./layout.ts";

const CW = 170; // cell width, px (SVG units)
const RH = 128; // row height
const PAD = 12;
const BOX_W = 146;
const BOX_H = 42;
const REVERSED = "#ff3b3b";

const cx = (c: Cell) => PAD + c.col * CW + CW / 2;
const cy = (c: Cell) => PAD + c.row * RH + BOX_H / 2 + 16;

const humanise = (id: string) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/^./, (x) => x.toUpperCase());
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A wire's path (horizontal, vertical at the midpoint between the cells, horizontal) and its arrow: at the midpoint
 * on a same-row wire (the gap between boxes), else halfway down the vertical run; pointing with the flow.
 */
function wireGeometry(w: Wire): { d: string; ax: number; ay: number; angle: number } {
  const x1 = w.from.col === 0 ? PAD + 70 : cx(w.from);
  const y1 = cy(w.from);
  const x2 = w.to.col === 0 ? PAD + 70 : cx(w.to);
  const y2 = cy(w.to);
  const xm = (x1 + x2) / 2;
  const d = `M ${x1} ${y1} H ${xm} V ${y2} H ${x2}`;
  if (y1 === y2) return { d, ax: xm, ay: y1, angle: x2 > x1 ? 0 : 180 };
  return { d, ax: xm, ay: (y1 + y2) / 2, angle: y2 > y1 ? 90 : -90 };
}

export function CircuitView({
  client,
  plan,
  tracker,
  onClose,
}: {
  client: SimClient;
  plan: CircuitPlan;
  tracker: HlmTracker;
  onClose: () => void;
}) {
  useTick(client, 250);
  const view = useMemo(() => circuitView(plan.description.components as ViewComponent[]), [plan]);
  const layout = useMemo(() => (view ? layoutCircuit(view) : null), [view]);
  const airWatch = useMemo(() => new AirWatch(), [plan]);
  if (!view || !layout) {
    return (
      <section class="circuit-view" data-testid="circuit-view">
        <p class="waiting">This circuit has no oxygenator on its blood path: nothing to draw.</p>
      </section>
    );
  }
  const read = (s: string) => (client.has(s) ? client.read(s) : Number.NaN);
  const sat = sideSaturations(view.closed, read);
  const air = airWatch.update(client.timeS, read("circuit.airToPatient"), read("circuit.bubbleCount"));
  const flow = read(view.closed ? "ecmo.flow" : "circuit.arterialPump.flow");
  const reversed = flow < -0.005;
  const colour = (side: "venous" | "arterial") => bloodColour(sat[side]);
  const width = PAD * 2 + layout.cols * CW;
  const height = PAD * 2 + layout.rows * RH;
  return (
    <section
      class="circuit-view"
      data-testid="circuit-view"
      data-mode={view.closed ? "ecmo" : "cpb"}
      aria-label="Circuit view"
    >
      <div class="circuit-head">
        <h2>Circuit {view.closed ? "(closed, ECMO)" : "(open, CPB)"}</h2>
        <span class="circuit-legend">
          <i style={{ background: colour("venous") }} /> venous {formatValue(sat.venous, 0, 100)} %
          <i style={{ background: colour("arterial") }} /> arterial {formatValue(sat.arterial, 0, 100)} %
          {air ? (
            <strong class="circuit-air" data-testid="cv-air">
              AIR
            </strong>
          ) : null}
          {reversed ? (
            <strong class="circuit-reversed" data-testid="cv-reversed">
              REVERSE FLOW
            </strong>
          ) : null}
        </span>
        <button type="button" class="btn" onClick={onClose} data-testid="circuit-close">
          Close
        </button>
      </div>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        class="circuit-svg"
        role="img"
        aria-label="Circuit diagram"
        data-testid="circuit-svg"
      >
        {layout.wires.map((w, i) => {
          const g = wireGeometry(w);
          return (
            <g key={`w${i}`} class="cv-wire" data-side={w.side}>
              <path d={g.d} stroke={colour(w.side)} stroke-width="7" fill="none" />
              {air && w.side === "arterial" ? (
                <path d={g.d} stroke="#ffffff" stroke-width="3" stroke-dasharray="4 8" fill="none" />
              ) : null}
            </g>
          );
        })}
        <g data-testid="cv-node-patient">
          <rect x={PAD} y={PAD + 8} width={70} height={layout.rows * RH - 16} rx="10" class="cv-patient" />
          <text x={PAD + 35} y={PAD + (layout.rows * RH) / 2} text-anchor="middle" class="cv-name">
            Patient
          </text>
        </g>
        {layout.items
          .filter((p) => p.node.kind !== "patient")
          .map((p) => (
            <NodeShape
              key={p.node.key}
              node={p.node}
              x={cx(p)}
              y={cy(p)}
              stroke={colour(p.side)}
              occlusion={
                p.node.clamp ? (tracker.clamps[p.node.clamp] ?? p.node.initialOcclusion) : Number.NaN
              }
              read={read}
              has={(s) => client.ready === null || client.has(s)}
            />
          ))}
        {layout.wires.map((w, i) => {
          const g = wireGeometry(w);
          return (
            <path
              key={`a${i}`}
              d="M -7 -6 L 7 0 L -7 6 Z"
              transform={`translate(${g.ax} ${g.ay}) rotate(${reversed ? g.angle + 180 : g.angle})`}
              fill={reversed ? REVERSED : "#e8ecf1"}
              stroke="#0b0d10"
              class="cv-arrow"
              data-testid="cv-arrow"
              data-reversed={reversed ? "1" : "0"}
            />
          );
        })}
      </svg>
    </section>
  );
}

function NodeShape({
  node,
  x,
  y,
  stroke,
  occlusion,
  read,
  has,
}: {
  node: ViewNode;
  x: number;
  y: number;
  stroke: string;
  occlusion: number;
  read: (s: string) => number;
  has: (s: string) => boolean;
}) {
  const tube = node.kind === "tubing";
  const readouts = node.readouts.filter((r) => has(r.signal));
  const top = tube ? y + 14 : y + BOX_H / 2 + 14;
  return (
    <g class={`cv-node cv-${node.kind}`} data-testid={`cv-node-${node.key}`}>
      <title>{`${node.id} (${node.type})${node.model ? `: ${node.model}` : ""}`}</title>
      {tube ? (
        <>
          <line x1={x - CW / 2} y1={y} x2={x + CW / 2} y2={y} stroke={stroke} stroke-width="11" />
          <text x={x} y={y - 22} text-anchor="middle" class="cv-name">
            {clip(humanise(node.id), 22)}
          </text>
          {node.model ? (
            <text x={x} y={y - 9} text-anchor="middle" class="cv-model">
              {clip(node.model, 26)}
            </text>
          ) : null}
        </>
      ) : (
        <>
          <rect x={x - BOX_W / 2} y={y - BOX_H / 2} width={BOX_W} height={BOX_H} rx="6" class="cv-box" />
          <rect x={x - BOX_W / 2} y={y - BOX_H / 2} width="5" height={BOX_H} rx="2" fill={stroke} />
          <text x={x + 2} y={y - 4} text-anchor="middle" class="cv-name">
            {clip(humanise(node.id), 20)}
          </text>
          <text x={x + 2} y={y + 12} text-anchor="middle" class="cv-model">
            {clip(node.model ?? node.type, 24)}
          </text>
        </>
      )}
      {node.clamp ? <ClampSymbol name={node.clamp} x={x + CW / 2 - 26} y={y} occlusion={occlusion} /> : null}
      {readouts.map((r, i) => (
        <text key={r.signal} x={x} y={top + 14 * i} text-anchor="middle" class="cv-readout">
          {r.label}{" "}
          <tspan class="cv-value" data-testid={`cv-${r.signal}`}>
            {formatValue(read(r.signal), r.digits, r.scale)}
          </tspan>{" "}
          {r.unit}
        </text>
      ))}
    </g>
  );
}

/** Open: two jaws apart; partial: jaws narrowing the line (amber); closed: jaws shut across it (red). */
function ClampSymbol({ name, x, y, occlusion }: { name: string; x: number; y: number; occlusion: number }) {
  const state = clampState(occlusion);
  const gap = state === "open" ? 11 : state === "partial" ? 5 : 0;
  const fill = state === "open" ? "#a3adba" : state === "partial" ? "#ffd400" : "#ff3b3b";
  return (
    <g data-testid={`cv-clamp-${name}`} data-state={state} class="cv-clamp">
      <title>{`${name} clamp: ${state}${Number.isFinite(occlusion) ? ` (${Math.round(occlusion * 100)} %)` : ""}`}</title>
      <rect x={x - 4} y={y - gap - 16} width="8" height="16" fill={fill} stroke="#0b0d10" />
      <rect x={x - 4} y={y + gap} width="8" height="16" fill={fill} stroke="#0b0d10" />
      {state === "closed" ? (
        <line x1={x - 9} y1={y} x2={x + 9} y2={y} stroke="#ff3b3b" stroke-width="3" />
      ) : null}
      <text x={x} y={y + gap + 28} text-anchor="middle" class="cv-clamp-text">
        {state === "partial" ? `${Math.round(occlusion * 100)} %` : state}
      </text>
    </g>
  );
}
