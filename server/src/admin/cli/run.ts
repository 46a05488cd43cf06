/** Runs an admin command: one clear line and exit 1 on an expected failure, never a stack. */
import { ConfigError } from '../../config';
import { AppError } from '../../lib/errors';
import { RedisBinaryMissingError } from '../../redis/private-redis';
import { RestoreRefusedError } from '../backup/restore';
import { ToolMissingError } from '../backup/tools';
import { DataDirInUseError } from '../data-dir-lock';
import { CommandFailed } from './target';

const EXPECTED = [
  AppError,
  CommandFailed,
  ConfigError,
  DataDirInUseError,
  RedisBinaryMissingError,
  RestoreRefusedError,
  ToolMissingError,
];

export function runCommand(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      const expected = EXPECTED.some((kind) => err instanceof kind);
      const message = err instanceof Error ? err.message : String(err);
      console.error(`${name} failed: ${expected ? '' : 'unexpected error: '}${message}`);
      process.exit(1);
    },
  );
}

/** The one positional argument, or a usage line and exit 1. */
export function argument(usage: string): string {
  const value = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!value) {
    console.error(`usage: ${usage}`);
    process.exit(1);
  }
  return value;
}

/** `--name value` from the command line, or undefined. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The command's answer, on standard output. */
export function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
