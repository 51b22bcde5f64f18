/** The start page served until the console exists: the calculators, usable from a browser. */
export function landingPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Perfuse</title>
<style>
  body { background:#111418; color:#e8edf2; font:16px/1.5 system-ui, sans-serif; margin:0; padding:2rem; }
  h1 { margin:0 0 .25rem; } .disclaimer { color:#f5c26b; }
  select, input, button { font:inherit; background:#1d232b; color:#e8edf2; border:1px solid #3a4654; border-radius:4px; padding:.3rem .5rem; }
  label { display:block; margin:.4rem 0; } #result { margin-top:1rem; font-size:1.3rem; }
  .error { color:#ff7b7b; } .muted { color:#9aa8b6; font-size:.9rem; }
</style>
</head>
<body>
<h1>Perfuse</h1>
<p class="disclaimer">For education, planning and research. Not a medical device: do not use it to treat patients.</p>
<h2>Calculators</h2>
<label>Calculator <select id="calc"></select></label>
<form id="form"></form>
<button id="run" type="button">Calculate</button>
<div id="result" role="status" aria-live="polite"></div>
<p class="muted" id="source"></p>
<script type="module">
const calcs = await (await fetch("/api/calculators")).json();
const sel = document.getElementById("calc"), form = document.getElementById("form");
for (const c of calcs) sel.add(new Option(c.name + " — " + c.summary, c.name));
function render() {
  const c = calcs.find((x) => x.name === sel.value);
  form.innerHTML = "";
  for (const p of c.params) {
    const label = document.createElement("label");
    label.textContent = p.description + " (" + p.flag + ") ";
    let input;
    if (p.kind === "choice") { input = document.createElement("select"); if (p.optional) input.add(new Option("", "")); for (const ch of p.choices) input.add(new Option(ch, ch)); }
    else { input = document.createElement("input"); input.placeholder = p.range ? p.range.min + "–" + p.range.max + " " + p.range.unit : ""; }
    if (p.default !== undefined) input.value = p.default;
    input.name = p.key; label.append(input); form.append(label);
  }
  document.getElementById("source").textContent = "Source: " + c.source;
}
sel.addEventListener("change", render); render();
document.getElementById("run").addEventListener("click", async () => {
  const q = new URLSearchParams();
  for (const el of form.elements) if (el.value !== "") q.set(el.name, el.value);
  const res = await fetch("/api/calc/" + sel.value + "?" + q);
  const body = await res.json(), out = document.getElementById("result");
  out.className = res.ok ? "" : "error";
  out.textContent = res.ok ? body.value.toFixed(4).replace(/0+$/, "").replace(/\\.$/, "") + " " + body.unit + " (" + body.method + ": " + body.formula + ")" : body.error;
});
</script>
</body>
</html>`;
}
