/** Alarm limits and the silence length, each field refused outside its range (src/console/alarms.ts). */
import { LIMIT_RANGES, SILENCE_RANGE } from "../../../src/console/alarms.ts";
import { NumberField } from "../controls/NumberField.tsx";
import { type FieldDef, useFields } from "../controls/useFields.ts";
import type { AlarmController } from "./controller.ts";

export function AlarmSettings({ ctrl }: { ctrl: AlarmController }) {
  const defs = ctrl.manager.defs;
  const fieldDefs: Record<string, FieldDef> = {
    silence: { range: SILENCE_RANGE, initial: String(ctrl.silenceS) },
  };
  for (const d of defs) {
    const r = LIMIT_RANGES[d.signal];
    if (!r) continue;
    const v = d.low ?? d.high;
    if (v !== undefined) fieldDefs[d.id] = { range: r, initial: String(v) };
  }
  const f = useFields(fieldDefs);
  return (
    <div class="panel-body alarm-settings">
      <div class="row">
        <NumberField label="Silence length" testId="silence-length" {...f.bind("silence")} />
        <button
          type="button"
          class="btn"
          onClick={() => {
            const v = f.values(["silence"]);
            if (v?.silence !== undefined) ctrl.setSilenceS(v.silence);
          }}
        >
          Set
        </button>
      </div>
      {defs
        .filter((d) => fieldDefs[d.id])
        .map((d) => (
          <div class="row" key={d.id}>
            <NumberField
              label={`${d.label} (${d.priority}) ${d.low !== undefined ? "below" : "above"}`}
              testId={`limit-${d.id}`}
              {...f.bind(d.id)}
            />
            <button
              type="button"
              class="btn"
              data-testid={`limit-${d.id}-set`}
              onClick={() => {
                const v = f.values([d.id]);
                const x = v?.[d.id];
                if (x === undefined) return;
                if (d.low !== undefined) ctrl.setLimits(d.id, x, d.high);
                else ctrl.setLimits(d.id, d.low, x);
              }}
            >
              Set
            </button>
          </div>
        ))}
    </div>
  );
}
