import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../app.js';
import { loadEnv } from '../../env.js';

test('the map tile server is configuration, and only its origin may serve images to the pages', async () => {
  const withTiles = createApp({ db: {} as never, env: loadEnv({ PCMD_MAP_TILE_URL: 'https://tiles.example.vn/{z}/{x}/{y}.png' }) });
  const csp = (await withTiles.request('/api/app-config')).headers.get('content-security-policy') ?? '';
  assert.match(csp, /img-src 'self' data: blob: https:\/\/tiles\.example\.vn/);
  const shards = createApp({ db: {} as never, env: loadEnv({ PCMD_MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' }) });
  assert.match((await shards.request('/api/app-config')).headers.get('content-security-policy') ?? '', /https:\/\/\*\.tile\.example\.org/);
  const none = createApp({ db: {} as never, env: loadEnv({}) });
  assert.doesNotMatch((await none.request('/api/app-config')).headers.get('content-security-policy') ?? '', /https:/);
});
