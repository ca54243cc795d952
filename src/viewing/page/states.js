// The recorded computation (trace_page.cpp writes the data): y(0) and, for
// each step, only the neurons it changed, with every distinct value once.  A
// state is rebuilt from the nearest saved state (one every CHECKPOINT_EVERY
// steps), so stepping back costs as little as stepping on.  The time shown
// and the states around it are kept here too.
const data = JSON.parse(document.getElementById("nnsim-data").textContent);
const neurons = data.neurons;
const groups = data.groups;
const T = data.change_offsets.length - 1;
const CHECKPOINT_EVERY = 256;


// ---- states ----------------------------------------------------------
const checkpoints = [Uint32Array.from(data.initial)];
{
  const state = Uint32Array.from(data.initial);
  for (let t = 1; t <= T; ++t) {
    applyStep(state, t);
    if (t % CHECKPOINT_EVERY === 0) checkpoints.push(state.slice());
  }
}
function applyStep(state, t) {
  const changes = data.changes;
  for (let k = data.change_offsets[t - 1]; k < data.change_offsets[t]; ++k) {
    state[changes[2 * k]] = changes[2 * k + 1];
  }
}
function stateAt(t) {
  const base = Math.floor(t / CHECKPOINT_EVERY);
  const state = checkpoints[base].slice();
  for (let s = base * CHECKPOINT_EVERY + 1; s <= t; ++s) applyStep(state, s);
  return state;
}
// Neuron -> value index before step t changed it, for the neurons step t changed.
function changesOf(t) {
  const out = [];
  if (t === 0) return out;
  for (let k = data.change_offsets[t - 1]; k < data.change_offsets[t]; ++k) {
    out.push([data.changes[2 * k], data.changes[2 * k + 1]]);
  }
  return out;
}
function selectedOf(t) {
  if (t === 0) return null;
  if (data.selected_all[t - 1]) return "all";
  return data.selected.slice(data.selected_offsets[t - 1], data.selected_offsets[t]);
}

let time = 0;
let current = stateAt(0);
let previous = null;      // y(time - 1), for the old values of the changes
let changedNow = new Set();
