/// <reference lib="webworker" />
/**
 * The simulation worker: runs a SessionCore paced in real time × speed by a Pacer
 * (src/console/pacer.ts) from performance.now() deltas, and posts a frame ~30 times a second.
 */
import { InputError } from "../../../src/common/errors.ts";
import { Pacer } from "../../../src/console/pacer.ts";
import { SessionCore, TREND_DT_S, WAVE_CHANNELS, WAVE_DT_S } from "../../../src/console/session.ts";
import type { FrameMessage, MainToWorker, WorkerToMain } from "./protocol.ts";

const FRAME_MS = 1000 / 30;
/** Wall-clock budget per tick for fast-forward work (ms). */
const FF_BUDGET_MS = 24;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let core: SessionCore | null = null;
let pacer: Pacer | null = null;
let lastWall = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const history: { wall: number; sim: number }[] = [];

function post(msg: WorkerToMain, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

scope.onmessage = (ev: MessageEvent<MainToWorker>) => {
  const msg = ev.data;
  if (msg.type === "start") {
    try {
      core = new SessionCore(msg);
    } catch (e) {
      const problems = e instanceof InputError ? e.problems : undefined;
      post({ type: "fatal", message: e instanceof Error ? e.message : String(e), problems });
      return;
    }
    pacer = new Pacer(core);
    post({
      type: "ready",
      signals: [...core.sim.signals],
      waveChannels: [...WAVE_CHANNELS],
      waveDtS: WAVE_DT_S,
      trendDtS: TREND_DT_S,
    });
    lastWall = performance.now();
    history.length = 0;
    if (timer === undefined) timer = setInterval(tick, FRAME_MS);
    return;
  }
  if (!core || !pacer) return;
  if (msg.type === "action") core.act(msg.action);
  else if (msg.type === "lab") core.drawLab(msg.panel);
  else if (msg.type === "speed") {
    if (msg.speed === "next-event") pacer.startFastForward();
    else pacer.setSpeed(msg.speed);
  }
};

function tick(): void {
  if (!core || !pacer) return;
  const now = performance.now();
  pacer.tick((now - lastWall) / 1000, () => performance.now(), FF_BUDGET_MS);
  lastWall = now;
  history.push({ wall: now, sim: core.timeS });
  while (history.length > 2 && now - history[0]!.wall > 2000) history.shift();
  const first = history[0]!;
  const rtf = now > first.wall ? (core.timeS - first.sim) / ((now - first.wall) / 1000) : 0;
  const f = core.takeFrame();
  const next = core.nextEventS();
  const frame: FrameMessage = {
    type: "frame",
    ...f,
    speed: pacer.fastForward ? "next-event" : pacer.speed,
    realTimeFactor: rtf,
    droppedS: pacer.droppedS,
    nextEventS: Number.isFinite(next) ? next : null,
  };
  post(frame, [f.values.buffer, f.waves.buffer, f.trend.buffer]);
}
