import { spawnSync } from 'node:child_process';
import { INSTALL_HINT, findChromium } from './find-chromium';

const chromium = await findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
if (process.env.CHROMIUM_PATH && chromium !== process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.\n\n${INSTALL_HINT}`);
  process.exit(1);
}
console.log(`e2e: using Chromium at ${chromium}`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, E2E_CHROMIUM: chromium } });
process.exit(result.status ?? 1);
