// The trace viewer of nnsim view: draws the network of the page's data and
// replays its recorded computation (docs/viewing.md).  The data holds y(0)
// and, for each step, only the neurons it changed, with every distinct value
// once; a state is rebuilt from the nearest saved state (one every
// CHECKPOINT_EVERY steps), so stepping back costs as little as stepping on.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("nnsim-data").textContent);
  const neurons = data.neurons;
  const groups = data.groups;
  const T = data.change_offsets.length - 1;
  const SVG = "http://www.w3.org/2000/svg";
  const CHECKPOINT_EVERY = 256;

  // ---- states ----------------------------------------------------------
  const checkpoints = [Uint32Array.from(data.initial)];
  {
    const state = Uint32Array.from(data.initial);
    for (let t = 1; t <= T; ++t) {
      applyStep(state, t);
      if (t % CHECKPOINT_EVERY === 0) checkpoints.push(state.slice());
    }
  }
  function applyStep(state, t) {
    const changes = data.changes;
    for (let k = data.change_offsets[t - 1]; k < data.change_offsets[t]; ++k) {
      state[changes[2 * k]] = changes[2 * k + 1];
    }
  }
  function stateAt(t) {
    const base = Math.floor(t / CHECKPOINT_EVERY);
    const state = checkpoints[base].slice();
    for (let s = base * CHECKPOINT_EVERY + 1; s <= t; ++s) applyStep(state, s);
    return state;
  }
  // Neuron -> value index before step t changed it, for the neurons step t changed.
  function changesOf(t) {
    const out = [];
    if (t === 0) return out;
    for (let k = data.change_offsets[t - 1]; k < data.change_offsets[t]; ++k) {
      out.push([data.changes[2 * k], data.changes[2 * k + 1]]);
    }
    return out;
  }
  function selectedOf(t) {
    if (t === 0) return null;
    if (data.selected_all[t - 1]) return "all";
    return data.selected.slice(data.selected_offsets[t - 1], data.selected_offsets[t]);
  }

  let time = 0;
  let current = stateAt(0);
  let previous = null;      // y(time - 1), for the old values of the changes
  let changedNow = new Set();

  // ---- values as colours and text ---------------------------------------
  function approx(v) {
    const a = data.approximations[v];
    if (a === null) return data.values[v].startsWith("-") ? -Infinity : Infinity;
    return a;
  }
  function colourOf(v) {
    const a = approx(v);
    if (a === 0 || Number.isNaN(a)) return "#ffffff";
    const f = Number.isFinite(a) ? Math.min(1, (2 * Math.abs(a)) / (Math.abs(a) + 1)) : 1;
    const to = a > 0 ? [47, 111, 223] : [217, 65, 58];
    const mix = to.map((c) => Math.round(255 + (c - 255) * f));
    return `rgb(${mix[0]},${mix[1]},${mix[2]})`;
  }
  function inkOf(v) {
    const a = Math.abs(approx(v));
    return a > 0.45 ? "#ffffff" : "#1d232b";
  }
  function shortValue(v) {
    const text = data.values[v];
    if (text.length <= 9) return text;
    const a = data.approximations[v];
    if (a !== null && (a !== 0 || isZeroText(text))) return "≈" + Number(a.toPrecision(4)).toString();
    // Beyond the doubles (a real:P value of 1e400, a rational of thousands
    // of digits): the size from the exact text's digits.
    const size = decimalSize(text);
    if (size === null) return text.slice(0, 8) + "…";
    const exponent = Math.floor(size.log10);
    const mantissa = Math.pow(10, size.log10 - exponent);
    return `≈${size.negative ? "-" : ""}${mantissa.toFixed(3)}e${exponent}`;
  }
  function isZeroText(text) { return /^-?(0+\.?0*|\.0+)([eE][-+]?\d+)?$/.test(text); }
  // log10 of a string of decimal digits, from its first 15 and its length.
  function digitsLog(digits) {
    const d = digits.replace(/^0+/, "");
    if (d === "") return -Infinity;
    const head = d.slice(0, 15);
    return Math.log10(Number(head)) + (d.length - head.length);
  }
  // The sign and log10 of |value| of an exact text: p/q, or a decimal with an exponent.
  function decimalSize(text) {
    let m = /^(-?)(\d+)\/(\d+)$/.exec(text);
    if (m) return { negative: m[1] === "-", log10: digitsLog(m[2]) - digitsLog(m[3]) };
    m = /^(-?)(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/.exec(text);
    if (m && (m[2] + m[3]).length > 0) {
      return { negative: m[1] === "-", log10: digitsLog(m[2] + m[3]) - m[3].length + Number(m[4] || 0) };
    }
    return null;
  }

  // ---- groups -----------------------------------------------------------
  const open = new Set([0]);
  const startOpen = neurons.length <= 60;
  groups.forEach((g, i) => { if (startOpen) open.add(i); });
  // Each neuron's chain of groups, outermost first (0 is the whole network).
  const chains = neurons.map((n) => {
    const chain = [];
    for (let g = n.group; g !== null; g = groups[g].parent) chain.unshift(g);
    return chain;
  });
  // A neuron's visible item: the outermost closed group holding it, or itself.
  function visibleItem(n) {
    for (const g of chains[n]) if (!open.has(g)) return "g" + g;
    return "n" + n;
  }
  // The neurons inside each group, at any depth.
  const groupMembers = groups.map(() => []);
  chains.forEach((chain, i) => { for (const g of chain) groupMembers[g].push(i); });

  // ---- geometry ---------------------------------------------------------
  const NEURON = { w: 112, h: 38 };
  const CLOSED = { w: 170, h: 56 };
  const GAP_X = 64, GAP_Y = 12, PAD = 10, TITLE = 20;
  const boxes = new Map();   // item key -> {x, y, w, h}

  function itemKey(item) { return (item[0] ? "g" : "n") + item[1]; }
  // An item is [is_group, index, rank, order, ring_slot, ring_size]: the
  // items of one rank and order form one cell of the layers, either a single
  // item or a ring of them on a circle.
  function sizeOf(item) { return item[0] ? (open.has(item[1]) ? measure(item[1]) : CLOSED) : NEURON; }
  function ringRadius(members) {
    // Neighbours on the circle no closer than the larger box plus a gap.
    const widest = Math.max(...members.map((m) => Math.hypot(m.size.w, m.size.h)));
    return Math.max(40, (widest / 2 + 14) / Math.sin(Math.PI / members.length));
  }
  function cellsOf(g) {
    const columns = [];
    groups[g].items.forEach((item, k) => {
      const column = columns[item[2]] || (columns[item[2]] = new Map());
      const cell = column.get(item[3]) || { members: [] };
      cell.members.push({ item, k, size: sizeOf(item) });
      column.set(item[3], cell);
    });
    return columns.map((column) => [...column.entries()].sort((a, b) => a[0] - b[0]).map(([, cell]) => {
      if (cell.members.length === 1 && cell.members[0].item[4] < 0) {
        cell.w = cell.members[0].size.w;
        cell.h = cell.members[0].size.h;
      } else {
        cell.members.sort((a, b) => a.item[4] - b.item[4]);
        cell.radius = ringRadius(cell.members);
        cell.w = 2 * cell.radius + Math.max(...cell.members.map((m) => m.size.w));
        cell.h = 2 * cell.radius + Math.max(...cell.members.map((m) => m.size.h));
      }
      return cell;
    }));
  }
  function measure(g) {
    const columns = cellsOf(g);
    const widths = columns.map((cells) => Math.max(0, ...cells.map((c) => c.w)));
    const heights = columns.map((cells) => cells.reduce((sum, c) => sum + c.h + GAP_Y, 0));
    const contentW = widths.reduce((a, b) => a + b, 0) + GAP_X * Math.max(0, columns.length - 1);
    const contentH = Math.max(0, ...heights.map((h) => h - GAP_Y));
    const top = g === 0 ? 0 : TITLE;
    return { w: contentW + 2 * PAD, h: contentH + 2 * PAD + top, columns, widths, heights, top };
  }
  function place(g, x, y) {
    const m = measure(g);
    let cx = x + PAD;
    const contentH = m.h - 2 * PAD - m.top;
    m.columns.forEach((cells, r) => {
      let cy = y + PAD + m.top + (contentH - (m.heights[r] - GAP_Y)) / 2;
      for (const cell of cells) {
        const left = cx + (m.widths[r] - cell.w) / 2;
        for (const member of cell.members) {
          let bx = left, by = cy, ring = null;
          if (cell.radius !== undefined) {
            const angle = -Math.PI / 2 + (2 * Math.PI * member.item[4]) / cell.members.length;
            bx = left + cell.w / 2 + cell.radius * Math.cos(angle) - member.size.w / 2;
            by = cy + cell.h / 2 + cell.radius * Math.sin(angle) - member.size.h / 2;
            ring = `${g}:${r}:${member.item[3]}`;
          }
          boxes.set(itemKey(member.item), { x: bx, y: by, w: member.size.w, h: member.size.h, ring });
          if (member.item[0] && open.has(member.item[1])) place(member.item[1], bx, by);
        }
        cy += cell.h + GAP_Y;
      }
      cx += m.widths[r] + GAP_X;
    });
    return m;
  }

  // ---- drawing ----------------------------------------------------------
  const canvas = document.getElementById("canvas");
  let zoom = 1, drawnSize = { w: 0, h: 0 };
  const neuronNodes = new Map();  // neuron -> <g>
  const groupNodes = new Map();   // closed group -> <g>
  const openGroupNodes = new Map();

  function element(name, attributes, parent) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, content, cls) {
    const t = element("text", { x, y, class: cls }, parent);
    t.textContent = content;
    return t;
  }
  function clip(name, room) {
    return name.length <= room ? name : name.slice(0, room - 1) + "…";
  }

  function draw() {
    boxes.clear();
    neuronNodes.clear();
    groupNodes.clear();
    openGroupNodes.clear();
    canvas.replaceChildren();
    const size = place(0, 0, 0);
    drawnSize = { w: size.w + 20, h: size.h + 20 };
    const defs = element("defs", {}, canvas);
    for (const [id, colour] of [["pos", "#2f6fdf"], ["neg", "#d9413a"], ["mix", "#8a8f96"]]) {
      const marker = element("marker", { id: "arrow-" + id, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 8, markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      element("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour }, marker);
    }
    const root = element("g", { transform: "translate(10,10)" }, canvas);
    const boxLayer = element("g", {}, root);
    const edgeLayer = element("g", {}, root);
    const nodeLayer = element("g", {}, root);

    // Open groups: a box with a title, under everything.
    groups.forEach((g, i) => {
      if (i === 0 || !open.has(i) || !boxes.has("g" + i) || !isShown(i)) return;
      const b = boxes.get("g" + i);
      const node = element("g", { class: "group open", "data-group": g.name }, boxLayer);
      element("rect", { class: "box", x: b.x, y: b.y, width: b.w, height: b.h, rx: 6 }, node);
      const title = text(node, b.x + 8, b.y + 15, `${g.name}  (${g.count}) ▾`, "group-title");
      title.addEventListener("click", (event) => { event.stopPropagation(); closeGroup(i); });
      openGroupNodes.set(i, node);
    });

    // Edges between visible items, merged when several run between the same two.
    const merged = new Map();
    for (const [from, to, sign, size, weightText] of data.edges) {
      const a = visibleItem(from), b = visibleItem(to);
      // Inside a closed group: not drawn.  A neuron's edge to itself: a loop.
      if (a === b && (from !== to || a.startsWith("g"))) continue;
      const key = a + ">" + b;
      const e = merged.get(key) || { a, b, positive: 0, negative: 0, other: 0, largest: 0, weights: [] };
      if (sign === 1) e.positive++; else if (sign === -1) e.negative++; else e.other++;
      e.largest = Math.max(e.largest, size === null ? Infinity : size);
      if (e.weights.length < 6) {
        e.weights.push(`${neurons[from].name} → ${neurons[to].name}: ` + (sign === 2 ? "a distance argument" : `weight ${weightText}`));
      }
      merged.set(key, e);
    }
    for (const e of merged.values()) drawEdge(edgeLayer, e);

    // Closed groups and neurons.
    groups.forEach((g, i) => {
      if (i === 0 || open.has(i) || !boxes.has("g" + i) || !isShown(i)) return;
      const b = boxes.get("g" + i);
      const node = element("g", { class: "group", "data-group": g.name, transform: `translate(${b.x},${b.y})` }, nodeLayer);
      element("rect", { class: "box", width: b.w, height: b.h, rx: 6 }, node);
      text(node, 8, 17, clip(g.name, 17) + " ▸", "group-title");
      text(node, b.w - 8, 17, "", "group-changed").setAttribute("text-anchor", "end");
      text(node, 8, 33, "", "group-info");
      // One cell per member, coloured by its value: the group's pattern at a glance.
      const strip = element("g", { class: "strip", transform: "translate(8,40)" }, node);
      const cell = (b.w - 16) / groupMembers[i].length;
      groupMembers[i].forEach((n, k) => element("rect", { x: k * cell, width: Math.max(cell, 0.6), height: 9 }, strip));
      node.addEventListener("click", () => openGroup(i));
      node.addEventListener("mousemove", (event) => showTooltip(event, groupTooltip(i)));
      node.addEventListener("mouseleave", hideTooltip);
      groupNodes.set(i, node);
    });
    neurons.forEach((n, i) => {
      if (visibleItem(i) !== "n" + i) return;
      const b = boxes.get("n" + i);
      const classes = ["neuron"];
      if (n.input) classes.push("input");
      if (n.output) classes.push("output");
      const node = element("g", { class: classes.join(" "), "data-neuron": n.name, transform: `translate(${b.x},${b.y})` }, nodeLayer);
      if (n.output) element("rect", { class: "outer", x: -3, y: -3, width: b.w + 6, height: b.h + 6, rx: 7 }, node);
      element("rect", { class: "body", width: b.w, height: b.h, rx: 5 }, node);
      text(node, 6, 14, clip(n.name, 17), "name");
      text(node, 6, 31, "", "value");
      node.addEventListener("click", () => togglePlot(i));
      node.addEventListener("mousemove", (event) => showTooltip(event, neuronTooltip(i)));
      node.addEventListener("mouseleave", hideTooltip);
      neuronNodes.set(i, node);
    });
    applyZoom();
    paint();
  }
  // Whether every group around group g is open (g itself may be closed).
  function isShown(g) {
    for (let p = groups[g].parent; p !== null; p = groups[p].parent) if (!open.has(p)) return false;
    return true;
  }
  function anchor(key) { return boxes.get(key); }
  // How far from a box's centre its border is, in the direction (ux, uy).
  function boundary(box, ux, uy) {
    const across = Math.abs(ux) > 1e-9 ? box.w / 2 / Math.abs(ux) : Infinity;
    const down = Math.abs(uy) > 1e-9 ? box.h / 2 / Math.abs(uy) : Infinity;
    return Math.min(across, down) + 2;
  }
  function drawEdge(layer, e) {
    const s = anchor(e.a), t = anchor(e.b);
    if (!s || !t) return;
    // Grey: weights of both signs merged, zero weights or distance arguments.
    const kind = e.other || (e.negative && e.positive) ? "mix" : e.negative ? "neg" : "pos";
    const colour = kind === "pos" ? "#2f6fdf" : kind === "neg" ? "#d9413a" : "#8a8f96";
    const width = Math.min(4, 0.8 + Math.log2(1 + Math.min(e.largest, 1e6)) * 0.8);
    let d;
    if (s.ring !== null && s.ring === t.ring && e.a !== e.b) {
      // A chord of a ring: straight, from box edge to box edge, shifted a
      // little to its right so that the edges of a pair both show.
      const [x1, y1] = [s.x + s.w / 2, s.y + s.h / 2], [x2, y2] = [t.x + t.w / 2, t.y + t.h / 2];
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
      const [ox, oy] = [-uy * 4, ux * 4];
      const out = boundary(s, ux, uy), into = boundary(t, -ux, -uy);
      d = `M ${x1 + ux * out + ox} ${y1 + uy * out + oy} L ${x2 - ux * into + ox} ${y2 - uy * into + oy}`;
    } else if (e.a === e.b) {
      const x = s.x + s.w, y = s.y + s.h / 2;
      d = `M ${x} ${y - 6} C ${x + 26} ${y - 26}, ${x + 26} ${y + 26}, ${x} ${y + 6}`;
    } else if (t.x > s.x + s.w) {
      const x1 = s.x + s.w, y1 = s.y + s.h / 2, x2 = t.x, y2 = t.y + t.h / 2;
      const bend = Math.max(20, (x2 - x1) / 2);
      d = `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
    } else {
      // Backwards or within a column: out of the right side, into the left one, around.
      const x1 = s.x + s.w, y1 = s.y + s.h / 2, x2 = t.x, y2 = t.y + t.h / 2;
      const dip = Math.max(30, Math.abs(y2 - y1) / 3);
      d = `M ${x1} ${y1} C ${x1 + 50} ${y1 + dip}, ${x2 - 50} ${y2 + dip}, ${x2} ${y2}`;
    }
    const path = element("path", { class: "edge", d, stroke: colour, "stroke-width": width.toFixed(2),
      "stroke-opacity": kind === "mix" ? 0.55 : 0.7, "marker-end": `url(#arrow-${kind})` }, layer);
    // The weights, exact, as the edge's own tooltip.
    const count = e.positive + e.negative + e.other;
    element("title", {}, path).textContent =
      e.weights.join("\n") + (count > e.weights.length ? `\n… ${count - e.weights.length} more` : "");
  }

  // ---- painting the current state --------------------------------------
  function paint() {
    for (const [i, node] of neuronNodes) {
      const v = current[i];
      node.setAttribute("data-value", data.values[v]);
      node.querySelector("rect.body").setAttribute("fill", colourOf(v));
      node.classList.toggle("changed", changedNow.has(i));
      node.classList.toggle("plotted", plotted.includes(i));
      const label = node.querySelectorAll("text");
      label[0].setAttribute("fill", inkOf(v));
      label[1].setAttribute("fill", inkOf(v));
      label[1].textContent = shortValue(v);
    }
    for (const [g, node] of groupNodes) {
      const members = groupMembers[g];
      let nonzero = 0, changed = 0;
      for (const i of members) {
        if (!isZeroText(data.values[current[i]])) nonzero++;
        if (changedNow.has(i)) changed++;
      }
      const cells = node.querySelectorAll(".strip rect");
      members.forEach((n, k) => cells[k].setAttribute("fill", colourOf(current[n])));
      node.querySelector(".group-info").textContent = `${members.length} neurons, ${nonzero} ≠ 0`;
      node.querySelector(".group-changed").textContent = changed ? `${changed} changed` : "";
      node.classList.toggle("changed", changed > 0);
    }
    document.getElementById("time").textContent = String(time);
    const slider = document.getElementById("step-slider");
    if (Number(slider.value) !== time) slider.value = String(time);
    document.getElementById("back").disabled = time === 0;
    document.getElementById("first").disabled = time === 0;
    document.getElementById("forward").disabled = time === T;
    document.getElementById("last").disabled = time === T;
    const verdict = document.getElementById("verdict");
    verdict.classList.toggle("reached", time === T && data.verdict.status !== "undecided");
    showUpdated();
    showChanges();
    drawPlot();
  }
  function names(list, limit) {
    const shown = list.slice(0, limit).map((i) => neurons[i].name);
    return shown.join(", ") + (list.length > limit ? `, … (${list.length} in all)` : "");
  }
  function showUpdated() {
    const selected = selectedOf(time);
    let line;
    if (selected === null) line = "y(0), the initial state";
    else if (selected === "all") line = `step ${time - 1} updated every neuron with an equation`;
    else if (selected.length === 0) line = `step ${time - 1} updated no neuron`;
    else line = `step ${time - 1} updated ${names(Array.from(selected), 12)}`;
    if (data.verdict.status === "diverges" && time === data.verdict.cycle_start) line += ` · the cycle starts here: y(${time}) = y(${T})`;
    if (data.verdict.status === "diverges" && time === T) line += ` · y(${T}) = y(${data.verdict.cycle_start}): the computation repeats`;
    if (data.verdict.status === "halted" && time === T) line += ` · y(${T}) is a fixed point: halted`;
    document.getElementById("updated").textContent = line;
  }
  function showChanges() {
    const list = document.getElementById("changes");
    list.replaceChildren();
    const changes = changesOf(time);
    if (changes.length === 0) {
      const li = document.createElement("li");
      li.textContent = time === 0 ? "(the initial state)" : "(nothing changed)";
      list.appendChild(li);
      return;
    }
    for (const [i, v] of changes.slice(0, 200)) {
      const li = document.createElement("li");
      li.textContent = `${neurons[i].name}: ${data.values[previous[i]]} → ${data.values[v]}`;
      li.title = li.textContent;
      list.appendChild(li);
    }
    if (changes.length > 200) {
      const li = document.createElement("li");
      li.textContent = `… ${changes.length - 200} more`;
      list.appendChild(li);
    }
  }

  // ---- moving in time ---------------------------------------------------
  function go(t) {
    t = Math.max(0, Math.min(T, Math.round(t)));
    if (t === time + 1) {
      previous = current.slice();
      applyStep(current, t);
    } else if (t !== time) {
      current = stateAt(t);
      previous = t > 0 ? stateAt(t - 1) : null;
    }
    time = t;
    changedNow = new Set(changesOf(t).map(([i]) => i));
    paint();
  }
  let player = null;
  function play() {
    if (player !== null) { pause(); return; }
    if (time === T) go(0);
    const speed = Number(document.getElementById("speed").value);
    player = setInterval(() => { if (time >= T) pause(); else go(time + 1); }, 1000 / speed);
    document.getElementById("play").textContent = "❚❚ pause";
  }
  function pause() {
    if (player !== null) clearInterval(player);
    player = null;
    document.getElementById("play").textContent = "▶ play";
  }
  function openGroup(g) { open.add(g); hideTooltip(); draw(); }
  function closeGroup(g) {
    open.delete(g);
    groups.forEach((x, i) => { if (i !== 0 && groupMembers[i].every((n) => chains[n].includes(g))) open.delete(i); });
    hideTooltip();
    draw();
  }

  // ---- plot -------------------------------------------------------------
  const plotted = [];
  const PALETTE = ["#2f6fdf", "#d9413a", "#1f8a3b", "#8e44ad", "#e67e22", "#16a085", "#c0392b", "#34495e"];
  const series = new Map();
  function seriesOf(i) {
    if (series.has(i)) return series.get(i);
    // The steps at which neuron i changes, and its value from then on.
    const points = [[0, data.initial[i]]];
    for (let t = 1; t <= T; ++t) {
      for (let k = data.change_offsets[t - 1]; k < data.change_offsets[t]; ++k) {
        if (data.changes[2 * k] === i) points.push([t, data.changes[2 * k + 1]]);
      }
    }
    series.set(i, points);
    return points;
  }
  function togglePlot(i) {
    const at = plotted.indexOf(i);
    if (at >= 0) plotted.splice(at, 1); else plotted.push(i);
    paint();
  }
  function drawPlot() {
    const plot = document.getElementById("plot");
    plot.replaceChildren();
    const W = 340, H = 200, L = 44, R = 8, TOP = 8, B = 20;
    let lo = Infinity, hi = -Infinity;
    for (const i of plotted) for (const [, v] of seriesOf(i)) {
      const a = approx(v);
      if (Number.isFinite(a)) { lo = Math.min(lo, a); hi = Math.max(hi, a); }
    }
    if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
    if (lo === hi) { lo -= 0.5; hi += 0.5; }
    // Halves, so that hi - lo cannot overflow for values near the largest double.
    const halfSpan = hi / 2 - lo / 2 || 1;
    const span = Math.max(1, T);
    const x = (t) => L + ((W - L - R) * t) / span;
    const y = (a) => TOP + (H - TOP - B) * (1 - (Math.max(lo, Math.min(hi, a)) / 2 - lo / 2) / halfSpan);
    element("line", { x1: L, y1: TOP, x2: L, y2: H - B, stroke: "#aab" }, plot);
    element("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#aab" }, plot);
    for (const [a, anchorY] of [[hi, "hanging"], [lo, "auto"]]) {
      const label = text(plot, L - 4, a === hi ? TOP : H - B, Number(a.toPrecision(3)).toString(), "");
      label.setAttribute("text-anchor", "end");
      label.setAttribute("font-size", "10");
      label.setAttribute("dominant-baseline", anchorY);
    }
    for (const [t, anchorX] of [[0, "start"], [T, "end"]]) {
      const label = text(plot, x(t), H - 6, "t = " + t, "");
      label.setAttribute("font-size", "10");
      label.setAttribute("text-anchor", anchorX);
    }
    element("line", { x1: x(time), y1: TOP, x2: x(time), y2: H - B, stroke: "#f39c12", "stroke-width": 1.5 }, plot);
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    plotted.forEach((i, k) => {
      const colour = PALETTE[k % PALETTE.length];
      const points = seriesOf(i);
      const coordinates = [];
      points.forEach(([t, v], j) => {
        const a = approx(v);
        const end = j + 1 < points.length ? points[j + 1][0] : T;
        coordinates.push(`${x(t).toFixed(1)},${y(a).toFixed(1)}`, `${x(end).toFixed(1)},${y(a).toFixed(1)}`);
      });
      element("polyline", { class: "series", "data-neuron": neurons[i].name, points: coordinates.join(" "),
        fill: "none", stroke: colour, "stroke-width": 1.6 }, plot);
      const row = document.createElement("div");
      const key = document.createElement("span");
      key.className = "key";
      key.style.background = colour;
      row.appendChild(key);
      row.appendChild(document.createTextNode(`${neurons[i].name} = ${data.values[current[i]]}`));
      legend.appendChild(row);
    });
    document.getElementById("plot-hint").hidden = plotted.length > 0;
  }

  // ---- tooltips ---------------------------------------------------------
  const tooltip = document.getElementById("tooltip");
  function neuronTooltip(i) {
    const n = neurons[i];
    const lines = [`${n.name} = ${data.values[current[i]]}`];
    if (n.input) lines.push("an input");
    if (n.output) lines.push("an output");
    if (n.equation) lines.push(n.equation); else if (!n.input) lines.push("(no equation: keeps its value)");
    if (n.init !== undefined) lines.push(`init ${n.name} = ${n.init}`);
    if (changedNow.has(i)) lines.push(`step ${time - 1} changed it from ${data.values[previous[i]]}`);
    return lines.join("\n");
  }
  function groupTooltip(g) {
    const lines = [`${groups[g].name}: ${groups[g].count} neurons (click to open)`];
    const changed = groupMembers[g].filter((i) => changedNow.has(i));
    if (changed.length > 0) lines.push(`changed by step ${time - 1}:`);
    for (const i of changed.slice(0, 12)) {
      lines.push(`  ${neurons[i].name}: ${data.values[previous[i]]} → ${data.values[current[i]]}`);
    }
    if (changed.length > 12) lines.push(`  … ${changed.length - 12} more`);
    return lines.join("\n");
  }
  function showTooltip(event, content) {
    tooltip.textContent = content;
    tooltip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    const y = Math.min(event.clientY + 14, window.innerHeight - tooltip.offsetHeight - 8);
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = Math.max(4, y) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  // ---- zoom -------------------------------------------------------------
  function applyZoom() {
    canvas.setAttribute("width", Math.ceil(drawnSize.w * zoom));
    canvas.setAttribute("height", Math.ceil(drawnSize.h * zoom));
    canvas.setAttribute("viewBox", `0 0 ${drawnSize.w} ${drawnSize.h}`);
  }
  function fit() {
    const wrap = document.getElementById("canvas-wrap");
    zoom = Math.min(1.5, (wrap.clientWidth - 4) / drawnSize.w, (wrap.clientHeight - 4) / drawnSize.h);
    applyZoom();
  }

  // ---- wiring -----------------------------------------------------------
  document.title = data.title + " · nnsim view";
  document.getElementById("title").textContent = data.title;
  document.getElementById("lines").textContent = data.lines.join(" · ");
  document.getElementById("verdict").textContent = data.verdict.lines.join("\n");
  const slider = document.getElementById("step-slider");
  slider.max = String(T);
  document.getElementById("time-max").textContent = String(T);
  slider.addEventListener("input", () => { pause(); go(Number(slider.value)); });
  slider.addEventListener("change", () => { pause(); go(Number(slider.value)); });
  const last = document.getElementById("last");
  if (data.verdict.status === "halted") last.textContent = "halt ▶|";
  const toCycle = document.getElementById("to-cycle");
  toCycle.disabled = data.verdict.status !== "diverges";
  if (data.verdict.status === "diverges") toCycle.textContent = `cycle start (t = ${data.verdict.cycle_start})`;
  const on = (id, action) => document.getElementById(id).addEventListener("click", action);
  on("first", () => { pause(); go(0); });
  on("back", () => { pause(); go(time - 1); });
  on("forward", () => { pause(); go(time + 1); });
  on("last", () => { pause(); go(T); });
  on("to-cycle", () => { pause(); go(data.verdict.cycle_start); });
  on("play", play);
  on("open-all", () => { groups.forEach((g, i) => open.add(i)); draw(); });
  on("close-all", () => { open.clear(); open.add(0); draw(); });
  on("zoom-in", () => { zoom *= 1.25; applyZoom(); });
  on("zoom-out", () => { zoom /= 1.25; applyZoom(); });
  on("zoom-fit", fit);
  document.getElementById("speed").addEventListener("change", () => { if (player !== null) { pause(); play(); } });
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const actions = {
      ArrowRight: () => go(time + 1), ArrowLeft: () => go(time - 1), Home: () => go(0), End: () => go(T),
      " ": () => play(), c: () => { if (data.verdict.status === "diverges") go(data.verdict.cycle_start); },
      "+": () => { zoom *= 1.25; applyZoom(); }, "-": () => { zoom /= 1.25; applyZoom(); }, 0: fit,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    if (event.key !== " ") pause();
    action();
  });
  // The address may ask for a view: trace.html#t=120&open=all&plot=y,tm.q0
  // (open: all, or group names; plot: neuron names), for links and pictures.
  function readAddress() {
    const asked = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    if (asked.has("open")) {
      const names = asked.get("open").split(",");
      groups.forEach((g, i) => {
        if (!names.includes("all") && !names.includes(g.name)) return;
        for (let p = i; p !== null; p = groups[p].parent) open.add(p);   // and the groups around it
      });
    }
    if (asked.has("plot")) {
      plotted.length = 0;
      for (const name of asked.get("plot").split(",")) {
        const i = neurons.findIndex((n) => n.name === name);
        if (i >= 0 && !plotted.includes(i)) plotted.push(i);
      }
    }
    fitAtStart = asked.get("zoom") === "fit";
    return asked.has("t") ? Number(asked.get("t")) : 0;
  }
  // The outputs are plotted to begin with.
  neurons.forEach((n, i) => { if (n.output) plotted.push(i); });
  let fitAtStart = false;
  const start = readAddress();
  draw();
  if (fitAtStart) fit();
  go(Number.isFinite(start) ? start : 0);
})();
