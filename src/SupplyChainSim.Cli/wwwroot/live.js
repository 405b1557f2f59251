// The live world page: renders the /api/state snapshot, then every snapshot the run publishes as a server-sent
// event (/api/events). If the event stream is unavailable it polls /api/state instead. Text from scenario files is
// only ever set as text, never as HTML.
"use strict";

const numbers = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmt = value => numbers.format(value);
const $ = id => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "style" || key === "dataset") Object.assign(node[key], value);
    else node[key] = value;
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function bar(value, max, className) {
  const width = max > 0 ? Math.max(1, Math.round(100 * value / max)) : 0;
  return el("div", { className: "bar" }, fmt(value), el("span", { className: "fill " + (className || ""), style: { width: width + "px" } }));
}

let shown = -1;

function render(state) {
  if (state.version <= shown) return;
  shown = state.version;
  const run = state.run;
  document.title = `${state.month ?? "–"} · ${run.scenario} · SupplyChainSim`;
  $("scenario").textContent = `${run.scenario}, seed ${run.seed}: ${run.start} to ${run.end} (${run.months} months), ${run.agents.toLocaleString("en-GB")} agents. ${run.description}`;
  $("regime").textContent = "Regime: " + run.regime.join("; ");
  $("month").textContent = state.month ?? "–";
  $("months-done").textContent = `${state.monthsDone} of ${run.months} months`;
  $("progress-bar").style.width = (100 * state.monthsDone / run.months) + "%";
  const status = $("status");
  status.textContent = state.status === "finished" ? `finished · results in ${state.results}` : state.status;
  status.className = "status " + state.status;

  const flows = $("flows").tBodies[0];
  flows.replaceChildren(...["licensed", "exempt", "smuggled", "denied", "seized"].map(route =>
    el("tr", {}, el("td", { className: route === "smuggled" ? "route-smuggled" : "" }, route),
      el("td", {}, fmt(state.thisMonth[route + "H100e"])), el("td", {}, fmt(state.soFar[route + "H100e"])))));
  $("largest-cluster").textContent = state.largestClusterSite ? `${fmt(state.largestClusterH100e)} H100e at ${state.largestClusterSite}` : "–";

  const maxInstalled = Math.max(0, ...state.countries.map(c => c.installedH100e));
  $("countries").tBodies[0].replaceChildren(...state.countries.slice(0, 25).map(c =>
    el("tr", { dataset: { country: c.code } },
      el("td", { title: c.name }, `${c.code} ${c.name}`), el("td", {}, c.tier), el("td", {}, bar(c.installedH100e, maxInstalled)),
      el("td", {}, fmt(c.licensedH100e)), el("td", {}, fmt(c.exemptH100e)), el("td", { className: c.smuggledH100e > 0 ? "route-smuggled" : "" }, fmt(c.smuggledH100e)),
      el("td", {}, fmt(c.deniedH100e)), el("td", {}, fmt(c.largestClusterH100e)), el("td", {}, c.breaches))));

  const maxMonth = Math.max(1, ...state.history.map(m => m.licensedH100e + m.exemptH100e + m.smuggledH100e));
  const columns = [];
  for (let i = 0; i < run.months; i++) {
    const m = state.history[i];
    const col = el("div", { className: "col", title: m ? `${m.month}: licensed ${fmt(m.licensedH100e)}, exempt ${fmt(m.exemptH100e)}, smuggled ${fmt(m.smuggledH100e)} H100e` : "" });
    if (m) for (const route of ["licensed", "exempt", "smuggled"])
      col.append(el("div", { className: route, style: { height: (100 * m[route + "H100e"] / maxMonth) + "%" } }));
    columns.push(col);
  }
  $("history").replaceChildren(...columns);

  $("shortage-history").hidden = state.magnets.length === 0;
  $("shortage-history").replaceChildren(...Array.from({ length: run.months }, (_, i) => {
    const m = state.history[i];
    const col = el("div", { className: "col", title: m ? `${m.month}: peak shortage ${m.peakShortage.toFixed(3)}` : "" });
    if (m) col.append(el("div", { className: "shortage", style: { height: (100 * m.peakShortage) + "%" } }));
    return col;
  }));
  $("no-magnets").hidden = state.magnets.length > 0;
  $("magnets").hidden = state.magnets.length === 0;
  $("magnets").tBodies[0].replaceChildren(...state.magnets.map(m =>
    el("tr", {}, el("td", {}, m.country), el("td", {}, bar(m.shortage, 1, "shortage")), el("td", {}, m.supplyIndex.toFixed(3)), el("td", {}, m.stockMonths.toFixed(2)))));

  const count = $("breach-count");
  count.textContent = state.breaches.length;
  count.className = "count" + (state.breaches.length > 0 ? " alert" : "");
  const list = $("breaches");
  const open = new Set([...list.querySelectorAll("details[open]")].map(d => d.dataset.key));
  list.replaceChildren(...state.breaches.map((b, i) => ({ b, i })).reverse().map(({ b, i }) => {
    const key = `${b.month}/${b.site}/${i}`;
    const details = el("details", { dataset: { key } },
      el("summary", {}, el("strong", {}, b.month), ` ${b.site} (owner ${b.owner}, ${b.country}): ${fmt(b.clusterH100e)} H100e over a permitted ${fmt(b.permittedH100e)}; main route `,
        el("span", { className: b.mainRoute.startsWith("smuggled") ? "route-smuggled" : "" }, b.mainRoute),
        b.detectedByThen ? "; its supplier had been caught by then" : ""),
      el("div", { className: "muted small" }, b.sites.length > 1 ? `Linked sites: ${b.sites.join(", ")}` : ""),
      el("table", { className: "trail numbers" },
        el("thead", {}, el("tr", {}, ...["month", "seller", "via", "chip", "chips", "H100e", "route", "basis"].map(h => el("th", {}, h)))),
        el("tbody", {}, ...b.trail.map(a => el("tr", {}, el("td", {}, a.month), el("td", {}, a.seller), el("td", {}, a.via ?? ""), el("td", {}, a.chipModel),
          el("td", {}, a.chips.toLocaleString("en-GB")), el("td", {}, fmt(a.h100e)), el("td", { className: a.route === "smuggled" ? "route-smuggled" : "" }, a.route),
          el("td", {}, a.basis))))));
    details.open = open.has(key);
    return el("li", { className: "breach" }, details);
  }));
}

async function poll() {
  try {
    const response = await fetch("/api/state", { cache: "no-store" });
    if (response.ok) render(await response.json());
  } catch (e) {
    // The run may have been stopped; keep what is on screen.
  }
}

function listen() {
  if (!window.EventSource) {
    setInterval(poll, 2000);
    return;
  }
  const events = new EventSource("/api/events");
  events.addEventListener("state", e => render(JSON.parse(e.data)));
  let polling = null;
  events.onerror = () => { if (!polling) polling = setInterval(poll, 2000); };
  events.onopen = () => { if (polling) { clearInterval(polling); polling = null; } };
}

poll().then(listen);
