/// <reference lib="webworker" />
/**
 * The simulation worker: runs a SessionCore in real time × speed. Pacing uses performance.now()
 * deltas; the simulated time owed is capped so a throttled or slow tab skips ahead (counted in
 * `droppedS`) instead of spiralling into ever longer catch-up work.
 */
import { InputError } from "../../../src/common/errors.ts";
import { SessionCore, TREND_DT_S, WAVE_CHANNELS, WAVE_DT_S } from "../../../src/console/session.ts";
import type { FrameMessage, MainToWorker, Speed, WorkerToMain } from "./protocol.ts";

const FRAME_MS = 1000 / 30;
/** Longest wall-clock gap paid back in simulated time (s × speed). */
const MAX_CATCH_UP_S = 0.25;
/** Wall-clock budget per tick for fast-forward work (ms). */
const FF_BUDGET_MS = 24;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let core: SessionCore | null = null;
let speed: Speed = 1;
let fastForward = false;
let resumeSpeed: Speed = 1;
let lastWall = 0;
let owedS = 0;
let droppedS = 0;
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
    post({
      type: "ready",
      signals: [...core.sim.signals],
      waveChannels: [...WAVE_CHANNELS],
      waveDtS: WAVE_DT_S,
      trendDtS: TREND_DT_S,
    });
    speed = 1;
    fastForward = false;
    owedS = 0;
    lastWall = performance.now();
    history.length = 0;
    if (timer === undefined) timer = setInterval(tick, FRAME_MS);
    return;
  }
  if (!core) return;
  if (msg.type === "action") core.act(msg.action);
  else if (msg.type === "lab") core.drawLab(msg.panel);
  else if (msg.type === "speed") {
    if (msg.speed === "next-event") {
      if (Number.isFinite(core.nextEventS())) {
        if (!fastForward) resumeSpeed = speed === 0 ? 1 : speed;
        fastForward = true;
      }
    } else {
      fastForward = false;
      speed = msg.speed;
    }
  }
};

function tick(): void {
  if (!core) return;
  const now = performance.now();
  const wallDtS = (now - lastWall) / 1000;
  lastWall = now;
  if (fastForward) {
    const start = now;
    let arrived = false;
    while (!arrived && performance.now() - start < FF_BUDGET_MS) arrived = core.advanceTowardNextEvent(5);
    if (arrived) {
      fastForward = false;
      speed = resumeSpeed;
      owedS = 0;
    }
  } else if (speed > 0) {
    owedS += wallDtS * speed;
    const cap = MAX_CATCH_UP_S * speed;
    if (owedS > cap) {
      droppedS += owedS - cap;
      owedS = cap;
    }
    const n = Math.floor(owedS / WAVE_DT_S + 1e-9);
    if (n > 0) {
      core.advance(n * WAVE_DT_S, true);
      owedS -= n * WAVE_DT_S;
    }
  }
  history.push({ wall: now, sim: core.timeS });
  while (history.length > 2 && now - history[0]!.wall > 2000) history.shift();
  const first = history[0]!;
  const rtf = now > first.wall ? (core.timeS - first.sim) / ((now - first.wall) / 1000) : 0;
  const f = core.takeFrame();
  const next = core.nextEventS();
  const frame: FrameMessage = {
    type: "frame",
    ...f,
    speed: fastForward ? "next-event" : speed,
    realTimeFactor: rtf,
    droppedS,
    nextEventS: Number.isFinite(next) ? next : null,
  };
  post(frame, [f.values.buffer, f.waves.buffer, f.trend.buffer]);
}
