/** PostgreSQL's own tools (pg_dump, psql), run as child processes with clear failures. */
import { spawn } from 'node:child_process';

export class ToolMissingError extends Error {
  override name = 'ToolMissingError';
}

const INSTALL_HINT =
  'install the PostgreSQL client tools (Debian/Ubuntu: apt-get install -y postgresql-client), the same major version as the server or newer';

/** Runs `tool` with `args`; rejects with its stderr when it fails, or a hint when it is absent. */
export function runTool(tool: 'pg_dump' | 'psql', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new ToolMissingError(
              `${tool} is not installed, and a PostgreSQL database needs it: ${INSTALL_HINT}`,
            )
          : err,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
