// Painting the current state: colours and values on the drawing, the step
// controls, the line of what the step updated and the list of its changes.
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
