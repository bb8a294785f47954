import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZCreateOutreachActivityRequest } from '@pcmd/contracts';
import { newClientId, readStored, removeStored, writeStored } from './storage.js';

describe('quick-entry storage', () => {
  it('makes draft ids the server accepts, without crypto.randomUUID (plain-HTTP intranet pages)', () => {
    // Node has no isSecureContext, so this exercises the getRandomValues path a plain-HTTP page takes.
    const ids = new Set(Array.from({ length: 200 }, () => newClientId()));
    assert.equal(ids.size, 200);
    for (const id of ids) {
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(ZCreateOutreachActivityRequest.shape.clientId.safeParse(id).success);
    }
  });

  it('keeps values in memory when the browser refuses storage', () => {
    // No localStorage here at all: every call falls back to memory.
    writeStored('k', { a: 1 });
    assert.deepEqual(readStored('k'), { a: 1 });
    removeStored('k');
    assert.equal(readStored('k'), null);
  });
});
