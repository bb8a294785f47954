// Builds the web app once, so that `npm ci && npm start` serves it without a separate build step.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('apps/web/dist/index.html')) {
  console.log('Đang build giao diện web lần đầu… / building the web app once…');
  execSync('npm run build', { stdio: 'inherit' });
}
