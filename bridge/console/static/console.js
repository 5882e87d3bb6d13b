// The console page: renders what the console pushes over /ws, sends control commands to /api/control.
// No build step: plain browser JavaScript. Every text from the bus goes in through textContent.
"use strict";

const FEED_MAX = 500;          // lines kept on the page
const HOLD_MAX = 500;          // lines kept while paused
const WINDOW = 300;            // seconds shown in the plots
const COLORS = ["#3e4fe0", "#12805c", "#c01048", "#b54708", "#7839ee", "#0e9384", "#dd2590", "#667085",
                "#1570ef", "#4ca30d", "#e62e05", "#6938ef"];

const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
};
const clock = (seconds) => seconds ? new Date(seconds * 1000).toLocaleTimeString() : "—";
// JSON numbers beyond 2^53 (ids) are kept as their exact digits, as text
const exact = (key, value, context) =>
  typeof value === "number" && !Number.isSafeInteger(value) && context && /^-?\d+$/.test(context.source)
    ? context.source : value;
const num = (value) => (typeof value === "number" ? value.toLocaleString() : String(value ?? 0));

const page = {
  ws: null, retry: 500, wsDownSince: 0, everConnected: false,
  view: null, contract: null, defaults: {},
  feedPaused: false, held: [], heldSkipped: 0, lost: 0,
  types: new Set(), rooms: new Set(),
  rates: { secs: [], byType: {}, viewers: {} },
  plots: { rate: null, viewers: null, rateKeys: "", viewerKeys: "" },
};
window.bridgeConsole = page;  // for tests and curious users

// ------------------------------------------------------------ the live connection

function connect() {
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
  page.ws = ws;
  ws.onmessage = (message) => {
    const data = JSON.parse(message.data, exact);
    if (data.t === "hello") onHello(data);
    else if (data.t === "state") onState(data);
    else if (data.t === "feed") onFeed(data);
  };
  ws.onclose = () => {
    if (!page.wsDownSince) page.wsDownSince = Date.now() / 1000;
    renderLink();
    setTimeout(connect, page.retry);
    page.retry = Math.min(page.retry * 2, 5000);
  };
}

function onHello(hello) {
  page.retry = 500;
  if (page.wsDownSince) {
    page.consoleOutages = page.consoleOutages || [];
    page.consoleOutages.push({ down: page.wsDownSince, up: Date.now() / 1000 });
    page.wsDownSince = 0;
  }
  page.everConnected = true;
  $("token-panel").hidden = !hello.tokenRequired;
  $("bus").textContent = `bus ${hello.subscribe} · control ${hello.control} · v${hello.version}`;
  page.rates = { secs: [], byType: {}, viewers: {} };
  addRates(hello.rates);
  $("feed").replaceChildren();
  addLines(hello.feed);
  onState({ view: hello.view, rates: [] });
}

function onState(message) {
  page.view = message.view;
  addRates(message.rates);
  renderLink();
  renderRooms();
  renderLedger();
  renderRules();
  renderPlots();
}

function onFeed(message) {
  page.lost = message.lost;
  if (page.feedPaused) {
    for (const line of message.lines) {
      if (page.held.length >= HOLD_MAX) { page.held.shift(); page.heldSkipped++; }
      page.held.push(line);
    }
  } else {
    addLines(message.lines);
  }
  renderLost();
}

// ------------------------------------------------------------ header: link, daemons, outages

function renderLink() {
  const link = $("link");
  const view = page.view;
  const daemons = view ? view.daemons : [];
  const down = daemons.filter((d) => !d.up);
  if (page.wsDownSince) {
    link.className = "badge bad";
    link.textContent = `console unreachable since ${clock(page.wsDownSince)}, reconnecting…`;
  } else if (!daemons.length) {
    link.className = "badge warn";
    link.textContent = "waiting for the daemon…";
  } else if (down.length) {
    link.className = "badge bad";
    link.textContent = `daemon unreachable since ${clock(Math.min(...down.map((d) => d.lastSeen)))}`;
  } else {
    link.className = "badge ok";
    link.textContent = "live";
  }
  const parts = daemons.map((d) => {
    const name = d.daemon ? `daemon ${d.daemon}` : "daemon";
    const state = d.up ? `up ${Math.round(d.uptime)} s` : "DOWN";
    return `${name}: ${state}, decoder ${d.implementation || "?"}, dropped ${d.dropped}, ` +
      `lost ${d.gaps}, restarts ${d.restarts}`;
  });
  if (view && view.bad) parts.push(`${view.bad} unreadable messages`);
  $("daemons").textContent = parts.join(" · ");
  const box = $("outages");
  box.replaceChildren();
  const outages = [...(view ? view.outages : []).map((o) => ({ ...o, what: "daemon" })),
    ...(page.consoleOutages || []).map((o) => ({ ...o, what: "console" }))];
  for (const outage of outages.slice(-5)) {
    const who = outage.what === "daemon" && outage.daemon ? `daemon ${outage.daemon}` : outage.what;
    const text = outage.up
      ? `${who} outage ${clock(outage.down)} – ${clock(outage.up)} (${Math.round(outage.up - outage.down)} s), recovered`
      : `${who} unreachable since ${clock(outage.down)}`;
    box.append(el("div", text, outage.up ? "recovered" : "open"));
  }
}

// ------------------------------------------------------------ rooms

function renderRooms() {
  const body = $("rooms").tBodies[0];
  body.replaceChildren();
  for (const room of page.view.rooms) {
    rememberRoom(room.room);
    const row = el("tr");
    row.dataset.room = room.room;
    const age = room.lastEventTs ? `${Math.max(0, page.view.now - room.lastEventTs / 1000).toFixed(1)} s ago` : "—";
    let reason = [room.reason, room.message].filter(Boolean).join(": ") +
      (room.attempt ? ` (attempt ${room.attempt})` : "");
    let state = room.state || "?";
    const daemon = page.view.daemons.find((d) => d.daemon === room.daemon);
    if (daemon && !daemon.up) {  // what the daemon said last is no longer known to hold
      reason = `daemon unreachable; last known: ${state}${reason ? ", " + reason : ""}`;
      state = "unknown";
    }
    row.append(el("td", "@" + room.room), el("td", state, "state state-" + state), el("td", reason));
    for (const value of [room.viewers, room.rate, room.events]) row.append(el("td", num(value), "num"));
    row.append(el("td", age, "num"));
    for (const value of [room.reconnects, room.decodeErrors, room.duplicates, room.signCalls]) {
      row.append(el("td", num(value), "num"));
    }
    const cell = el("td");
    const button = el("button", "Disconnect", "small");
    button.type = "button";
    button.onclick = async () => {
      const reply = await control({ cmd: "disconnect", room: room.room });
      showResult($("connect-result"), reply, `@${room.room} disconnected`);
    };
    cell.append(button);
    row.append(cell);
    body.append(row);
  }
}

$("connect-form").onsubmit = async (e) => {
  e.preventDefault();
  const room = e.target.room.value.trim();
  const reply = await control({ cmd: "connect", room });
  showResult($("connect-result"), reply, reply.ok ? `watching @${reply.result.room}` : "");
};

// ------------------------------------------------------------ feed

function matches(line) {
  const type = $("feed-type").value, room = $("feed-room").value;
  return (!type || line.type === type) && (!room || line.room === room);
}

function addLines(lines) {
  const feed = $("feed");
  const atBottom = feed.scrollHeight - feed.scrollTop - feed.clientHeight < 30;
  for (const line of lines) {
    rememberType(line.type);
    if (line.room) rememberRoom(line.room);
    const item = el("li", line.line, line.event && line.event.simulated ? "simulated" : "");
    item.dataset.type = line.type;
    item.dataset.room = line.room;
    item.hidden = !matches(line);
    item.onclick = (ev) => {
      if (ev.target.tagName === "PRE") return;
      const open = item.querySelector("pre");
      if (open) open.remove();
      else item.append(el("pre", JSON.stringify(line.event, null, 2)));
    };
    feed.append(item);
  }
  while (feed.childElementCount > FEED_MAX) feed.firstElementChild.remove();
  if (atBottom) feed.scrollTop = feed.scrollHeight;
}

function renderLost() {
  const parts = [];
  if (page.lost) parts.push(`${page.lost} lines dropped (the page read too slowly)`);
  if (page.feedPaused) parts.push(`${page.held.length} held while paused`);
  if (page.heldSkipped) parts.push(`${page.heldSkipped} skipped while paused`);
  $("feed-lost").textContent = parts.join(" · ");
}

function refilter() {
  for (const item of $("feed").children) item.hidden = !matches(item.dataset);
}

function rememberType(type) {
  if (!type || page.types.has(type)) return;
  page.types.add(type);
  $("feed-type").append(new Option(type, type));
}

function rememberRoom(room) {
  if (!room || page.rooms.has(room)) return;
  page.rooms.add(room);
  $("feed-room").append(new Option("@" + room, room));
}

$("feed-type").onchange = refilter;
$("feed-room").onchange = refilter;
$("feed-pause").onchange = (e) => {
  page.feedPaused = e.target.checked;
  if (!page.feedPaused) {
    addLines(page.held);
    page.held = [];
  }
  renderLost();
};

// ------------------------------------------------------------ plots (uPlot)

function addRates(entries) {
  const rates = page.rates;
  for (const [sec, counts, viewers] of entries || []) {
    if (rates.secs.length && sec <= rates.secs[rates.secs.length - 1]) continue;
    const index = rates.secs.length;
    rates.secs.push(sec);
    for (const type of Object.keys(counts)) if (!(type in rates.byType)) rates.byType[type] = new Array(index).fill(0);
    for (const room of Object.keys(viewers)) if (!(room in rates.viewers)) rates.viewers[room] = new Array(index).fill(null);
    for (const type in rates.byType) rates.byType[type].push(counts[type] || 0);
    for (const room in rates.viewers) rates.viewers[room].push(room in viewers ? viewers[room] : null);
  }
  const extra = rates.secs.length - WINDOW;
  if (extra > 0) {
    rates.secs.splice(0, extra);
    for (const key in rates.byType) rates.byType[key].splice(0, extra);
    for (const key in rates.viewers) rates.viewers[key].splice(0, extra);
  }
}

function plot(kind, target, names, columns, label) {
  const keys = names.join("\n");
  const width = Math.max(300, target.clientWidth - 10);
  if (!page.plots[kind] || page.plots[kind + "Keys"] !== keys) {
    if (page.plots[kind]) page.plots[kind].destroy();
    const series = [{}, ...names.map((name, i) => ({ label: name, stroke: COLORS[i % COLORS.length], width: 1.5 }))];
    page.plots[kind] = new uPlot({ width, height: 170, series, axes: [{}, { label }], scales: { x: { time: true } } },
      [page.rates.secs, ...columns], target);
    page.plots[kind + "Keys"] = keys;
  } else {
    page.plots[kind].setData([page.rates.secs, ...columns]);
  }
  target.dataset.points = String(page.rates.secs.length);
}

function renderPlots() {
  if (typeof uPlot === "undefined" || !page.rates.secs.length) return;
  const types = Object.keys(page.rates.byType).sort();
  plot("rate", $("rate-plot"), types, types.map((t) => page.rates.byType[t]), "events/s");
  const rooms = Object.keys(page.rates.viewers).sort();
  plot("viewers", $("viewer-plot"), rooms.map((r) => "@" + r), rooms.map((r) => page.rates.viewers[r]), "viewers");
}

// ------------------------------------------------------------ ledger

function stats(pairs) {
  const box = el("div", null, "stats");
  for (const [name, value] of pairs) {
    const cell = el("div", name, "muted");
    cell.prepend(el("b", num(value)));
    box.append(cell);
  }
  return box;
}

function header(names) {
  const row = el("tr");
  for (const name of names) row.append(el("th", name));
  return row;
}

function summaryBlock(summary) {
  const block = el("div");
  block.append(stats([["diamonds", summary.totalDiamonds || 0], ["likes", summary.likes || 0],
    ["follows", summary.newFollowers || 0], ["shares", summary.shares || 0],
    ["peak viewers", summary.peakViewers || 0], ["average viewers", summary.averageViewers || 0]]));
  const gifts = el("table");
  gifts.append(el("caption", "gifts by type", "muted"), header(["gift", "count", "diamonds"]));
  for (const gift of summary.gifts || []) {
    const row = el("tr");
    row.append(el("td", gift.giftName || `gift ${gift.giftId}`), el("td", `x${num(gift.count)}`, "num"),
      el("td", num(gift.diamonds), "num"));
    gifts.append(row);
  }
  const gifters = el("table");
  gifters.append(el("caption", "top gifters", "muted"), header(["gifter", "", "diamonds"]));
  for (const gifter of summary.topGifters || []) {
    const user = gifter.user || {};
    const row = el("tr");
    row.append(el("td", "@" + (user.uniqueId || user.id || "?")), el("td", user.nickname || ""),
      el("td", num(gifter.diamonds), "num"));
    gifters.append(row);
  }
  const tables = el("div", null, "row");
  tables.append(gifts, gifters);
  block.append(tables);
  return block;
}

function booksBlock(room, books, simulated) {
  // one room's books, as the daemon keeps them: the stream's ledger, or its separate simulated one
  const section = el("div", null, simulated ? "books simulated" : "books");
  section.dataset.books = simulated ? "simulated" : "real";
  const head = el("div", null, "row");
  const what = simulated ? "simulated (not in the stream's ledger)" : "live";
  head.append(el("h3", `@${room} — ${what}, counted since ${clock(books.since)}`));
  const fetchButton = el("button", simulated ? "Fetch simulated summary" : "Fetch summary from the daemon", "small");
  fetchButton.type = "button";
  const result = el("span", "", "result");
  fetchButton.onclick = async () => {
    const reply = await control(simulated ? { cmd: "summary", room, simulated: true } : { cmd: "summary", room });
    showResult(result, reply, reply.ok ? `daemon: ${num(reply.result.totalDiamonds || 0)} diamonds` : "");
  };
  head.append(fetchButton, result);
  section.append(head, summaryBlock(books.live));
  section.querySelector(".stats").classList.add("live");
  if (books.final) {
    const kind = simulated ? "simulated streamSummary" : "streamSummary";
    const ended = simulated ? "(simulated streamEnd)" : "(stream ended)";
    const when = books.final.ended ? `final ${kind} ${ended}` : `last ${kind} from the daemon`;
    section.append(el("h3", `${when} at ${clock((books.final.ts || 0) / 1000)}`));
    const final = summaryBlock(books.final);
    final.classList.add("final");
    section.append(final);
  }
  return section;
}

function renderLedger() {
  const box = $("ledger");
  box.replaceChildren();
  for (const [room, books] of Object.entries(page.view.ledger)) {
    const section = el("div");
    section.dataset.room = room;
    if (books.real) section.append(booksBlock(room, books.real, false));
    if (books.simulated) section.append(booksBlock(room, books.simulated, true));
    box.append(section);
  }
  if (!box.childElementCount) box.append(el("p", "no gifts, likes or viewers yet", "muted"));
}

// ------------------------------------------------------------ rules

function describeTrigger(trigger) {
  if (!trigger) return "";
  const { on, ...rest } = trigger;
  const details = Object.entries(rest).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`);
  return [on, ...details].join(" ");
}

function renderRules() {
  const view = page.view;
  const body = $("rules").tBodies[0];
  body.replaceChildren();
  for (const rule of view.rules) {
    const row = el("tr");
    const fired = rule.lastFired ? `${Math.max(0, view.now - rule.lastFired / 1000).toFixed(0)} s ago` : "never";
    row.append(el("td", rule.name), el("td", describeTrigger(rule.trigger)), el("td", num(rule.fired), "num"),
      el("td", fired), el("td", num(rule.dropped), "num"), el("td", num(rule.queued), "num"));
    body.append(row);
  }
  $("rules-error").textContent = view.rulesError ? `rules: ${view.rulesError}` : "";
  const result = $("reload-result");
  const reload = view.reload;
  if (!reload) {
    result.className = "result muted";
    result.textContent = view.rules.length ? "no reload since the console started" : "no rules loaded";
  } else if (reload.ok) {
    result.className = "result ok";
    result.textContent = `reloaded at ${clock(reload.at)}: ${reload.rules} rules active`;
  } else {
    result.className = "result bad";
    result.textContent = `reload failed at ${clock(reload.at)}, the previous ${reload.rules} rules stay active:\n${reload.error}`;
  }
}

$("reload").onclick = async () => {
  const reply = await control({ cmd: "reload" });
  if (!reply.ok) showResult($("reload-result"), reply, "");
};

// ------------------------------------------------------------ simulate (forms from the contract)

function inputFor(field, value, structs) {
  const type = field.type;
  if (structs[type]) {
    const set = el("fieldset");
    set.append(el("legend", `${field.name} (${type})`));
    for (const sub of structs[type].fields) {
      if (!["str", "int", "float", "bool"].includes(sub.type)) continue;
      const input = inputFor(sub, value ? value[sub.name] : undefined, structs);
      input.dataset.parent = field.name;
      set.append(el("label", sub.name), input);
    }
    set.dataset.struct = field.name;
    return set;
  }
  let input;
  if (type === "bool") {
    input = el("select");
    input.append(new Option("(not set)", ""), new Option("true", "true"), new Option("false", "false"));
    if (value !== undefined) input.value = String(value);
  } else if (type === "str" || type === "int" || type === "float") {
    input = el("input");
    if (type !== "str") input.inputMode = "numeric";
    if (value !== undefined) input.value = String(value);
  } else {
    input = el("textarea");
    input.placeholder = `JSON (${type})`;
    if (value !== undefined) input.value = JSON.stringify(value);
  }
  input.name = field.name;
  input.dataset.type = type;
  input.title = field.doc || "";
  return input;
}

function buildForm() {
  const kind = $("sim-type").value;
  const spec = page.contract.events.find((e) => e.name === kind);
  const structs = Object.fromEntries(page.contract.structs.map((s) => [s.name, s]));
  const form = $("sim-form");
  form.replaceChildren();
  const defaults = page.defaults[kind] || {};
  for (const field of spec.fields) {
    const input = inputFor(field, defaults[field.name], structs);
    if (input.tagName === "FIELDSET") form.append(input);
    else form.append(el("label", field.name), input);
  }
}

function readValue(input) {
  const raw = input.value.trim();
  if (raw === "") return undefined;
  const type = input.dataset.type;
  if (type === "bool") return raw === "true";
  if (type === "int") {
    if (!/^-?\d+$/.test(raw)) throw new Error(`${input.name}: not an integer`);
    return raw;  // sent as text so that big ids stay exact; the console turns it into an integer
  }
  if (type === "float") {
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`${input.name}: not a number`);
    return value;
  }
  if (type === "str") return input.value;
  try { return JSON.parse(raw); } catch (error) { throw new Error(`${input.name}: not JSON (${error.message})`); }
}

function readForm() {
  const fields = {};
  for (const input of $("sim-form").querySelectorAll("input, select, textarea")) {
    const value = readValue(input);
    if (value === undefined) continue;
    if (input.dataset.parent) {
      fields[input.dataset.parent] = fields[input.dataset.parent] || {};
      fields[input.dataset.parent][input.name] = value;
    } else {
      fields[input.name] = value;
    }
  }
  return fields;
}

$("sim-send").onclick = async () => {
  const kind = $("sim-type").value;
  const results = $("sim-results");
  let fields;
  try { fields = readForm(); } catch (error) {
    results.prepend(el("li", `✗ ${kind}: ${error.message}`, "bad"));
    return;
  }
  const request = { cmd: "simulate", type: kind, fields };
  const room = $("sim-room").value.trim();
  if (room) request.room = room.replace(/^@/, "");
  const reply = await control(request);
  const item = reply.ok
    ? el("li", reply.result.room ? `✓ ${kind} published to @${reply.result.room} (seq ${reply.result.seq ?? "?"})`
      : `✓ ${kind} sent to ${Object.keys(reply.result).length} daemons`, "ok")
    : el("li", `✗ ${kind}: ${errorText(reply)}`, "bad");
  item.onclick = () => {
    const open = item.querySelector("pre");
    if (open) open.remove(); else item.append(el("pre", JSON.stringify(reply, null, 2)));
  };
  results.prepend(item);
};

async function loadContract() {
  const [contract, defaults] = await Promise.all([
    fetch("/contract.json").then((r) => r.json()), fetch("/api/defaults").then((r) => r.text())]);
  page.contract = contract;
  page.defaults = JSON.parse(defaults, exact);
  const select = $("sim-type");
  for (const spec of contract.events) {
    if (spec.name in page.defaults) select.append(new Option(spec.name, spec.name));
  }
  select.value = "gift";
  select.onchange = buildForm;
  buildForm();
}

// ------------------------------------------------------------ control requests

function errorText(reply) {
  const error = reply.error || {};
  return `${error.code || "error"}: ${error.message || "no message"}`;
}

function showResult(target, reply, okText) {
  target.className = "result " + (reply.ok ? "ok" : "bad");
  target.textContent = reply.ok ? okText : errorText(reply);
}

async function control(request) {
  const headers = { "Content-Type": "application/json" };
  const token = $("token").value || sessionStorage.getItem("bridgeToken") || "";
  if (token) {
    headers["X-Bridge-Token"] = token;
    sessionStorage.setItem("bridgeToken", token);
  }
  try {
    const response = await fetch("/api/control", { method: "POST", headers, body: JSON.stringify(request) });
    return JSON.parse(await response.text(), exact);
  } catch (error) {
    return { ok: false, error: { code: "unreachable", message: `the console did not answer (${error.message})` } };
  }
}

$("token-form").onsubmit = (e) => e.preventDefault();
loadContract().catch((error) => $("sim-results").append(el("li", `✗ cannot load the contract: ${error}`, "bad")));
connect();
