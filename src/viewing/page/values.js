// Values as colours and as short text on a neuron.
function approx(v) {
  const a = data.approximations[v];
  if (a === null) return data.values[v].startsWith("-") ? -Infinity : Infinity;
  return a;
}
function colourOf(v) {
  const a = approx(v);
  if (a === 0 || Number.isNaN(a)) return "#ffffff";
  const f = Number.isFinite(a) ? Math.min(1, (2 * Math.abs(a)) / (Math.abs(a) + 1)) : 1;
  const to = a > 0 ? [47, 111, 223] : [217, 65, 58];
  const mix = to.map((c) => Math.round(255 + (c - 255) * f));
  return `rgb(${mix[0]},${mix[1]},${mix[2]})`;
}
function inkOf(v) {
  const a = Math.abs(approx(v));
  return a > 0.45 ? "#ffffff" : "#1d232b";
}
function shortValue(v) {
  const text = data.values[v];
  if (text.length <= 9) return text;
  const a = data.approximations[v];
  if (a !== null && (a !== 0 || isZeroText(text))) return "≈" + Number(a.toPrecision(4)).toString();
  // Beyond the doubles (a real:P value of 1e400, a rational of thousands
  // of digits): the size from the exact text's digits.
  const size = decimalSize(text);
  if (size === null) return text.slice(0, 8) + "…";
  const exponent = Math.floor(size.log10);
  const mantissa = Math.pow(10, size.log10 - exponent);
  return `≈${size.negative ? "-" : ""}${mantissa.toFixed(3)}e${exponent}`;
}
function isZeroText(text) { return /^-?(0+\.?0*|\.0+)([eE][-+]?\d+)?$/.test(text); }
// log10 of a string of decimal digits, from its first 15 and its length.
function digitsLog(digits) {
  const d = digits.replace(/^0+/, "");
  if (d === "") return -Infinity;
  const head = d.slice(0, 15);
  return Math.log10(Number(head)) + (d.length - head.length);
}
// The sign and log10 of |value| of an exact text: p/q, or a decimal with an exponent.
function decimalSize(text) {
  let m = /^(-?)(\d+)\/(\d+)$/.exec(text);
  if (m) return { negative: m[1] === "-", log10: digitsLog(m[2]) - digitsLog(m[3]) };
  m = /^(-?)(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/.exec(text);
  if (m && (m[2] + m[3]).length > 0) {
    return { negative: m[1] === "-", log10: digitsLog(m[2] + m[3]) - m[3].length + Number(m[4] || 0) };
  }
  return null;
}
