/**
 * The patient monitor: ECG, arterial, pulmonary artery, central venous and pleth waveforms at the simulation's
 * resolution (a sample every 4 ms of simulated time), and the numbers beside them. Components render
 * once; frames update canvases and text nodes directly.
 */
import { useEffect, useRef } from "preact/hooks";
import type { SimClient } from "../client.ts";
import { COLOURS, formatValue } from "../display.ts";
import { endFrame } from "../perf.ts";
import type { FrameMessage } from "../worker/protocol.ts";
import { SweepTrace } from "./sweep.ts";

interface Channel {
  key: string;
  label: string;
  colour: string;
  min: number;
  max: number;
  unit: string;
}

/** Pressure scales by size (neonatal arterial pressure is about half the adult's). */
export function channelsFor(weightKg: number): Channel[] {
  const small = weightKg < 15;
  return [
    { key: "ecg", label: "II", colour: COLOURS.ecg, min: -0.6, max: 1.4, unit: "mV" },
    { key: "patient.aop", label: "ART", colour: COLOURS.art, min: 0, max: small ? 100 : 160, unit: "mmHg" },
    { key: "patient.papWave", label: "PA", colour: COLOURS.pap, min: 0, max: small ? 50 : 40, unit: "mmHg" },
    { key: "patient.cvpWave", label: "CVP", colour: COLOURS.cvp, min: 0, max: 20, unit: "mmHg" },
    { key: "pleth", label: "Pleth", colour: COLOURS.spo2, min: -0.1, max: 1.2, unit: "(relative)" },
  ];
}

const SWEEP_S = 6;
/** Numbers refresh at 4 Hz so they are readable (monitors update numerics about once per second). */
const NUMERIC_MS = 250;

interface Props {
  client: SimClient;
  weightKg: number;
  /**
   * ECMO case: SpO₂ at the right radial (arch vessels: what the heart ejects) and femoral (lower body: on
   * peripheral VA, where the circuit's blood goes first) instead of one SpO₂: differential hypoxaemia.
   */
  ecmo?: boolean;
}

export function Monitor({ client, weightKg, ecmo = false }: Props) {
  const channels = channelsFor(weightKg);
  const canvasRefs = useRef<(HTMLCanvasElement | null)[]>([]);
  const numRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const traces = channels.map((c, i) => {
      const canvas = canvasRefs.current[i];
      return canvas
        ? new SweepTrace(canvas, { colour: c.colour, min: c.min, max: c.max, sweepS: SWEEP_S })
        : null;
    });
    let channelIndex: number[] = [];
    let raf = 0;
    let lastNumeric = 0;
    const fields = new Map<string, HTMLElement>();
    numRef.current?.querySelectorAll<HTMLElement>("[data-v]").forEach((el) => {
      fields.set(el.dataset.v!, el);
    });
    const set = (key: string, text: string) => {
      const el = fields.get(key);
      if (el && el.textContent !== text) el.textContent = text;
    };
    const onFrame = (f: FrameMessage) => {
      const wc = client.ready?.waveChannels ?? [];
      if (channelIndex.length === 0) channelIndex = channels.map((c) => wc.indexOf(c.key));
      const n = f.waveCount;
      if (n > 0) {
        traces.forEach((tr, i) => {
          const c = channelIndex[i]!;
          if (tr && c >= 0) tr.push(f.waves, c * n, n, f.waveT0S, client.ready!.waveDtS);
        });
      }
    };
    const loop = (now: number) => {
      const t0 = performance.now();
      for (const tr of traces) tr?.draw();
      if (now - lastNumeric > NUMERIC_MS) {
        lastNumeric = now;
        const r = (s: string) => client.read(s);
        set("hr", formatValue(r("patient.hr"), 0));
        set("rhythm", rhythmLabel(client.rhythm));
        set("sys", formatValue(r("patient.sbp"), 0));
        set("dia", formatValue(r("patient.dbp"), 0));
        set("map", formatValue(r("patient.map"), 0));
        set("cvp", formatValue(r("patient.cvp"), 0));
        set("pap", formatValue(r("patient.papMean"), 0));
        set("spo2", formatValue(r("patient.sao2"), 0, 100));
        set("spo2rr", formatValue(r("patient.sao2RightRadial"), 0, 100));
        set("spo2fem", formatValue(r("patient.sao2Femoral"), 0, 100));
        set("etco2", formatValue(r("patient.etco2"), 0));
        set("tcore", formatValue(r("patient.tempCore"), 1));
        set("tper", formatValue(r("patient.tempPeriphery"), 1));
        set("co", formatValue(r("patient.co"), 1));
        set("svo2", formatValue(r("patient.svo2"), 0, 100));
      }
      endFrame(performance.now() - t0);
      raf = requestAnimationFrame(loop);
    };
    const off = client.onFrame(onFrame);
    raf = requestAnimationFrame(loop);
    const onResize = () => {
      for (const tr of traces) tr?.resize();
    };
    window.addEventListener("resize", onResize);
    return () => {
      off();
      cancelAnimationFrame(raf);
      window.removeEventListener("resize", onResize);
    };
  }, [client]);

  return (
    <section class="monitor" aria-label="Patient monitor">
      <div class="waves">
        {channels.map((c, i) => (
          <div class="wave" key={c.key}>
            <span class="wave-label" style={{ color: c.colour }}>
              {c.label}
              <small>
                {c.max} / {c.min} {c.unit}
              </small>
            </span>
            <canvas
              ref={(el) => {
                canvasRefs.current[i] = el;
              }}
              role="img"
              aria-label={`${c.label} waveform`}
            />
          </div>
        ))}
      </div>
      <div class="numerics" ref={numRef}>
        <Num
          label="HR"
          unit="/min"
          colour={COLOURS.ecg}
          k="hr"
          extra={<span class="rhythm" data-v="rhythm" />}
        />
        <div class="num" style={{ color: COLOURS.art }}>
          <span class="num-label">ART</span>
          <span class="num-value" data-testid="abp">
            <span data-v="sys">—</span>/<span data-v="dia">—</span>
          </span>
          <span class="num-sub">
            (<span data-v="map">—</span>) mmHg
          </span>
        </div>
        <Num label="PAP mean" unit="mmHg" colour={COLOURS.pap} k="pap" />
        <Num label="CVP" unit="mmHg" colour={COLOURS.cvp} k="cvp" />
        {ecmo ? (
          <>
            <Num label="SpO₂ R radial" unit="%" colour={COLOURS.spo2} k="spo2rr" />
            <Num label="SpO₂ femoral" unit="%" colour={COLOURS.spo2} k="spo2fem" />
          </>
        ) : (
          <Num label="SpO₂" unit="%" colour={COLOURS.spo2} k="spo2" />
        )}
        <Num label="EtCO₂" unit="mmHg" colour={COLOURS.co2} k="etco2" />
        <Num label="T core" unit="°C" colour={COLOURS.temp} k="tcore" />
        <Num label="T periph" unit="°C" colour={COLOURS.temp} k="tper" />
        <Num label="CO" unit="L/min" colour={COLOURS.misc} k="co" />
        <Num label="SvO₂ (PA)" unit="%" colour={COLOURS.misc} k="svo2" />
      </div>
    </section>
  );
}

function Num(props: {
  label: string;
  unit: string;
  colour: string;
  k: string;
  extra?: preact.ComponentChildren;
}) {
  return (
    <div class="num" style={{ color: props.colour }}>
      <span class="num-label">{props.label}</span>
      <span class="num-value" data-v={props.k} data-testid={props.k}>
        —
      </span>
      <span class="num-sub">
        {props.unit} {props.extra}
      </span>
    </div>
  );
}

function rhythmLabel(r: string): string {
  return r === "vf" ? "VF" : r === "asystole" ? "Asystole" : "Sinus";
}
