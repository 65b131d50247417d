import { ZodError } from 'zod';
import { WedgeError } from '../errors/wedge-error.js';
import type { CliIo } from './cli-io.js';

const USAGE = `wedge — answers questions about a set of articles with verbatim cited passages

Usage:
  wedge index [--corpus DIR] [--index DIR] [--embedder glove|openai] [--force]
      Build the index if it is missing or stale (--force: always).
  wedge search "question" [--k 8] [--json] [--captions] [--mode hybrid|bm25|dense] [--index DIR] [--embedder NAME]
      Print the passages that answer the question, best first, with exact character offsets.
  wedge serve [--port 8787] [--host 127.0.0.1] [--corpus DIR] [--index DIR]
      Build the index if missing or stale, then serve the answer API and chat.
  wedge ask "question" [--mode answer|steelman] [--json] [--k 8] [--generator extractive|llm]
      Answer with verbatim cited sentences, sources listed under the answer.
  wedge eval [--json] [--dataset F] [--unanswerable F] [--steelman F] [--min-mrr 0.7 ...]
      Run the question sets in evals/ through wedge; exit 1 when a metric is below its gate.
  wedge score answers.jsonl [--json] [--html report.html] [--judge offline|llm]
      Score any system's cited answers: citation validity, recall, precision, faithfulness.
  wedge add FILE... [--corpus DIR] [--force] [--no-index]
      Copy .md, .txt or .html articles into the corpus and re-index.
  wedge help | --help      This text.   wedge --version   The version.

Environment: WEDGE_CORPUS_DIR, WEDGE_INDEX_DIR, WEDGE_CACHE_DIR, WEDGE_EMBEDDER, OPENAI_API_KEY,
OPENAI_BASE_URL, WEDGE_OPENAI_EMBEDDING_MODEL (see README).
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Each command's module is loaded only when it runs: `wedge search` need not load the server, Slack or Postgres code.
const COMMANDS: Record<string, () => Promise<Command>> = {
  index: async () => (await import('./index-command.js')).runIndexCommand,
  search: async () => (await import('./search-command.js')).runSearchCommand,
  add: async () => (await import('./add-command.js')).runAddCommand,
  ask: async () => (await import('./ask-command.js')).runAskCommand,
  serve: async () => (await import('./serve-command.js')).runServeCommand,
  eval: async () => (await import('./eval-command.js')).runEvalCommand,
  score: async () => (await import('./score-command.js')).runScoreCommand,
};

/** Runs one CLI invocation and returns its exit code; errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.stderr(`wedge: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "wedge help".\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof WedgeError) {
      io.stderr(`wedge: ${error.message}\n`);
      return error.code === 'usage_error' ? 2 : 1;
    }
    if (error instanceof ZodError) {
      io.stderr(`wedge: invalid data: ${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
      return 1;
    }
    const detail = io.env.WEDGE_DEBUG ? `\n${(error as Error).stack}` : ' (set WEDGE_DEBUG=1 for details)';
    io.stderr(`wedge: unexpected error: ${(error as Error).message}${detail}\n`);
    return 1;
  }
}
