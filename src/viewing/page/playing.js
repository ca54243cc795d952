// Moving in time: one step, a jump, or playing at the chosen speed.
function go(t) {
  t = Math.max(0, Math.min(T, Math.round(t)));
  if (t === time + 1) {
    previous = current.slice();
    applyStep(current, t);
  } else if (t !== time) {
    current = stateAt(t);
    previous = t > 0 ? stateAt(t - 1) : null;
  }
  time = t;
  changedNow = new Set(changesOf(t).map(([i]) => i));
  paint();
}
let player = null;
function play() {
  if (player !== null) { pause(); return; }
  if (time === T) go(0);
  const speed = Number(document.getElementById("speed").value);
  player = setInterval(() => { if (time >= T) pause(); else go(time + 1); }, 1000 / speed);
  document.getElementById("play").textContent = "❚❚ pause";
}
function pause() {
  if (player !== null) clearInterval(player);
  player = null;
  document.getElementById("play").textContent = "▶ play";
}
