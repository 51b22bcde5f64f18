/**
 * A sweeping waveform trace on a canvas, like a bedside monitor: the trace is written left to right
 * at the simulated time, and a gap just ahead of the cursor erases the previous sweep. Samples arrive
 * in blocks from the worker (every 4 ms of simulated time); each animation frame draws only the new
 * samples, so the cost per frame is proportional to what changed, not to the width.
 */
export interface SweepOptions {
  colour: string;
  /** Vertical scale (value at the bottom and top of the trace). */
  min: number;
  max: number;
  /** Seconds of simulated time across the canvas. */
  sweepS: number;
}

const CAPACITY = 16384;
const GAP_PX = 14;

export class SweepTrace {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly t = new Float64Array(CAPACITY);
  private readonly v = new Float32Array(CAPACITY);
  private head = 0;
  private count = 0;
  private lastX = Number.NaN;
  private lastY = Number.NaN;
  private lastT = Number.NaN;
  private width = 0;
  private height = 0;
  private dpr = 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    public opts: SweepOptions,
  ) {
    const ctx = canvas.getContext("2d", { alpha: false });
    if (!ctx) throw new Error("no 2D canvas");
    this.ctx = ctx;
    this.resize();
  }

  /** Matches the canvas bitmap to its CSS size × devicePixelRatio and clears it. */
  resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    this.dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.max(1, Math.round(rect.width * this.dpr));
    const h = Math.max(1, Math.round(rect.height * this.dpr));
    if (w === this.canvas.width && h === this.canvas.height && this.width > 0) return;
    this.canvas.width = w;
    this.canvas.height = h;
    this.width = w;
    this.height = h;
    this.ctx.fillStyle = "#000";
    this.ctx.fillRect(0, 0, w, h);
    this.lastX = Number.NaN;
  }

  /** Queues samples (values[offset … offset+n−1] at t0, t0+dt, …) for the next draw. */
  push(values: Float32Array, offset: number, n: number, t0: number, dt: number): void {
    for (let i = 0; i < n; i++) {
      const k = (this.head + this.count) % CAPACITY;
      this.t[k] = t0 + i * dt;
      this.v[k] = values[offset + i]!;
      if (this.count < CAPACITY) this.count++;
      else this.head = (this.head + 1) % CAPACITY;
    }
  }

  draw(): void {
    if (this.count === 0) return;
    const ctx = this.ctx;
    const { min, max, sweepS, colour } = this.opts;
    const w = this.width;
    const h = this.height;
    const pad = 3 * this.dpr;
    const span = max - min;
    ctx.lineWidth = 1.6 * this.dpr;
    ctx.strokeStyle = colour;
    ctx.lineJoin = "round";
    ctx.beginPath();
    let x0 = this.lastX;
    let y0 = this.lastY;
    for (let j = 0; j < this.count; j++) {
      const k = (this.head + j) % CAPACITY;
      const t = this.t[k]!;
      const frac = (t % sweepS) / sweepS;
      const x = frac * w;
      const val = this.v[k]!;
      const clamped = Math.max(min, Math.min(max, val));
      const y = h - pad - ((clamped - min) / span) * (h - 2 * pad);
      const jump = !(t - this.lastT < 0.5) || !(x >= x0);
      if (jump || Number.isNaN(x0)) {
        // New sweep or a gap in time: erase ahead and start a new path segment.
        ctx.stroke();
        ctx.fillStyle = "#000";
        ctx.fillRect(x, 0, Math.min(GAP_PX * this.dpr, w - x), h);
        ctx.beginPath();
        ctx.moveTo(x, y);
      } else {
        ctx.fillStyle = "#000";
        ctx.fillRect(x0 + 1, 0, Math.min(x - x0 + GAP_PX * this.dpr, w - x0), h);
        ctx.moveTo(x0, y0);
        ctx.lineTo(x, y);
      }
      x0 = x;
      y0 = y;
      this.lastT = t;
    }
    ctx.stroke();
    this.lastX = x0;
    this.lastY = y0;
    this.head = (this.head + this.count) % CAPACITY;
    this.count = 0;
  }
}
