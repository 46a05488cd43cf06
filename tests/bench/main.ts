/** Lets each benchmark file run on its own: `npx tsx tests/bench/<name>.ts`. */
import { pathToFileURL } from 'node:url';

/** Runs `bench` and prints its lines when the module at `moduleUrl` is the one executed. */
export function runWhenMain(moduleUrl: string, bench: () => Promise<string[]>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  bench().then(
    (lines) => {
      for (const line of lines) console.log(line);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
