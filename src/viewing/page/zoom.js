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
