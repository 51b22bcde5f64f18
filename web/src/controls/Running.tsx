/**
 * What is running now, from the event log: infusions with their rates, fluids, bleeding (instructor),
 * the ventilator; and any action the engine refused in the last 30 s of simulated time.
 */
import { DRUG_UNITS, describeAction, formatClock } from "../../../src/console/session.ts";
import type { SimClient } from "../client.ts";
import { useTick } from "./useTick.ts";

export function Running({ client }: { client: SimClient }) {
  useTick(client, 500);
  const infusions = new Map<string, number>();
  let vent = "";
  const refused: { tS: number; text: string }[] = [];
  for (const e of client.events) {
    const a = e.action as Record<string, unknown> | undefined;
    if (e.kind === "refused") refused.push({ tS: e.tS, text: e.text });
    if (!a || (e.kind !== "action" && e.kind !== "scenario")) continue;
    if (a.type === "drug.infusion") infusions.set(String(a.drug), Number(a.ratePerMin));
    if (a.type === "ventilator.set") vent = describeAction(e.action!);
  }
  const running = [...infusions].filter(([, r]) => r > 0);
  const recent = refused.filter((r) => client.timeS - r.tS < 30);
  return (
    <div class="running" data-testid="running">
      {recent.map((r) => (
        <p class="error" role="alert" key={`${r.tS}-${r.text}`}>
          {formatClock(r.tS)} refused: {r.text}
        </p>
      ))}
      {running.length > 0 ? (
        <p>Infusions: {running.map(([d, r]) => `${d} ${r} ${DRUG_UNITS[d] ?? ""}/min`).join(" · ")}</p>
      ) : null}
      {vent ? <p>{vent}</p> : null}
    </div>
  );
}
