/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars and colour only then). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
