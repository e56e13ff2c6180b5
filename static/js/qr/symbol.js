// symbol.js: the modules of a symbol (function patterns, format and version information,
// the data under a mask), and the penalty its mask is chosen by, as go-qrcode counts it.
const FORMAT_M = 0; // error correction level M's two bits in the format information

// bch returns the BCH code of value (of its own bits) with generator poly of degree deg.
const bch = (value, poly, deg) => {
  let r = value << deg;
  const top = Math.floor(Math.log2(poly));
  for (let b = Math.floor(Math.log2(r)); b >= top; b--) if (r & (1 << b)) r ^= poly << (b - top);
  return (value << deg) | r;
};

const MASKS = [(i, j) => (i + j) % 2 === 0, (i) => i % 2 === 0, (i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0, (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0, (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0];

// symbol returns the modules of version v with the data bits under mask.
function symbol(v, mask, bits) {
  const n = 17 + 4 * v;
  const m = Array.from({ length: n }, () => new Array(n).fill(false));
  const used = Array.from({ length: n }, () => new Array(n).fill(false));
  const set = (x, y, on) => { m[y][x] = !!on; used[y][x] = true; };
  for (const [fx, fy] of [[0, 0], [n - 7, 0], [0, n - 7]]) {
    for (let y = -1; y <= 7; y++) for (let x = -1; x <= 7; x++) {
      const X = fx + x, Y = fy + y;
      if (X < 0 || Y < 0 || X >= n || Y >= n) continue;
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      set(X, Y, ring !== 2 && ring !== 4);
    }
  }
  const centers = [];
  if (v > 1) {
    const count = Math.floor(v / 7) + 2, step = Math.ceil((n - 13) / (count - 1) / 2) * 2;
    for (let i = 0, c = n - 7; i < count - 1; i++, c -= step) centers.unshift(c);
    centers.unshift(6);
  }
  for (const cx of centers) for (const cy of centers) {
    if (used[cy][cx]) continue;
    for (let y = -2; y <= 2; y++) for (let x = -2; x <= 2; x++) set(cx + x, cy + y, Math.max(Math.abs(x), Math.abs(y)) !== 1);
  }
  for (let i = 8; i < n - 7; i++) { set(i, 6, i % 2 === 0); set(6, i, i % 2 === 0); }
  const f = bch((FORMAT_M << 3) | mask, 0x537, 10) ^ 0x5412, bit = (c, i) => (c >>> i) & 1;
  for (let i = 0; i <= 7; i++) set(n - 1 - i, 8, bit(f, i));
  for (let i = 0; i <= 5; i++) set(8, i, bit(f, i));
  set(8, 7, bit(f, 6));
  set(8, 8, bit(f, 7));
  set(7, 8, bit(f, 8));
  for (let i = 9; i <= 14; i++) set(14 - i, 8, bit(f, i));
  for (let i = 8; i <= 14; i++) set(8, n - 15 + i, bit(f, i));
  set(8, n - 8, true);
  if (v >= 7) {
    const c = bch(v, 0x1f25, 12);
    for (let i = 0; i < 18; i++) { set(Math.floor(i / 3), n - 11 + (i % 3), bit(c, i)); set(n - 11 + (i % 3), Math.floor(i / 3), bit(c, i)); }
  }
  // The data, two columns at a time from the bottom right, up and down in turn.
  let x = n - 2, y = n - 1, off = 1, up = true;
  for (let i = 0; i < bits.length; i++) {
    set(x + off, y, MASKS[mask](y, x + off) !== !!bits[i]);
    if (i === bits.length - 1) break;
    do {
      if (off === 1) off = 0;
      else {
        off = 1;
        if (up) { if (y > 0) y--; else { up = false; x -= 2; } } else if (y < n - 1) y++; else { up = true; x -= 2; }
      }
      if (x === 5) x--;
    } while (used[y][x + off]);
  }
  return m;
}

// penalty scores a symbol as go-qrcode does (its rules 1 and 3 differ a little from the
// standard's; the same score gives the same mask, and so the same symbol).
function penalty(m) {
  const n = m.length, at = (x, y, byCol) => (byCol ? m[x][y] : m[y][x]);
  let p = 0, dark = 0;
  for (const byCol of [true, false]) {
    for (let a = 0; a < n; a++) {
      let count = 1, last = at(0, a, byCol), buf = 0;
      for (let b = 1; b < n; b++) {
        const v = at(b, a, byCol);
        if (v !== last) { count = 1; last = v; } else if (++count === 6) p += 4; else if (count > 6) p++;
      }
      // rule 3: dark-light-dark-dark-dark-light-dark with four light modules on one side
      for (let b = 0; b < n; b++) {
        buf = ((buf << 1) | (at(b, a, byCol) ? 1 : 0)) & 0x7ff;
        if (buf === 0x05d || buf === 0x5d0 || (b === n - 1 && (buf & 0x7f) === 0x5d)) { p += 40; buf = 0xff; }
      }
    }
  }
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    if (m[y][x]) dark++;
    if (x && y && m[y][x] === m[y][x - 1] && m[y][x] === m[y - 1][x] && m[y][x] === m[y - 1][x - 1]) p += 3;
  }
  const total = n * n;
  return p + 10 * Math.floor(Math.abs(Math.floor(total / 2) - dark) / Math.floor(total / 20));
}
