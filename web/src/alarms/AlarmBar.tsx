/** The alarm bar: active alarms by priority with colour, acknowledge and silence buttons. */
import { useEffect, useState } from "preact/hooks";
import { formatClock } from "../../../src/console/session.ts";
import type { AlarmController } from "./controller.ts";

const PRIORITY_TEXT = { high: "!!!", medium: "!!", low: "!" } as const;

export function useAlarmVersion(ctrl: AlarmController): number {
  const [v, setV] = useState(0);
  useEffect(() => ctrl.subscribe(() => setV((x) => x + 1)), [ctrl]);
  return v;
}

export function AlarmBar({ ctrl }: { ctrl: AlarmController }) {
  useAlarmVersion(ctrl);
  const active = ctrl.manager.active();
  const silenced = Math.ceil(ctrl.manager.silenceRemainingS());
  return (
    <section class="alarm-bar" aria-label="Alarms" aria-live="assertive" data-testid="alarm-bar">
      <ul class="alarm-list">
        {active.length === 0 ? <li class="alarm none">No active alarms</li> : null}
        {active.map((a) => (
          <li
            key={a.id}
            class={`alarm ${a.priority} ${a.acknowledged ? "acked" : ""} ${a.status}`}
            data-testid={`alarm-${a.id}`}
          >
            <span class="alarm-prio" title={`${a.priority} priority`}>
              {PRIORITY_TEXT[a.priority]}
              <span class="sr-only"> {a.priority} priority: </span>
            </span>
            <span class="alarm-text">{a.message}</span>
            <span class="alarm-since">{formatClock(a.sinceS)}</span>
            {a.status === "latched" ? <span class="alarm-tag">latched</span> : null}
            {a.acknowledged ? <span class="alarm-tag">ack</span> : null}
          </li>
        ))}
      </ul>
      <div class="alarm-buttons">
        <button
          type="button"
          class="btn"
          onClick={() => ctrl.acknowledge()}
          title="Acknowledge all alarms (A)"
        >
          Acknowledge <kbd>A</kbd>
        </button>
        <button
          type="button"
          class={`btn ${silenced > 0 ? "on" : ""}`}
          onClick={() => ctrl.silence()}
          title={`Pause alarm sound for ${formatClock(ctrl.silenceS)} (S)`}
          data-testid="silence"
        >
          {silenced > 0 ? `Silenced ${formatClock(silenced)}` : `Silence ${formatClock(ctrl.silenceS)}`}{" "}
          <kbd>S</kbd>
        </button>
      </div>
    </section>
  );
}

export function AlarmLog({ ctrl }: { ctrl: AlarmController }) {
  useAlarmVersion(ctrl);
  const log = ctrl.manager.log;
  return (
    <div class="log" data-testid="alarm-log">
      <table>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Priority</th>
            <th scope="col">Event</th>
          </tr>
        </thead>
        <tbody>
          {log
            .slice(-300)
            .reverse()
            .map((e, i) => (
              <tr key={log.length - i} class={e.priority ?? ""}>
                <td>{formatClock(e.tS)}</td>
                <td>{e.priority ?? ""}</td>
                <td>
                  {e.kind === "start" ? "▲ " : e.kind === "end" ? "▽ " : ""}
                  {e.text}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
