// Tries to download Electron's desktop runtime after an install that skipped it.
// On machines that cannot reach Electron's download server this fails softly: `npm start`
// then runs the station in the browser instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = path.dirname(require.resolve('electron/package.json'));
} catch {
  console.log('Electron is not installed; the station will run in the browser.');
  process.exit(0);
}
if (existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('Electron desktop runtime already installed.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  timeout: 180_000,
});
if (result.status === 0 && existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('Electron desktop runtime installed: `npm start` opens the desktop app.');
} else {
  const reason = (result.stderr ?? '').split('\n').find((line) => /error/i.test(line)) ?? 'no answer';
  console.log(
    `Could not download the Electron desktop runtime here (${reason.trim()}); \`npm start\` will run the station in the browser.`,
  );
}
