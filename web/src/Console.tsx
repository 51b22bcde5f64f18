/**
 * The console: header (patient, clock, speed, disclaimer), alarm bar, patient monitor, heart–lung
 * machine modules, trends, and a tabbed side panel for interventions, labs and logs.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { bsa } from "../../src/calc/bsa.ts";
import { ecmoConfiguration, RPM_STEP } from "../../src/console/ecmo.ts";
import { describePatient, formatClock } from "../../src/console/session.ts";
import { planCircuit } from "../../src/sim/index.ts";
import { AlarmBar, AlarmLog } from "./alarms/AlarmBar.tsx";
import { AlarmSettings } from "./alarms/AlarmSettings.tsx";
import { AlarmController } from "./alarms/controller.ts";
import { CircuitView } from "./circuit/CircuitView.tsx";
import type { SimClient } from "./client.ts";
import { EventLog } from "./controls/EventLog.tsx";
import { Defibrillator, Drugs, Fluids, Instructor, Ventilator } from "./controls/Interventions.tsx";
import { Labs } from "./controls/Labs.tsx";
import { Running } from "./controls/Running.tsx";
import { useTick } from "./controls/useTick.ts";
import { Disclaimer } from "./Disclaimer.tsx";
import { EcmoConsole, stepPump } from "./ecmo/EcmoConsole.tsx";
import { HlmConsole, useTracker } from "./hlm/HlmConsole.tsx";
import { Monitor } from "./monitor/Monitor.tsx";
import { Trends } from "./monitor/Trends.tsx";
import type { StartChoice } from "./Start.tsx";
import { installShortcuts, SHORTCUTS } from "./shortcuts.ts";
import type { Speed } from "./worker/protocol.ts";

const TABS = [
  { id: "drugs", label: "Drugs & fluids", key: "D" },
  { id: "labs", label: "Labs", key: "L" },
  { id: "resus", label: "Ventilator & defib", key: "V" },
  { id: "alarms", label: "Alarms", key: "K" },
  { id: "events", label: "Events", key: "E" },
] as const;
type Tab = (typeof TABS)[number]["id"];

export function ConsoleScreen({
  client,
  choice,
  onExit,
}: {
  client: SimClient;
  choice: StartChoice;
  onExit: () => void;
}) {
  const plan = useMemo(() => (choice.circuit === undefined ? null : planCircuit(choice.circuit)), [choice]);
  /** VA / VV for a closed circuit (the ECMO console), null for CPB or no circuit. */
  const ecmo = useMemo(() => ecmoConfiguration(plan), [plan]);
  const alarms = useMemo(() => new AlarmController(client, choice.patient.ageYears, ecmo), [client]);
  const [tab, setTab] = useState<Tab>("drugs");
  const [help, setHelp] = useState(false);
  /** The circuit view, shown over the trends (which keep running underneath). */
  const [circuitOpen, setCircuitOpen] = useState(false);
  const tracker = useTracker(client, plan);
  useEffect(() => () => alarms.dispose(), [alarms]);
  useEffect(
    () =>
      installShortcuts({
        togglePause: () => client.togglePause(),
        speed: (s) => client.setSpeed(s),
        nextEvent: () => client.setSpeed("next-event"),
        acknowledge: () => alarms.acknowledge(),
        silence: () => alarms.silence(),
        bloodGas: () => client.drawLab("bloodGas"),
        act: () => client.drawLab("act"),
        tab: (k) => {
          const t = TABS.find((x) => x.key === k);
          if (t) setTab(t.id);
        },
        help: () => setHelp((h) => !h),
        ...(ecmo !== null && plan !== null
          ? { pumpSpeed: (up: boolean) => stepPump(client, plan, up ? RPM_STEP : -RPM_STEP) }
          : {}),
      }),
    [client, alarms],
  );
  const w = choice.patient.weightKg;
  // Flow index per m² (Mosteller, the calculators' default).
  const bsaM2 = useMemo(
    () => Number(bsa({ weightKg: choice.patient.weightKg, heightCm: choice.patient.heightCm }).value),
    [choice],
  );
  return (
    <div class="console">
      <header class="topbar">
        <div class="brand">
          <strong>Perfuse</strong>
          <span class="case-title" title={choice.description}>
            {choice.title}
          </span>
          <span class="patient">{describePatient(choice.patient)}</span>
        </div>
        <Clock client={client} />
        <div class="top-actions">
          {plan !== null ? (
            <button
              type="button"
              class={`btn ${circuitOpen ? "on" : ""}`}
              aria-pressed={circuitOpen}
              onClick={() => setCircuitOpen((o) => !o)}
              title="Live diagram of the circuit (shown over the trends)"
              data-testid="circuit-toggle"
            >
              Circuit view
            </button>
          ) : null}
          <button type="button" class="btn" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
            ? Keys
          </button>
          <button type="button" class="btn" onClick={onExit}>
            End case
          </button>
        </div>
        <Disclaimer compact />
      </header>
      <AlarmBar ctrl={alarms} />
      <div class="layout">
        <Monitor client={client} weightKg={w} ecmo={ecmo !== null} />
        {ecmo !== null && plan !== null ? (
          <EcmoConsole client={client} plan={plan} config={ecmo} bsaM2={bsaM2} tracker={tracker} />
        ) : (
          <HlmConsole client={client} plan={plan} bsaM2={bsaM2} tracker={tracker} />
        )}
        <Trends client={client} alarms={alarms} ecmo={ecmo !== null} />
        {circuitOpen && plan !== null ? (
          <CircuitView client={client} plan={plan} tracker={tracker} onClose={() => setCircuitOpen(false)} />
        ) : null}
        <aside class="side" aria-label="Interventions and logs">
          <div class="tabs" role="tablist">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                class={`tab ${tab === t.id ? "on" : ""}`}
                onClick={() => setTab(t.id)}
                data-testid={`tab-${t.id}`}
              >
                {t.label} <kbd>{t.key}</kbd>
              </button>
            ))}
          </div>
          <div class="tab-panel" role="tabpanel">
            <Running client={client} />
            {tab === "drugs" ? (
              <>
                <h3>Drugs</h3>
                <Drugs client={client} />
                <h3>Fluids and blood products</h3>
                <Fluids client={client} />
              </>
            ) : null}
            {tab === "labs" ? <Labs client={client} /> : null}
            {tab === "resus" ? (
              <>
                <h3>Defibrillator</h3>
                <Defibrillator client={client} weightKg={w} />
                <h3>Ventilator</h3>
                <Ventilator client={client} weightKg={w} />
                <h3>Instructor (practice)</h3>
                <Instructor client={client} />
              </>
            ) : null}
            {tab === "alarms" ? (
              <>
                <h3>Alarm log</h3>
                <AlarmLog ctrl={alarms} />
                <h3>Limits and silence</h3>
                <AlarmSettings ctrl={alarms} />
              </>
            ) : null}
            {tab === "events" ? <EventLog client={client} /> : null}
          </div>
        </aside>
      </div>
      {help ? <Help onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

const SPEED_BUTTONS: { s: Speed | "next-event"; label: string; key: string }[] = [
  { s: 0, label: "❚❚ Pause", key: "Space" },
  { s: 1, label: "1×", key: "1" },
  { s: 2, label: "2×", key: "2" },
  { s: 5, label: "5×", key: "5" },
  { s: "next-event", label: "Next event »", key: "N" },
];

function Clock({ client }: { client: SimClient }) {
  useTick(client, 250);
  const next = client.nextEventS;
  return (
    <div class="clock">
      <span class="time" data-testid="sim-time" role="timer" aria-label="Simulated time">
        {formatClock(client.timeS)}
      </span>
      <fieldset class="seg" aria-label="Simulation speed">
        {SPEED_BUTTONS.map((b) => (
          <button
            key={String(b.s)}
            type="button"
            class={`btn ${client.speed === b.s ? "on" : ""}`}
            aria-pressed={client.speed === b.s}
            title={`${b.label} (${b.key})`}
            data-testid={`speed-${b.s}`}
            disabled={b.s === "next-event" && next === null}
            onClick={() =>
              b.s === 0 && client.speed === 0 ? client.setSpeed(client.lastSpeed) : client.setSpeed(b.s)
            }
          >
            {b.label}
          </button>
        ))}
      </fieldset>
      <span class="rtf" data-testid="rtf" title="Simulated seconds per second">
        {client.speed === 0 ? "paused" : `${client.realTimeFactor.toFixed(1)}× real time`}
        {next !== null ? ` · next event ${formatClock(next)}` : ""}
      </span>
    </div>
  );
}

function Help({ onClose }: { onClose: () => void }) {
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div class="dialog">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table class="help-keys">
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <td class="help-cell">
                  <kbd>{k}</kbd>
                </td>
                <td class="help-cell">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="btn primary" onClick={onClose}>
          Close (Esc)
        </button>
      </div>
    </div>
  );
}
