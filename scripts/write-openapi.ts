// Writes docs/openapi.json from the routes; a test fails when the committed file drifts from the code.
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../apps/server/src/openapi.js';

writeFileSync('docs/openapi.json', `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log('docs/openapi.json written');
