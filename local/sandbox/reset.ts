import { rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../host/local-forge';

/** `npm run sandbox:reset`: forget the sandbox's data; the next start seeds it afresh. */
const dir = path.join(REPO_ROOT, '.local-data');
rmSync(dir, { recursive: true, force: true });
console.log(`Removed ${dir}. The next \`npm start\` seeds fresh demo data.`);
