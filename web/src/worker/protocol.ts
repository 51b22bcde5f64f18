/**
 * Messages between the console (main thread) and the simulation worker. One file so both sides agree.
 *
 * main → worker: `start` (patient, scenario actions, seed), `action` (a console action, stamped with
 * the current simulated time by the worker), `lab` (draw a sample), `speed` (0 pause, 1, 2, 5, or
 * "next-event": fast-forward to the next scenario action or lab result, then resume the previous speed).
 * worker → main: `ready` (signal registry and waveform layout), then `frame` at display rate (~30 Hz)
 * with the latest value of every signal, waveform samples at the simulation's resolution, trend rows,
 * events and timing; `fatal` when the session cannot start.
 */

import type { LabPanelName } from "../../../src/console/labs.ts";
import type { Speed } from "../../../src/console/pacer.ts";
import type { SessionEvent, SessionStart } from "../../../src/console/session.ts";
import type { Action, SignalSpec } from "../../../src/sim/index.ts";

export type { Speed };
export const SPEEDS: readonly Speed[] = [0, 1, 2, 5];

export type MainToWorker =
  | ({ type: "start" } & SessionStart)
  | { type: "action"; action: Omit<Action, "t"> }
  | { type: "lab"; panel: LabPanelName }
  | { type: "speed"; speed: Speed | "next-event" };

export interface ReadyMessage {
  type: "ready";
  signals: SignalSpec[];
  waveChannels: string[];
  waveDtS: number;
  trendDtS: number;
}

export interface FrameMessage {
  type: "frame";
  timeS: number;
  /** Latest value of every signal, indexed like `ready.signals` (transferred). */
  values: Float64Array;
  /** Waveform samples since the last frame, channel-major (transferred). */
  waves: Float32Array;
  waveCount: number;
  waveT0S: number;
  /** Trend rows [t, v0 … vN-1] (transferred). */
  trend: Float64Array;
  trendRows: number;
  events: SessionEvent[];
  rhythm: string;
  /** Current speed; "next-event" while fast-forwarding. */
  speed: Speed | "next-event";
  /** Simulated seconds per wall-clock second over the last ~2 s. */
  realTimeFactor: number;
  /** Simulated seconds dropped because the tab could not keep up (cumulative). */
  droppedS: number;
  nextEventS: number | null;
}

export interface FatalMessage {
  type: "fatal";
  message: string;
  problems?: { field: string; allowed: string; received?: string }[];
}

export type WorkerToMain = ReadyMessage | FrameMessage | FatalMessage;
