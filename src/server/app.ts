/**
 * The HTTP application (Fastify): the console (the built web app in dist/web, `vite build --config
 * web/vite.config.ts`), the calculators page at /calculators, and the calculators as a JSON API.
 * The console runs its simulation in the browser (a Web Worker); the server only serves files.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { calculators } from "../calc/index.ts";
import { parseCalcInputs } from "../cli/calc.ts";
import { InputError } from "../common/errors.ts";
import { landingPage } from "./landing.ts";

/** dist/web at the repository root. */
export const DEFAULT_WEB_DIR = join(import.meta.dirname, "..", "..", "dist", "web");

export interface AppOptions {
  /** Folder of the built console; default dist/web. */
  webDir?: string;
}

export function buildApp(opts: AppOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false });
  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  const calculatorsPage = async (_req: unknown, reply: { type(t: string): { send(b: string): unknown } }) =>
    reply.type("text/html; charset=utf-8").send(landingPage());

  if (existsSync(join(webDir, "index.html"))) {
    app.register(fastifyStatic, { root: webDir, index: "index.html" });
  } else {
    // Not built yet (`npm start` builds it first): say how, and keep the calculators reachable.
    app.get("/", async (_req, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .send(
          `<!doctype html><meta charset="utf-8"><title>Perfuse</title><body style="background:#111;color:#eee;font:16px system-ui;padding:2rem"><h1>Perfuse</h1><p>The console is not built. Run <code>npm start</code> (it builds the console, then serves it) or <code>npx vite build --config web/vite.config.ts</code>.</p><p><a style="color:#8cf" href="/calculators">Calculators</a></p><p>For education and research only; not a medical device.</p>`,
        ),
    );
  }
  app.get("/calculators", calculatorsPage);

  app.get("/api/calculators", async () =>
    calculators.map((c) => ({ name: c.name, summary: c.summary, source: c.source, params: c.params })),
  );

  /** GET /api/calc/bsa?weightKg=70&heightCm=170 → CalcResult, or 400 with { error, problems }. */
  app.get<{ Params: { name: string }; Querystring: Record<string, string> }>(
    "/api/calc/:name",
    async (req, reply) => {
      const spec = calculators.find((c) => c.name === req.params.name);
      if (!spec) {
        return reply.code(404).send({
          error: `calculator must be one of: ${calculators.map((c) => c.name).join(", ")}`,
        });
      }
      try {
        const result = spec.run(parseCalcInputs(spec, req.query));
        if (!Number.isFinite(result.value)) {
          return reply.code(422).send({ error: "no finite result for these inputs" });
        }
        return result;
      } catch (e) {
        if (e instanceof InputError) {
          return reply.code(400).send({ error: e.message, problems: e.problems });
        }
        throw e;
      }
    },
  );
  return app;
}
