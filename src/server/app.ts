/**
 * The HTTP application (Fastify). For now: the calculators as a JSON API and a small page that uses them.
 * The console (web/) will be served from here too once it exists.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { calculators } from "../calc/index.ts";
import { parseCalcInputs } from "../cli/calc.ts";
import { InputError } from "../common/errors.ts";
import { landingPage } from "./landing.ts";

export function buildApp(): FastifyInstance {
  const app = Fastify({ logger: false });

  app.get("/", async (_req, reply) => reply.type("text/html; charset=utf-8").send(landingPage()));

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
