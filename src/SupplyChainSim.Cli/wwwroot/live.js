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

// A link to the grain that hosts an agent: a click shows the agent's state here, as the Orleans Dashboard's grain-state
// view reports it (its Grain Details page takes the type and id in the title). Without a grain, the plain text.
function grainLink(text, grain) {
  if (!grain) return text;
  const href = `dashboard/GrainState?grainType=${encodeURIComponent(grain.type)}&grainId=${encodeURIComponent(grain.id)}`;
  const link = el("a", { className: "grain", href, title: `grain ${grain.type} ${grain.id}`, dataset: { grainType: grain.type, grainId: grain.id } }, text);
  link.addEventListener("click", event => {
    event.preventDefault();
    showGrain(href, grain);
  });
  return link;
}

async function showGrain(href, grain) {
  const dialog = $("grain-state");
  const body = $("grain-state-body");
  $("grain-state-title").textContent = `${grain.type.split(".").pop()} ${grain.id}`;
  $("grain-state-type").textContent = grain.type;
  $("grain-state-id").textContent = grain.id;
  body.textContent = "asking the grain…";
  if (!dialog.open) dialog.showModal();
  try {
    const response = await fetch(href, { cache: "no-store" });
    const text = await response.text();
    if (!response.ok) {
      body.textContent = text;
      return;
    }
    // The dashboard answers with its JSON as a JSON string.
    let state = JSON.parse(text);
    if (typeof state === "string") state = JSON.parse(state);
    body.textContent = JSON.stringify(state.GetState ?? state, null, 2);
  } catch (e) {
    body.textContent = "the server is not answering";
  }
}

function bar(value, max, className) {
  const width = max > 0 ? Math.max(1, Math.round(100 * value / max)) : 0;
  return el("div", { className: "bar" }, fmt(value), el("span", { className: "fill " + (className || ""), style: { width: width + "px" } }));
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

const tickNumbers = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
let measuring = null;

// Text width in the chart's font, so that axis labels get the room they need and month labels never overlap.
function textWidth(text) {
  measuring ??= document.createElement("canvas").getContext("2d");
  measuring.font = '11px system-ui, -apple-system, "Segoe UI", sans-serif';
  return measuring.measureText(text).width;
}

// Round ticks from 0 to at least max: steps of 1, 2, 2.5 or 5 times a power of ten, about `count` of them.
function ticks(max, count) {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find(m => m * magnitude >= raw) * magnitude;
  const values = [];
  for (let i = 0; i * step < top + step / 2 && values.length <= count + 2; i++) values.push(i * step);
  if (values[values.length - 1] < top) values.push(values.length * step);
  return values;
}

// One panel of stacked columns a month with its own value axis: `routes` are drawn bottom up.
function panel(y, height, left, width, months, history, routes, label, tickCount) {
  const group = svg("g", { class: `panel ${routes.join("-")}-panel` });
  const totals = history.map(m => routes.reduce((sum, route) => sum + m[route + "H100e"], 0));
  const scale = ticks(Math.max(0, ...totals), tickCount);
  const top = scale[scale.length - 1];
  const at = value => y + height - height * value / top;
  const axis = svg("g", { class: "y-axis" });
  for (const value of scale) {
    axis.append(svg("g", { class: "tick grid" },
      svg("line", { x1: left, x2: left + width, y1: at(value), y2: at(value) }),
      svg("text", { x: left - 6, y: at(value) + 4, "text-anchor": "end" }, tickNumbers.format(value))));
  }
  group.append(axis, svg("text", { class: "panel-label", x: left, y: y - 6 }, label));
  const column = width / months;
  const bar = Math.max(1, column * 0.8);
  history.forEach((m, i) => {
    let base = 0;
    for (const route of routes) {
      const value = m[route + "H100e"];
      if (value > 0) group.append(svg("rect", { class: route, "data-month": m.month, x: left + i * column + (column - bar) / 2, y: at(base + value),
        width: bar, height: Math.max(0.5, at(base) - at(base + value)) }));
      base += value;
    }
  });
  group.append(svg("line", { class: "axis-line", x1: left, x2: left + width, y1: y + height, y2: y + height }));
  return { group, at };
}

let lastState = null;

// Flows by month as SVG: licensed, exempt and smuggled H100e stacked on a value axis; smuggled deliveries again below
// on their own scale (they are tiny next to licensed ones); month labels along the bottom, thinned so that they never
// overlap; a marker over each month in which breaches happened.
function drawFlows(state) {
  const container = $("history");
  const months = state.run.months;
  const width = Math.max(320, container.clientWidth || 640);
  const history = state.history;
  const mainHeight = 150, smuggledHeight = 50, top = 22, gap = 34;
  const widest = Math.max(...[...ticks(Math.max(0, ...history.map(m => m.licensedH100e + m.exemptH100e + m.smuggledH100e)), 4),
    ...ticks(Math.max(0, ...history.map(m => m.smuggledH100e)), 2)].map(v => textWidth(tickNumbers.format(v))));
  const left = Math.ceil(widest) + 10;
  const room = textWidth("0000-00") + 10;
  const plot = width - left - Math.ceil(room / 2); // the last month's label is centred under it

  const column = plot / months;
  const smuggledTop = top + mainHeight + gap;
  const bottom = smuggledTop + smuggledHeight;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${bottom + 22}`, width, height: bottom + 22 });

  const main = panel(top, mainHeight, left, plot, months, history, ["licensed", "exempt", "smuggled"], "all routes, H100e", 4);
  const smuggled = panel(smuggledTop, smuggledHeight, left, plot, months, history, ["smuggled"], "smuggled only, H100e (own scale)", 2);
  chart.append(main.group, smuggled.group);
  if (history.length > 0 && history.every(m => m.smuggledH100e === 0))
    chart.append(svg("text", { class: "none-yet", x: left + plot / 2, y: smuggledTop + smuggledHeight / 2 + 4, "text-anchor": "middle" }, "no smuggled deliveries so far"));
  const grid = { left, column, top, bottom };
  chart.append(monthLabels(state.run.start, months, grid, room));
  breachMarkers(chart, history, grid);
  hoverTargets(chart, history, grid);
  container.replaceChildren(chart);
}

// Month labels: every k-th month, k the smallest of 1, 2, 3, 4, 6, 12, 24... that leaves room for a label.
function monthLabels(start, months, { left, column, bottom }, room) {
  const every = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120].find(k => k * column >= room) ?? Math.ceil(room / column);
  const [startYear, startMonth] = start.split("-").map(Number);
  const label = i => {
    const index = startYear * 12 + startMonth - 1 + i;
    return `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, "0")}`;
  };
  const xAxis = svg("g", { class: "x-axis" });
  for (let i = 0; i < months; i += every) {
    const x = left + i * column + column / 2;
    xAxis.append(svg("line", { class: "axis-line", x1: x, x2: x, y1: bottom, y2: bottom + 4 }),
      svg("text", { x, y: bottom + 16, "text-anchor": "middle" }, label(i)));
  }
  return xAxis;
}

// Breach markers: a dashed line through both panels and a flag with the number of new breaches.
function breachMarkers(chart, history, { left, column, top, bottom }) {
  history.forEach((m, i) => {
    const added = m.breachesSoFar - (i > 0 ? history[i - 1].breachesSoFar : 0);
    if (added <= 0) return;
    const x = left + i * column + column / 2;
    chart.append(svg("g", { class: "breach-marker", "data-month": m.month, "data-breaches": added },
      svg("title", {}, `${m.month}: ${added} new breach${added === 1 ? "" : "es"} (${m.breachesSoFar} so far)`),
      svg("line", { x1: x, x2: x, y1: top - 8, y2: bottom }),
      svg("path", { d: `M ${x - 5} ${top - 14} L ${x + 5} ${top - 14} L ${x} ${top - 6} Z` }),
      added > 1 ? svg("text", { x: x + 7, y: top - 7 }, added) : ""));
  });
}

// A hover target a month with its figures.
function hoverTargets(chart, history, { left, column, top, bottom }) {
  history.forEach((m, i) => chart.append(svg("rect", { class: "hover", x: left + i * column, y: top, width: column, height: bottom - top },
    svg("title", {}, `${m.month}: licensed ${fmt(m.licensedH100e)}, exempt ${fmt(m.exemptH100e)}, smuggled ${fmt(m.smuggledH100e)} H100e; ${m.breachesSoFar} breaches so far`))));
}

// Where the compute went so far: chipmaker -> route (licensed, exempt, smuggled through a hub and its transit countries)
// -> destination (a country, or the restricted owner smuggled chips reached; seized lots; lots still in a hub). The
// server sums the channels and picks the nodes (the same as report.html's picture); this lays them out: three columns,
// each node as tall as what passes through it, a band per link as wide as its H100e but never thinner than 1.5 px, so
// that smuggling shows beside licensed exports.
function drawChannels(state) {
  const container = $("channels");
  const graph = state.channels;
  if (!graph || graph.links.length === 0) {
    container.replaceChildren(el("p", { className: "muted small" }, "Nothing delivered yet."));
    return;
  }
  const width = Math.max(480, container.clientWidth || 900);
  const layout = layOutChannels(graph, width);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${layout.height + 4}`, width, height: layout.height + 4, class: "channels" });
  channelBands(chart, graph, layout);
  channelNodes(chart, graph, layout);
  container.replaceChildren(chart);
}

const channelNodeWidth = 12;
const channelLabel = n => `${n.name}  ${fmt(n.h100e)}`;

// The columns set between their labels, the bands scaled until every column fits, and the nodes stacked from the top.
function layOutChannels(graph, width) {
  const gap = 10, top = 8, available = 380;
  const columns = [0, 1, 2].map(c => graph.nodes.filter(n => n.column === c));
  const left = Math.ceil(Math.max(0, ...columns[0].map(n => textWidth(channelLabel(n))))) + 14;
  const right = Math.ceil(Math.max(0, ...columns[2].map(n => textWidth(channelLabel(n))))) + 14;
  const x = [left, left + (width - left - right - channelNodeWidth) / 2, width - right - channelNodeWidth];
  const { thickness, heights } = fitChannels(graph, columns, available);
  const y = new Map();
  let height = top;
  for (const column of columns) {
    let at = top;
    for (const node of column) { y.set(node.name, at); at += heights.get(node.name) + gap; }
    height = Math.max(height, at);
  }
  return { x, y, heights, thickness, height };
}

// Band widths, then node heights (the larger of what enters and what leaves); the scale shrinks until the tallest
// column fits, since the least width of a band can make it overflow.
function fitChannels(graph, columns, available) {
  const minimum = 1.5;
  let scale = available / Math.max(1e-9, ...columns.map(c => c.reduce((sum, n) => sum + n.h100e, 0)));
  let thickness, heights;
  const size = () => {
    thickness = graph.links.map(l => Math.max(minimum, l.h100e * scale));
    heights = new Map(graph.nodes.map(n => {
      const out = graph.links.reduce((sum, l, i) => sum + (l.from === n.name ? thickness[i] : 0), 0);
      const into = graph.links.reduce((sum, l, i) => sum + (l.to === n.name ? thickness[i] : 0), 0);
      return [n.name, Math.max(2, out, into)];
    }));
  };
  size();
  for (let i = 0; i < 8 && Math.max(...columns.map(c => c.reduce((sum, n) => sum + heights.get(n.name), 0))) > available; i++) {
    scale *= 0.85;
    size();
  }
  return { thickness, heights };
}

// Bands leave a node in the order of their targets from the top, and enter in the order of their sources.
function channelBands(chart, graph, { x, y, thickness }) {
  const columnOf = new Map(graph.nodes.map(n => [n.name, n.column]));
  const outAt = new Map(graph.nodes.map(n => [n.name, y.get(n.name)]));
  const inAt = new Map(outAt);
  graph.links.map((l, i) => ({ l, t: thickness[i] }))
    .sort((a, b) => (y.get(a.l.from) - y.get(b.l.from)) || (y.get(a.l.to) - y.get(b.l.to)))
    .forEach(({ l, t }) => {
      const x0 = x[columnOf.get(l.from)] + channelNodeWidth, x1 = x[columnOf.get(l.to)], middle = (x0 + x1) / 2;
      const y0 = outAt.get(l.from), y1 = inAt.get(l.to);
      outAt.set(l.from, y0 + t);
      inAt.set(l.to, y1 + t);
      chart.append(svg("path", { class: `band ${l.kind}`, "data-kind": l.kind,
        d: `M ${x0} ${y0} C ${middle} ${y0} ${middle} ${y1} ${x1} ${y1} L ${x1} ${y1 + t} C ${middle} ${y1 + t} ${middle} ${y0 + t} ${x0} ${y0 + t} Z` },
        svg("title", {}, `${l.from} to ${l.to}: ${fmt(l.h100e)} H100e (${l.kind})`)));
    });
}

// Each node as a bar, labelled outside the edge columns with its H100e.
function channelNodes(chart, graph, { x, y, heights }) {
  for (const node of graph.nodes) {
    const top0 = y.get(node.name), h = heights.get(node.name), c = node.column;
    chart.append(svg("rect", { class: `node ${node.kind}`, "data-node": node.name, x: x[c], y: top0, width: channelNodeWidth, height: h },
      svg("title", {}, `${node.name}: ${fmt(node.h100e)} H100e`)));
    chart.append(svg("text", { class: "node-label", x: c === 0 ? x[c] - 5 : x[c] + channelNodeWidth + 5, y: top0 + h / 2 + 4, "text-anchor": c === 0 ? "end" : "start" },
      channelLabel(node)));
  }
}

window.addEventListener("resize", () => { if (lastState) { drawFlows(lastState); drawChannels(lastState); } });

let shown = -1;

function render(state) {
  if (state.version <= shown) return;
  shown = state.version;
  lastState = state;
  renderRun(state);
  renderThisMonth(state);
  renderCountries(state);
  drawFlows(state);
  drawChannels(state);
  renderMagnets(state);
  renderKinds(state);
  renderBreaches(state);
}

// The run, the month it is at, its progress and status, and the pacing controls while it goes.
function renderRun(state) {
  const run = state.run;
  document.title = `${state.month ?? "–"} · ${run.scenario} · SupplyChainSim`;
  $("scenario").textContent = `${run.scenario}, seed ${run.seed}: ${run.start} to ${run.end} (${run.months} months), ${run.agents.toLocaleString("en-GB")} agents. ${run.description}`;
  $("regime").textContent = "Regime: " + run.regime.join("; ");
  $("month").textContent = state.month ?? "–";
  $("months-done").textContent = `${state.monthsDone} of ${run.months} months`;
  $("progress-bar").style.width = (100 * state.monthsDone / run.months) + "%";
  const status = $("status");
  const paused = state.paused && state.status !== "finished" && state.status !== "failed";
  status.textContent = state.status === "finished" ? `finished · results in ${state.results}` : paused ? "paused" : state.status;
  status.className = "status " + (paused ? "paused" : state.status);
  const over = state.status === "finished" || state.status === "failed";
  $("pacing").hidden = over;
  $("pause").hidden = paused;
  $("resume").hidden = !paused;
}

// H100e by route this month and so far, and the largest cluster.
function renderThisMonth(state) {
  const flows = $("flows").tBodies[0];
  flows.replaceChildren(...["licensed", "exempt", "smuggled", "denied", "seized"].map(route =>
    el("tr", {}, el("td", { className: route === "smuggled" ? "route-smuggled" : "" }, route),
      el("td", {}, fmt(state.thisMonth[route + "H100e"])), el("td", {}, fmt(state.soFar[route + "H100e"])))));
  $("largest-cluster").textContent = state.largestClusterSite && state.largestClusterH100e > 0
    ? `${fmt(state.largestClusterH100e)} H100e at ${state.largestClusterSite}` : "none yet";
}

// The countries with the most installed compute, with what reached them by each route.
function renderCountries(state) {
  const maxInstalled = Math.max(0, ...state.countries.map(c => c.installedH100e));
  $("countries").tBodies[0].replaceChildren(...state.countries.slice(0, 25).map(c =>
    el("tr", { dataset: { country: c.code } },
      el("td", { title: c.name }, `${c.code} ${c.name}`), el("td", {}, c.tier), el("td", {}, bar(c.installedH100e, maxInstalled)),
      el("td", {}, fmt(c.licensedH100e)), el("td", {}, fmt(c.exemptH100e)), el("td", { className: c.smuggledH100e > 0 ? "route-smuggled" : "" }, fmt(c.smuggledH100e)),
      el("td", {}, fmt(c.deniedH100e)), el("td", {}, fmt(c.largestClusterH100e)),
      el("td", { className: c.unauthorisedH100e > 0 ? "route-smuggled" : "" }, fmt(c.unauthorisedH100e)), el("td", {}, c.breaches))));
}

// The peak magnet shortage month by month, and each importer's now (or a note where there is no rare-earth market).
function renderMagnets(state) {
  $("shortage-history").hidden = state.magnets.length === 0;
  $("shortage-history").replaceChildren(...Array.from({ length: state.run.months }, (_, i) => {
    const m = state.history[i];
    const col = el("div", { className: "col", title: m ? `${m.month}: peak shortage ${m.peakShortage.toFixed(3)}` : "" });
    if (m) col.append(el("div", { className: "shortage", style: { height: (100 * m.peakShortage) + "%" } }));
    return col;
  }));
  $("no-magnets").hidden = state.magnets.length > 0;
  $("magnets").hidden = state.magnets.length === 0;
  $("magnets").tBodies[0].replaceChildren(...state.magnets.map(m =>
    el("tr", {}, el("td", {}, m.country), el("td", {}, bar(m.shortage, 1, "shortage")), el("td", {}, m.supplyIndex.toFixed(3)), el("td", {}, m.stockMonths.toFixed(2)))));
}

// By breach kind: how many, the largest excess and where.
function renderKinds(state) {
  $("kinds").tBodies[0].replaceChildren(...state.kinds.map(k =>
    el("tr", { dataset: { kind: k.kind } }, el("td", {}, k.kind), el("td", {}, k.breaches),
      el("td", { className: k.largestExcessH100e > 0 ? "route-smuggled" : "" }, fmt(k.largestExcessH100e)), el("td", {}, k.largestAt ?? ""))));
}

// Every breach so far, newest first, each opening onto its trail; those the reader opened stay open.
function renderBreaches(state) {
  const count = $("breach-count");
  count.textContent = state.breaches.length;
  count.className = "count" + (state.breaches.length > 0 ? " alert" : "");
  const list = $("breaches");
  const open = new Set([...list.querySelectorAll("details[open]")].map(d => d.dataset.key));
  list.replaceChildren(...state.breaches.map((b, i) => ({ b, i })).reverse().map(({ b, i }) => {
    const key = `${b.month}/${b.site}/${i}`;
    const details = el("details", { dataset: { key } }, breachSummary(b),
      el("div", { className: "muted small" }, `Limit: ${b.limitBasis}.` + (b.sites.length > 1 ? ` Linked sites: ${b.sites.join(", ")}.` : ""),
        ...(b.grain ? [" Grain: ", grainLink(b.grain.id, b.grain), ` (${b.grain.type.split(".").pop()}).`] : [])),
      breachTrail(b));
    details.open = open.has(key);
    return el("li", { className: "breach" }, details);
  }));
}

function breachSummary(b) {
  return el("summary", {}, el("strong", {}, b.month), " ", el("span", { className: "kind" }, b.kind),
    " at ", grainLink(b.site, b.grain),
    ` (owner ${b.owner}, ${b.country}): ${fmt(b.excessH100e)} H100e beyond the rules (${fmt(b.clusterH100e)} counted, ${fmt(b.permittedH100e)} permitted); main route `,
    el("span", { className: b.mainRoute.startsWith("smuggled") ? "route-smuggled" : "" },
      ...(b.mainVia ? [b.mainRoute.slice(0, b.mainRoute.length - b.mainVia.length), grainLink(b.mainVia, b.mainViaGrain)] : [b.mainRoute])),
    b.detectedByThen ? "; its supplier had been caught by then" : "");
}

// The acquisitions behind a breach, a row each.
function breachTrail(b) {
  return el("table", { className: "trail numbers" },
    el("thead", {}, el("tr", {}, ...["month", "seller", "via", "chip", "chips", "H100e", "route", "basis"].map(h => el("th", {}, h)))),
    el("tbody", {}, ...b.trail.map(a => el("tr", {}, el("td", {}, a.month), el("td", {}, a.seller), el("td", {}, a.via ? grainLink(a.via, a.viaGrain) : ""), el("td", {}, a.chipModel),
      el("td", {}, a.chips.toLocaleString("en-GB")), el("td", {}, fmt(a.h100e)), el("td", { className: a.route === "smuggled" ? "route-smuggled" : "" }, a.route),
      el("td", {}, a.basis)))));
}

// Pacing: the server takes these only from this page (it checks the Origin the browser sends with a POST).
async function pace(action) {
  const error = $("pacing-error");
  error.textContent = "";
  for (const button of $("pacing").querySelectorAll("button")) button.disabled = true;
  try {
    const response = await fetch("/api/" + action, { method: "POST", cache: "no-store" });
    if (!response.ok) error.textContent = await response.text();
    await poll();
  } catch (e) {
    error.textContent = "the server is not answering";
  } finally {
    for (const button of $("pacing").querySelectorAll("button")) button.disabled = false;
  }
}

for (const action of ["pause", "resume", "step"]) $(action).addEventListener("click", () => pace(action));

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
