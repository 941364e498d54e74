import { spawnSync } from 'node:child_process';
import net from 'node:net';
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
// A free port, so the tests never talk to some other server left running on a fixed one.
const port =
  process.env.E2E_PORT ??
  String(
    await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    }),
  );
console.log(`e2e: using Chromium at ${chromium}, server on port ${port}`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, E2E_CHROMIUM: chromium, E2E_PORT: port } });
process.exit(result.status ?? 1);
