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
// The frame, the axes and the lines are drawn when the chosen neurons change;
// a move in time only moves the cursor and rewrites the legend, so that a
// step costs the same at t = 10 as in a run of 10^6 steps.
const PLOT = { W: 340, H: 200, L: 44, R: 8, TOP: 8, B: 20 };
let plotDrawnFor = null;  // the plotted neurons the lines were drawn for
let plotCursor = null;
function plotX(t) { return PLOT.L + ((PLOT.W - PLOT.L - PLOT.R) * t) / Math.max(1, T); }
// A line of at most a few points per pixel column: where a series changes
// more often than that, each column keeps its first, lowest, highest and
// last point, in order of time, which draws the same picture.
function columnPoints(points, toY) {
  const out = [];
  let column = null, bucket = [];
  const flush = () => {
    if (bucket.length <= 4) { out.push(...bucket); return; }
    let low = bucket[0], high = bucket[0];
    for (const p of bucket) { if (p[1] < low[1]) low = p; if (p[1] > high[1]) high = p; }
    const kept = [bucket[0], low, high, bucket[bucket.length - 1]].sort((a, b) => a[0] - b[0]);
    out.push(...kept.filter((p, k) => k === 0 || p !== kept[k - 1]));
  };
  points.forEach(([t, v], j) => {
    const end = j + 1 < points.length ? points[j + 1][0] : T;
    const a = toY(approx(v));
    for (const p of [[plotX(t), a], [plotX(end), a]]) {
      const c = Math.floor(p[0]);
      if (c !== column) { flush(); bucket = []; column = c; }
      bucket.push(p);
    }
  });
  flush();
  return out.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ");
}
function drawPlotLines(plot) {
  plot.replaceChildren();
  const { W, H, L, R, TOP, B } = PLOT;
  let lo = Infinity, hi = -Infinity;
  for (const i of plotted) for (const [, v] of seriesOf(i)) {
    const a = approx(v);
    if (Number.isFinite(a)) { lo = Math.min(lo, a); hi = Math.max(hi, a); }
  }
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  // Halves, so that hi - lo cannot overflow for values near the largest double.
  const halfSpan = hi / 2 - lo / 2 || 1;
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
    const label = text(plot, plotX(t), H - 6, "t = " + t, "");
    label.setAttribute("font-size", "10");
    label.setAttribute("text-anchor", anchorX);
  }
  plotted.forEach((i, k) => {
    element("polyline", { class: "series", "data-neuron": neurons[i].name, points: columnPoints(seriesOf(i), y),
      fill: "none", stroke: PALETTE[k % PALETTE.length], "stroke-width": 1.6 }, plot);
  });
  plotCursor = element("line", { y1: TOP, y2: H - B, stroke: "#f39c12", "stroke-width": 1.5 }, plot);
}
function drawPlot() {
  const plot = document.getElementById("plot");
  const key = plotted.join(",");
  if (plotDrawnFor !== key) {
    drawPlotLines(plot);
    plotDrawnFor = key;
  }
  plotCursor.setAttribute("x1", plotX(time));
  plotCursor.setAttribute("x2", plotX(time));
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  plotted.forEach((i, k) => {
    const row = document.createElement("div");
    const key = document.createElement("span");
    key.className = "key";
    key.style.background = PALETTE[k % PALETTE.length];
    row.appendChild(key);
    row.appendChild(document.createTextNode(`${neurons[i].name} = ${data.values[current[i]]}`));
    legend.appendChild(row);
  });
  document.getElementById("plot-hint").hidden = plotted.length > 0;
}
