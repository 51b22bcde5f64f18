import { render } from "preact";

function Hello() {
  return <p>hello</p>;
}
const w = new Worker(new URL("./worker/simulation.worker.ts", import.meta.url), { type: "module" });
void w;
render(<Hello />, document.getElementById("app")!);
