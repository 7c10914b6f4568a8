import path from 'node:path';
import { REPO_ROOT } from '../host/local-forge';
import { startSandbox } from './server';

/** Entry point of `npm start`. */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4177);
  const sandbox = await startSandbox({
    port,
    dataFile: process.env.SANDBOX_DATA ?? path.join(REPO_ROOT, '.local-data', 'sandbox.sqlite'),
    realisticLatency: process.env.SANDBOX_LATENCY === 'model'
  });
  console.log(`Customer Evidence sandbox running at ${sandbox.url}`);
  console.log(
    'Pick a user, a project and an issue; `npm run sandbox:reset` starts over with fresh demo data.'
  );
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
