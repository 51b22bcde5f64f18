/**
 * The console's link to the simulation worker. Frames go to subscribers that update the DOM and the
 * canvases directly (no component re-render per frame); low-rate state (time, speed, events) is
 * also kept here for components that re-render on their own schedule.
 */

import type { LabPanelName } from "../../src/console/labs.ts";
import type { SessionEvent, SessionStart } from "../../src/console/session.ts";
import type { Action, SignalSpec } from "../../src/sim/index.ts";
import { addWork } from "./perf.ts";
import type { FrameMessage, MainToWorker, ReadyMessage, Speed, WorkerToMain } from "./worker/protocol.ts";

export type FrameListener = (f: FrameMessage) => void;

export class SimClient {
  private readonly worker: Worker;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly readyListeners = new Set<(r: ReadyMessage) => void>();
  private readonly fatalListeners = new Set<(message: string) => void>();
  ready: ReadyMessage | null = null;
  signals: SignalSpec[] = [];
  private readonly index = new Map<string, number>();
  /** Latest value of every signal. */
  values: Float64Array = new Float64Array(0);
  timeS = 0;
  speed: Speed | "next-event" = 1;
  lastSpeed: Speed = 1;
  realTimeFactor = 0;
  rhythm = "sinus";
  nextEventS: number | null = null;
  /** Every event of the session so far (chronological). */
  readonly events: SessionEvent[] = [];

  constructor() {
    this.worker = new Worker(new URL("./worker/simulation.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (ev: MessageEvent<WorkerToMain>) => this.receive(ev.data);
    this.worker.onerror = (ev) => {
      for (const l of this.fatalListeners) l(ev.message || "the simulation worker failed");
    };
  }

  private send(msg: MainToWorker): void {
    this.worker.postMessage(msg);
  }

  private receive(msg: WorkerToMain): void {
    if (msg.type === "ready") {
      this.ready = msg;
      this.signals = msg.signals;
      this.index.clear();
      msg.signals.forEach((s, i) => {
        this.index.set(s.name, i);
      });
      this.values = new Float64Array(msg.signals.length).fill(Number.NaN);
      for (const l of this.readyListeners) l(msg);
    } else if (msg.type === "frame") {
      const t0 = performance.now();
      this.values = msg.values;
      this.timeS = msg.timeS;
      this.speed = msg.speed;
      if (msg.speed !== "next-event" && msg.speed !== 0) this.lastSpeed = msg.speed;
      this.realTimeFactor = msg.realTimeFactor;
      this.rhythm = msg.rhythm;
      this.nextEventS = msg.nextEventS;
      for (const e of msg.events) this.events.push(e);
      for (const l of this.frameListeners) l(msg);
      addWork(performance.now() - t0);
    } else {
      for (const l of this.fatalListeners) l(msg.message);
    }
  }

  start(s: SessionStart): void {
    this.events.length = 0;
    this.send({ type: "start", ...s });
  }

  act(action: Omit<Action, "t">): void {
    this.send({ type: "action", action });
  }

  drawLab(panel: LabPanelName): void {
    this.send({ type: "lab", panel });
  }

  setSpeed(speed: Speed | "next-event"): void {
    this.send({ type: "speed", speed });
  }

  togglePause(): void {
    this.setSpeed(this.speed === 0 ? this.lastSpeed : 0);
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  /** Index of a signal, or -1 if the engine has none by that name. */
  indexOf(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** Latest value by name (NaN when absent). */
  read(name: string): number {
    const i = this.index.get(name);
    return i === undefined ? Number.NaN : (this.values[i] ?? Number.NaN);
  }

  onFrame(l: FrameListener): () => void {
    this.frameListeners.add(l);
    return () => this.frameListeners.delete(l);
  }

  onReady(l: (r: ReadyMessage) => void): () => void {
    this.readyListeners.add(l);
    return () => this.readyListeners.delete(l);
  }

  onFatal(l: (message: string) => void): () => void {
    this.fatalListeners.add(l);
    return () => this.fatalListeners.delete(l);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
