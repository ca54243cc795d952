// Drawing the network in the SVG canvas: open groups, merged edges, closed
// groups and neurons, each with its events.
const SVG = "http://www.w3.org/2000/svg";
const canvas = document.getElementById("canvas");
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
