// Where each visible item is drawn: sizes of neurons and closed groups,
// open groups measured from their layers of cells, boxes placed recursively.
const NEURON = { w: 112, h: 38 };
const CLOSED = { w: 170, h: 56 };
const GAP_X = 64, GAP_Y = 12, PAD = 10, TITLE = 20;
const boxes = new Map();   // item key -> {x, y, w, h}

function itemKey(item) { return (item[0] ? "g" : "n") + item[1]; }
// An item is [is_group, index, rank, order, ring_slot, ring_size]: the
// items of one rank and order form one cell of the layers, either a single
// item or a ring of them on a circle.
function sizeOf(item) { return item[0] ? (open.has(item[1]) ? measure(item[1]) : CLOSED) : NEURON; }
function ringRadius(members) {
  // Neighbours on the circle no closer than the larger box plus a gap.
  const widest = Math.max(...members.map((m) => Math.hypot(m.size.w, m.size.h)));
  return Math.max(40, (widest / 2 + 14) / Math.sin(Math.PI / members.length));
}
function cellsOf(g) {
  const columns = [];
  groups[g].items.forEach((item, k) => {
    const column = columns[item[2]] || (columns[item[2]] = new Map());
    const cell = column.get(item[3]) || { members: [] };
    cell.members.push({ item, k, size: sizeOf(item) });
    column.set(item[3], cell);
  });
  return columns.map((column) => [...column.entries()].sort((a, b) => a[0] - b[0]).map(([, cell]) => {
    if (cell.members.length === 1 && cell.members[0].item[4] < 0) {
      cell.w = cell.members[0].size.w;
      cell.h = cell.members[0].size.h;
    } else {
      cell.members.sort((a, b) => a.item[4] - b.item[4]);
      cell.radius = ringRadius(cell.members);
      cell.w = 2 * cell.radius + Math.max(...cell.members.map((m) => m.size.w));
      cell.h = 2 * cell.radius + Math.max(...cell.members.map((m) => m.size.h));
    }
    return cell;
  }));
}
function measure(g) {
  const columns = cellsOf(g);
  const widths = columns.map((cells) => Math.max(0, ...cells.map((c) => c.w)));
  const heights = columns.map((cells) => cells.reduce((sum, c) => sum + c.h + GAP_Y, 0));
  const contentW = widths.reduce((a, b) => a + b, 0) + GAP_X * Math.max(0, columns.length - 1);
  const contentH = Math.max(0, ...heights.map((h) => h - GAP_Y));
  const top = g === 0 ? 0 : TITLE;
  return { w: contentW + 2 * PAD, h: contentH + 2 * PAD + top, columns, widths, heights, top };
}
function place(g, x, y) {
  const m = measure(g);
  let cx = x + PAD;
  const contentH = m.h - 2 * PAD - m.top;
  m.columns.forEach((cells, r) => {
    let cy = y + PAD + m.top + (contentH - (m.heights[r] - GAP_Y)) / 2;
    for (const cell of cells) {
      const left = cx + (m.widths[r] - cell.w) / 2;
      for (const member of cell.members) {
        let bx = left, by = cy, ring = null;
        if (cell.radius !== undefined) {
          const angle = -Math.PI / 2 + (2 * Math.PI * member.item[4]) / cell.members.length;
          bx = left + cell.w / 2 + cell.radius * Math.cos(angle) - member.size.w / 2;
          by = cy + cell.h / 2 + cell.radius * Math.sin(angle) - member.size.h / 2;
          ring = `${g}:${r}:${member.item[3]}`;
        }
        boxes.set(itemKey(member.item), { x: bx, y: by, w: member.size.w, h: member.size.h, ring });
        if (member.item[0] && open.has(member.item[1])) place(member.item[1], bx, by);
      }
      cy += cell.h + GAP_Y;
    }
    cx += m.widths[r] + GAP_X;
  });
  return m;
}
