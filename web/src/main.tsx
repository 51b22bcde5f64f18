/** The Perfuse console app: start screen, then the console driven by the simulation worker. */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ConsoleScreen } from "./Console.tsx";
import { SimClient } from "./client.ts";
import { type StartChoice, StartScreen } from "./Start.tsx";
import "./styles.css";

function App() {
  const [session, setSession] = useState<{ client: SimClient; choice: StartChoice } | null>(null);
  const [fatal, setFatal] = useState("");
  useEffect(() => {
    if (!session) return;
    const off = session.client.onFatal(setFatal);
    return () => {
      off();
      session.client.terminate();
    };
  }, [session]);
  if (!session) {
    return (
      <StartScreen
        onStart={(choice) => {
          const client = new SimClient();
          // Test hook: the browser tests read the simulated time and values from here.
          (window as unknown as { __perfuse?: SimClient }).__perfuse = client;
          client.start({
            patient: choice.patient,
            seed: choice.seed,
            actions: choice.actions,
            name: choice.name,
            ...(choice.circuit === undefined ? {} : { circuit: choice.circuit }),
          });
          setFatal("");
          setSession({ client, choice });
        }}
      />
    );
  }
  return (
    <>
      {fatal ? (
        <p class="error" role="alert">
          The simulation stopped: {fatal}
        </p>
      ) : null}
      <ConsoleScreen client={session.client} choice={session.choice} onExit={() => setSession(null)} />
    </>
  );
}

render(<App />, document.getElementById("app")!);
