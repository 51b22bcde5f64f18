/** Lab draws with a realistic turnaround (src/console/labs.ts), pending samples, and results. */
import { LAB_PANELS, type LabResult } from "../../../src/console/labs.ts";
import { formatClock } from "../../../src/console/session.ts";
import type { SimClient } from "../client.ts";
import { useTick } from "./useTick.ts";

export function Labs({ client }: { client: SimClient }) {
  useTick(client, 500);
  const drawn: LabResult[] = [];
  const results: LabResult[] = [];
  for (const e of client.events) {
    if (e.kind === "lab-drawn" && e.lab) drawn.push(e.lab);
    if (e.kind === "lab-result" && e.lab) results.push(e.lab);
  }
  const done = new Set(results.map((r) => r.id));
  const pending = drawn.filter((d) => !done.has(d.id));
  return (
    <div class="panel-body labs">
      <div class="row">
        {LAB_PANELS.map((p) => (
          <button
            key={p.name}
            type="button"
            class="btn"
            data-testid={`lab-${p.name}`}
            onClick={() => client.drawLab(p.name)}
          >
            Draw {p.label}
            {p.name === "bloodGas" ? <kbd>G</kbd> : p.name === "act" ? <kbd>T</kbd> : null}
          </button>
        ))}
      </div>
      {pending.length > 0 ? (
        <ul class="pending" data-testid="lab-pending">
          {pending.map((p) => (
            <li key={p.id}>
              {p.label} drawn {formatClock(p.drawnAtS)} — result in {formatClock(p.resultAtS - client.timeS)}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="results" data-testid="lab-results">
        {results.length === 0 ? (
          <p class="muted">
            No results yet. Turnaround: blood gas 2 min, Hb 1 min, ACT its clotting time + 30 s.
          </p>
        ) : null}
        {results
          .slice()
          .reverse()
          .slice(0, 8)
          .map((r) => (
            <div class="result" key={r.id}>
              <div class="result-head">
                {r.label} — drawn {formatClock(r.drawnAtS)}, resulted {formatClock(r.resultAtS)}
              </div>
              <dl>
                {r.values.map((v) => (
                  <div key={v.label} class={v.value === null ? "muted" : ""}>
                    <dt>{v.label}</dt>
                    <dd>
                      {v.text} {v.value === null ? "" : v.unit}
                      {v.altText ? ` (${v.altText})` : ""}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
      </div>
    </div>
  );
}
