/** The chronological log of actions, scenario events, lab draws/results and refusals. */
import { formatClock } from "../../../src/console/session.ts";
import type { SimClient } from "../client.ts";
import { useTick } from "./useTick.ts";

export function EventLog({ client }: { client: SimClient }) {
  useTick(client, 500);
  const ev = client.events;
  return (
    <div class="log" data-testid="event-log">
      <table>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Kind</th>
            <th scope="col">Event</th>
          </tr>
        </thead>
        <tbody>
          {ev
            .slice(-300)
            .reverse()
            .map((e, i) => (
              <tr key={ev.length - i} class={e.kind === "refused" ? "refused" : ""}>
                <td>{formatClock(e.tS)}</td>
                <td>{e.kind}</td>
                <td>{e.text}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
