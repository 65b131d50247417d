/** Base of every error wedge raises on purpose: an HTTP status, a stable machine code, and a message that says how to fix it. */
export class WedgeError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A setting (env var or flag) has a bad value. */
export class ConfigError extends WedgeError {
  constructor(message: string, details?: unknown) { super(500, 'config_error', message, details); }
}

/** The command line was used wrongly (unknown flag, missing argument). */
export class UsageError extends WedgeError {
  constructor(message: string) { super(400, 'usage_error', message); }
}

/** A corpus file could not be read as an article (empty, binary, unreadable, bad front matter). */
export class CorpusFileError extends WedgeError {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(422, 'corpus_file_error', `${file}: ${reason}`, { file });
    this.file = file;
  }
}

/** The corpus directory is missing or holds no readable article. */
export class CorpusError extends WedgeError {
  constructor(message: string) { super(422, 'corpus_error', message); }
}

/** No index has been built at the given place yet. */
export class IndexMissingError extends WedgeError {
  constructor(dir: string) {
    super(503, 'index_missing', `No index at ${dir}. Build it with: npx wedge index --index ${dir}`);
  }
}

/** The index on disk is unreadable or inconsistent. */
export class IndexCorruptError extends WedgeError {
  constructor(dir: string, reason: string) {
    super(500, 'index_corrupt', `The index at ${dir} is unreadable (${reason}). Rebuild it with: npx wedge index --force --index ${dir}`);
  }
}

/** The index was built with another embedder than the one asked to query it. */
export class EmbedderMismatchError extends WedgeError {
  constructor(indexEmbedder: string, queryEmbedder: string) {
    super(409, 'embedder_mismatch',
      `The index was built with embedder "${indexEmbedder}" but the query uses "${queryEmbedder}". ` +
      `Query with --embedder matching the index, or rebuild it: npx wedge index --force --embedder <name>`);
  }
}

/** An upstream model server (OpenAI or compatible) failed after retries. */
export class UpstreamError extends WedgeError {
  constructor(message: string, details?: unknown) { super(502, 'upstream_error', message, details); }
}

/** A request body or parameter is invalid. */
export class InvalidRequestError extends WedgeError {
  constructor(message: string, details?: unknown) { super(400, 'invalid_request', message, details); }
}

/** The thing asked for does not exist. */
export class NotFoundError extends WedgeError {
  constructor(message: string) { super(404, 'not_found', message); }
}

/** The request body is larger than the server accepts. */
export class PayloadTooLargeError extends WedgeError {
  constructor(limit: number) { super(413, 'payload_too_large', `Request body is larger than ${limit} bytes.`); }
}

/** The request body is not JSON. */
export class UnsupportedMediaTypeError extends WedgeError {
  constructor(got: string) { super(415, 'unsupported_media_type', `Send Content-Type: application/json (got "${got || 'none'}").`); }
}

/** The request lacks a valid API key. */
export class UnauthorizedError extends WedgeError {
  constructor() { super(401, 'unauthorized', 'Send a valid API key as "Authorization: Bearer <key>".'); }
}

/** The client sent too many requests; `retryAfter` seconds until it may try again. */
export class RateLimitedError extends WedgeError {
  readonly retryAfter: number;
  constructor(retryAfter: number) {
    super(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`, { retryAfter });
    this.retryAfter = retryAfter;
  }
}

/** The action is switched off by configuration. */
export class ForbiddenError extends WedgeError {
  constructor(message: string) { super(403, 'forbidden', message); }
}

/** A data file (JSONL question sets, answers to score) is missing or has a bad line; the message names file and line. */
export class DataFileError extends WedgeError {
  constructor(message: string) { super(400, 'invalid_data_file', message); }
}
