import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openApiDocument } from './openapi.js';

test('the committed OpenAPI document matches the routes (run `npm run openapi:write` after changing a route)', () => {
  const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
  assert.deepEqual(JSON.parse(JSON.stringify(openApiDocument())), committed);
});

test('every route of the document declares its error answers', () => {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) assert.ok(op.responses['400'] && op.responses['403'], `${method} ${path}`);
});
