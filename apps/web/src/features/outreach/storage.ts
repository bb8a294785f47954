/**
 * JSON in localStorage, with a copy in memory: storage can be blocked by browser policy or full, and the quick-entry
 * form must still work for the visit (it then cannot survive a closed tab, which nothing else could either).
 */
const memory = new Map<string, string>();
/** Keys whose last write failed: memory holds their newest value, and storage an older one or none. */
const memoryOnly = new Set<string>();

function parse(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null; // a value damaged by hand or by an older version: treated as absent
  }
}

export function readStored(key: string): unknown {
  if (!memoryOnly.has(key))
    try {
      return parse(localStorage.getItem(key));
    } catch {
      memoryOnly.add(key);
    }
  return parse(memory.get(key));
}

export function writeStored(key: string, value: unknown) {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    localStorage.setItem(key, raw);
    memoryOnly.delete(key);
  } catch {
    memoryOnly.add(key);
  }
}

export function removeStored(key: string) {
  memory.delete(key);
  memoryOnly.delete(key);
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing could have been stored there
  }
}

/**
 * A random RFC 4122 version-4 id for a draft. crypto.randomUUID exists only on HTTPS pages, and a commune intranet may
 * serve PCMD over plain HTTP; getRandomValues works on both.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext === true) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
