// The page's controls wired to the parts before, then the first drawing at
// the view the address asks for.
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
on("open-all", () => { groups.forEach((g, i) => open.add(i)); draw(); showFirstNeuron(); });
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
// The outputs are plotted to begin with.
neurons.forEach((n, i) => { if (n.output) plotted.push(i); });
const start = readAddress();
draw();
if (fitAtStart) fit();
go(Number.isFinite(start) ? start : 0);
