import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts `wedge serve --port 0` as a user would and resolves once it prints the URL it serves on. */
export function spawnServe(cwd: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [path.resolve('bin/wedge.js'), 'serve', '--port', '0'], { cwd, env });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // What the server said before exiting, so a failed start says why.
  let stderr = '';
  child.stderr!.on('data', (data) => { stderr = `${stderr}${String(data)}`.slice(-2000); });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (data) => { const m = /serving (http:\/\/\S+)/.exec(String(data)); if (m) resolve({ child, url: m[1]!, exit }); });
    void exit.then((code) => reject(new Error(`wedge serve exited with ${code}: ${stderr.trim()}`)));
  });
}
