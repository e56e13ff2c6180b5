// crypto.js: the passphrase lock's cryptography, per device: AES-GCM 256 with a key
// derived by PBKDF2-SHA256 from the passphrase and a random salt; a fresh IV for every
// write. The lock record holds the salt and a known text encrypted with the key, to tell
// a wrong passphrase.
const CHECK = 'iptsite-lock';
const ENC = FORMAT + '-encrypted'; // the format of an encrypted download
const ITER = 600000;
const subtle = crypto.subtle; // only in a secure context (https, localhost, a file)
const b64 = (b) => { let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoa(s); };
const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const rand = (n) => crypto.getRandomValues(new Uint8Array(n));
const passKey = (pass) => subtle.importKey('raw', new TextEncoder().encode(pass), 'PBKDF2', false, ['deriveKey']);
// derive takes the passphrase, or the key passKey made of it
const derive = async (pass, salt, iterations) => subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
  typeof pass === 'string' ? await passKey(pass) : pass, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const seal = async (k, s) => {
  const iv = rand(12);
  return { iv: b64(iv), ct: b64(await subtle.encrypt({ name: 'AES-GCM', iv }, k, new TextEncoder().encode(s))) };
};
const unseal = async (k, o) => new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv: unb64(o.iv) }, k, unb64(o.ct)));
