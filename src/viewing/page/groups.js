// The groups of neurons (dotted prefixes of their names): which are open,
// which neurons each holds, and opening and closing one.
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

function openGroup(g) { open.add(g); hideTooltip(); draw(); }
function closeGroup(g) {
  open.delete(g);
  groups.forEach((x, i) => { if (i !== 0 && groupMembers[i].every((n) => chains[n].includes(g))) open.delete(i); });
  hideTooltip();
  draw();
}
