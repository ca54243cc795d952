// The plot of the chosen neurons' values over time, with its legend.
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
