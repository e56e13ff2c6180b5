// The QR code encoder of the assignment builder (page for therapists): the link holds a
// therapist's note, so its code is made in the browser, never by a server. Byte mode,
// error correction level M, versions 1 to 20 (up to 666 bytes). It makes the same symbol
// as the Go library the build draws worksheets' codes with (github.com/skip2/go-qrcode),
// including its choice of mask; internal/render's TestQREncoderMatchesGo checks it.
//
// encode.js: the data, its blocks and their error correction; self.iptQR, the entry point.

// BLOCKS[v] = [error correction codewords per block, blocks of the first group, data
// codewords in each, blocks of the second group (each one data codeword more)]
const BLOCKS = [null, [10, 1, 16, 0], [16, 1, 28, 0], [26, 1, 44, 0], [18, 2, 32, 0], [24, 2, 43, 0],
  [16, 4, 27, 0], [18, 4, 31, 0], [22, 2, 38, 2], [22, 3, 36, 2], [26, 4, 43, 1], [30, 1, 50, 4],
  [22, 6, 36, 2], [22, 8, 37, 1], [24, 4, 40, 5], [24, 5, 41, 5], [28, 7, 45, 3], [28, 10, 46, 1],
  [26, 9, 43, 4], [26, 3, 44, 11], [26, 3, 41, 13]];
const dataWords = (v) => { const [, n1, d1, n2] = BLOCKS[v]; return n1 * d1 + n2 * (d1 + 1); };

// codewords returns the data of text in the smallest version that holds it, padded,
// split into blocks, with their error correction, interleaved: {version, bits}.
function codewords(text) {
  const bytes = new TextEncoder().encode(text);
  let v = 1;
  const need = (v) => 4 + (v < 10 ? 8 : 16) + 8 * bytes.length;
  while (v < BLOCKS.length && need(v) > 8 * dataWords(v)) v++;
  if (v === BLOCKS.length) return null;
  const bits = [];
  const put = (n, len) => { for (let i = len - 1; i >= 0; i--) bits.push((n >>> i) & 1); };
  put(4, 4);
  put(bytes.length, v < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  const cap = 8 * dataWords(v);
  put(0, Math.min(4, cap - bits.length));
  while (bits.length % 8) bits.push(0);
  for (let pad = 0xec; bits.length < cap; pad ^= 0xec ^ 0x11) put(pad, 8);
  const words = [];
  for (let i = 0; i < bits.length; i += 8) words.push(bits.slice(i, i + 8).reduce((a, b) => a * 2 + b, 0));
  const [ec, n1, d1, n2] = BLOCKS[v];
  const blocks = [];
  for (let b = 0, at = 0; b < n1 + n2; b++) {
    const n = d1 + (b < n1 ? 0 : 1);
    blocks.push(words.slice(at, at += n));
  }
  const eccs = blocks.map((b) => rsRemainder(b, ec));
  const out = [], seq = [];
  for (let i = 0; i <= d1; i++) for (const b of blocks) if (i < b.length) seq.push(b[i]);
  for (let i = 0; i < ec; i++) for (const e of eccs) seq.push(e[i]);
  for (const w of seq) for (let i = 7; i >= 0; i--) out.push((w >>> i) & 1);
  const rem = v === 1 ? 0 : v < 7 ? 7 : v < 14 ? 0 : 3;
  for (let i = 0; i < rem; i++) out.push(0);
  return { version: v, bits: out };
}

// encode returns the QR code of text as {version, mask, modules} (modules[y][x], true
// for dark, without the quiet zone), or null when text is too long.
function encode(text) {
  const c = codewords(text);
  if (!c) return null;
  let best = null;
  for (let mask = 0; mask < 8; mask++) {
    const m = symbol(c.version, mask, c.bits);
    const p = penalty(m);
    if (!best || p < best.p) best = { p, mask, modules: m };
  }
  return { version: c.version, mask: best.mask, modules: best.modules };
}

// svg draws the code of text as an SVG element with a quiet zone of 4 modules.
function svg(text, label) {
  const q = encode(text);
  if (!q) return null;
  const n = q.modules.length + 8, NS = 'http://www.w3.org/2000/svg';
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('viewBox', `0 0 ${n} ${n}`);
  el.setAttribute('class', 'qr');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  let d = '';
  q.modules.forEach((row, y) => row.forEach((on, x) => { if (on) d += `M${x + 4} ${y + 4}h1v1h-1z`; }));
  const bg = document.createElementNS(NS, 'rect'), fg = document.createElementNS(NS, 'path');
  bg.setAttribute('width', n);
  bg.setAttribute('height', n);
  bg.setAttribute('fill', '#fff');
  fg.setAttribute('d', d);
  el.append(bg, fg);
  return el;
}

self.iptQR = { encode, svg };
