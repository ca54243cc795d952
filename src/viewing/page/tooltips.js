// The tooltips of neurons and closed groups: exact values and what changed.
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
