// Bundles the command from src/ before any test runs, as `npm run build`
// does: the end-to-end tests run that bundle (helpers.ts CLI), so a change
// to src/ is what they test. The script rebuilds only when src/ changed.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function bundleCommand(): void {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync('bash', [path.join(root, 'scripts', 'bundle.sh')], { cwd: root, stdio: 'inherit' });
}
