/**
 * Trends: the last minutes and the whole case (uPlot), one row per simulated second from the worker,
 * with vertical markers for actions, scenario events, lab draws and alarm starts (in the alarm's colour). Redrawn at most twice a second.
 */
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatClock } from "../../../src/console/session.ts";
import type { AlarmController } from "../alarms/controller.ts";
import type { SimClient } from "../client.ts";
import { COLOURS } from "../display.ts";
import type { FrameMessage } from "../worker/protocol.ts";

interface Series {
  signal: string;
  label: string;
  colour: string;
  scale: number;
  /** y: mmHg · /min · %; t: °C; f: L/min (ECMO flow). */
  axis: "y" | "t" | "f";
  dash?: number[];
}

const SERIES: Series[] = [
  { signal: "patient.hr", label: "HR /min", colour: COLOURS.ecg, scale: 1, axis: "y" },
  { signal: "patient.map", label: "MAP mmHg", colour: COLOURS.art, scale: 1, axis: "y" },
  { signal: "patient.cvp", label: "CVP mmHg", colour: COLOURS.cvp, scale: 1, axis: "y" },
  { signal: "patient.sao2", label: "SpO₂ %", colour: COLOURS.spo2, scale: 100, axis: "y" },
  { signal: "patient.tempCore", label: "T core °C", colour: COLOURS.temp, scale: 1, axis: "t" },
];

/** On ECMO: SpO₂ at the right radial and femoral arteries, and the ECMO flow on its own axis. */
const ECMO_SERIES: Series[] = [
  SERIES[0]!,
  SERIES[1]!,
  SERIES[2]!,
  {
    signal: "patient.sao2RightRadial",
    label: "SpO₂ RR %",
    colour: COLOURS.spo2,
    scale: 100,
    axis: "y",
  },
  {
    signal: "patient.sao2Femoral",
    label: "SpO₂ fem %",
    colour: COLOURS.spo2,
    scale: 100,
    axis: "y",
    dash: [6, 4],
  },
  SERIES[4]!,
  { signal: "ecmo.flow", label: "Flow L/min", colour: COLOURS.flow, scale: 1, axis: "f" },
];

const RECENT_S = 600;
const REDRAW_MS = 500;
/** The whole-case chart shows at most this many points (every k-th row). */
const CASE_POINTS = 3000;

interface Marker {
  tS: number;
  text: string;
  /** Alarm markers are drawn in their priority's colour. */
  colour?: string;
}

const PRIORITY_COLOURS: Record<string, string> = { high: "#ff3b3b", medium: "#ffd400", low: "#2fd3ff" };

function markerPlugin(markers: Marker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const ctx = u.ctx;
        const [x0, x1] = [u.scales.x!.min!, u.scales.x!.max!];
        ctx.save();
        ctx.strokeStyle = "rgba(255,255,255,0.45)";
        ctx.fillStyle = "rgba(255,255,255,0.8)";
        ctx.setLineDash([4, 4]);
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        let lastLabelX = -1e9;
        for (const m of markers) {
          if (m.tS < x0 || m.tS > x1) continue;
          const x = Math.round(u.valToPos(m.tS, "x", true));
          ctx.strokeStyle = m.colour ?? "rgba(255,255,255,0.45)";
          ctx.fillStyle = m.colour ?? "rgba(255,255,255,0.8)";
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          // Labels never overlap: one is skipped when the previous one is still in the way.
          if (x > lastLabelX) {
            const text = m.text.length > 24 ? `${m.text.slice(0, 23)}…` : m.text;
            ctx.fillText(text, x + 3, u.bbox.top + 12 * devicePixelRatio);
            lastLabelX = x + 3 + ctx.measureText(text).width + 6 * devicePixelRatio;
          }
        }
        ctx.restore();
      },
    },
  };
}

function makeChart(el: HTMLElement, title: string, markers: Marker[], series: Series[]): uPlot {
  const rect = el.getBoundingClientRect();
  const flowAxis = series.some((s) => s.axis === "f");
  const opts: uPlot.Options = {
    title,
    width: Math.max(200, rect.width),
    height: Math.max(100, rect.height - 60),
    scales: {
      x: { time: false },
      y: { range: [0, 200] },
      t: { range: [25, 40] },
      ...(flowAxis ? { f: { range: [0, 8] as [number, number] } } : {}),
    },
    axes: [
      { stroke: "#ccc", grid: { stroke: "#333" }, values: (_u, vals) => vals.map((v) => formatClock(v)) },
      { scale: "y", stroke: "#ccc", grid: { stroke: "#333" }, label: "mmHg · /min · %" },
      { scale: "t", side: 1, stroke: COLOURS.temp, grid: { show: false }, label: "°C" },
      ...(flowAxis
        ? [{ scale: "f", side: 1, stroke: COLOURS.flow, grid: { show: false }, label: "L/min" }]
        : []),
    ],
    series: [
      { label: "time", value: (_u, v) => (v == null ? "—" : formatClock(v)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.colour,
        width: 1.5,
        scale: s.axis,
        ...(s.dash ? { dash: s.dash } : {}),
      })),
    ],
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
    plugins: [markerPlugin(markers)],
  };
  const chart = new uPlot(opts, [[], ...series.map(() => [])] as uPlot.AlignedData, el);
  fitChart(chart, el);
  // Once more after layout: the legend's height (how it wraps) is known only then.
  requestAnimationFrame(() => {
    if (chart.root.isConnected) fitChart(chart, el);
  });
  return chart;
}

/** Sizes the plot so title + plot + legend fill the container exactly. */
function fitChart(chart: uPlot, el: HTMLElement): void {
  const box = el.getBoundingClientRect();
  const chrome = chart.root.getBoundingClientRect().height - chart.height;
  chart.setSize({ width: Math.max(200, box.width), height: Math.max(100, box.height - chrome - 2) });
}

export function Trends({
  client,
  alarms,
  ecmo = false,
}: {
  client: SimClient;
  alarms?: AlarmController;
  ecmo?: boolean;
}) {
  const recentRef = useRef<HTMLDivElement>(null);
  const caseRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const SHOWN = ecmo ? ECMO_SERIES : SERIES;
    const markers: Marker[] = [];
    const cols: number[][] = [[], ...SHOWN.map(() => [])];
    let idx: number[] = [];
    const recent = makeChart(recentRef.current!, "Last 10 minutes", markers, SHOWN);
    const whole = makeChart(caseRef.current!, "Whole case", markers, SHOWN);
    let dirty = false;
    let lastDraw = 0;
    let alarmLogSeen = 0;
    const onFrame = (f: FrameMessage) => {
      if (idx.length === 0) idx = SHOWN.map((s) => client.indexOf(s.signal));
      const width = client.signals.length + 1;
      for (let r = 0; r < f.trendRows; r++) {
        const base = r * width;
        cols[0]!.push(f.trend[base]!);
        SHOWN.forEach((s, k) => {
          const i = idx[k]!;
          cols[k + 1]!.push(i >= 0 ? f.trend[base + 1 + i]! * s.scale : Number.NaN);
        });
        dirty = true;
      }
      for (const e of f.events) {
        if (e.kind === "action" || e.kind === "scenario" || e.kind === "lab-drawn") {
          markers.push({ tS: e.tS, text: e.text });
          dirty = true;
        }
      }
      const log = alarms?.manager.log ?? [];
      for (; alarmLogSeen < log.length; alarmLogSeen++) {
        const e = log[alarmLogSeen]!;
        if (e.kind === "start") {
          markers.push({ tS: e.tS, text: `▲ ${e.text}`, colour: PRIORITY_COLOURS[e.priority ?? "low"] });
          dirty = true;
        }
      }
      const now = performance.now();
      if (dirty && now - lastDraw > REDRAW_MS) {
        lastDraw = now;
        dirty = false;
        redraw();
      }
    };
    const redraw = () => {
      const t = cols[0]!;
      const n = t.length;
      if (n === 0) return;
      markers.sort((a, b) => a.tS - b.tS);
      const end = t[n - 1]!;
      let start = n - 1;
      while (start > 0 && t[start - 1]! >= end - RECENT_S) start--;
      recent.setData(cols.map((c) => c.slice(start)) as uPlot.AlignedData, false);
      recent.setScale("x", { min: Math.max(0, end - RECENT_S), max: Math.max(end, 60) });
      const step = Math.max(1, Math.ceil(n / CASE_POINTS));
      const thin = step === 1 ? cols : cols.map((c) => c.filter((_v, i) => i % step === 0 || i === n - 1));
      whole.setData(thin as uPlot.AlignedData, false);
      whole.setScale("x", { min: 0, max: Math.max(end, 60) });
    };
    const off = client.onFrame(onFrame);
    const resize = () => {
      for (const [chart, el] of [
        [recent, recentRef.current],
        [whole, caseRef.current],
      ] as const) {
        if (el) fitChart(chart, el);
      }
    };
    window.addEventListener("resize", resize);
    return () => {
      off();
      window.removeEventListener("resize", resize);
      recent.destroy();
      whole.destroy();
    };
  }, [client, alarms, ecmo]);

  return (
    <section class="trends" aria-label="Trends">
      <div class="trend" ref={recentRef} data-testid="trend-recent" />
      <div class="trend" ref={caseRef} data-testid="trend-case" />
    </section>
  );
}
