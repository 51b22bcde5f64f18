/** `perfuse serve` (what `npm start` runs): serves the app on PORT (default 8080) until stopped. */
import type { Io } from "../cli/output.ts";
import { EXIT_USAGE } from "../cli/output.ts";
import { buildApp } from "./app.ts";

export const DEFAULT_PORT = 8080;

export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535 (got ${JSON.stringify(value)})`);
  }
  return port;
}

export async function runServe(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(
      "Usage: perfuse serve\n\nServes the Perfuse web app on http://localhost:8080; PORT changes the port.",
    );
    return 0;
  }
  if (args.length > 0) {
    io.err(
      `perfuse: error: serve takes no arguments (got ${JSON.stringify(args[0])}); set PORT to change the port`,
    );
    return EXIT_USAGE;
  }
  const port = portFromEnv(process.env.PORT);
  const app = buildApp();
  await app.listen({ port, host: "127.0.0.1" });
  io.out(
    `Perfuse is serving on http://localhost:${port} (education and research only; not a medical device)`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      void app.close().then(() => resolve());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
