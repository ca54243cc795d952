// The address may ask for a view: trace.html#t=120&open=all&plot=y,tm.q0
// (open: all, or group names; plot: neuron names), for links and pictures.
let fitAtStart = false;  // #zoom=fit: fit the drawing to the window once drawn
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
