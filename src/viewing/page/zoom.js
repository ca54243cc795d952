// Zooming the drawing: its size in the window, and fitting it to the window.
let zoom = 1, drawnSize = { w: 0, h: 0 };  // drawnSize: set by draw()

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
// Scrolls the window to the leftmost drawn neuron (an input, in a layered
// drawing), so that opening every group of a large network shows neurons,
// not the empty corner of a drawing many windows wide.
function showFirstNeuron() {
  let first = null;
  for (const i of neuronNodes.keys()) {
    const b = boxes.get("n" + i);
    if (b && (first === null || b.x < first.x || (b.x === first.x && b.y < first.y))) first = b;
  }
  if (first === null) return;
  const wrap = document.getElementById("canvas-wrap");
  wrap.scrollLeft = Math.max(0, (first.x + 10) * zoom - 40);
  wrap.scrollTop = Math.max(0, (first.y + 10 + first.h / 2) * zoom - wrap.clientHeight / 2);
}
