import type OpenAI from 'openai';
import { z } from 'zod';
import { UpstreamError } from '../errors/wedge-error.js';
import { WedgeEmbeddings } from './wedge-embeddings.js';

const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

// Compatible servers (Ollama, vLLM, TEI) vary; check the reply's shape rather than trust it.
const replySchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()).min(1) })),
});

/** Embeddings from OpenAI or any OpenAI-compatible server, through the official SDK (which retries 429/5xx). */
export class OpenAIEmbedder extends WedgeEmbeddings {
  readonly id: string;
  private dims: number | undefined;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly batchSize: number;

  constructor(options: { client: OpenAI; model: string; batchSize?: number }) {
    super({ maxRetries: 0 });
    this.client = options.client;
    this.model = options.model;
    this.batchSize = options.batchSize ?? 96;
    this.id = `openai/${options.model}`;
    this.dims = KNOWN_DIMENSIONS[options.model];
  }

  /** Vector length; known up front for OpenAI's models, learned from the first reply for others. */
  get dimensions(): number {
    return this.dims ?? 0;
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    let reply: unknown;
    try {
      reply = await this.client.embeddings.create({ model: this.model, input, encoding_format: 'float' });
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw new UpstreamError(`Embedding request to ${this.client.baseURL} failed${status ? ` with HTTP ${status}` : ''}: ${(error as Error).message}`, { status });
    }
    const parsed = replySchema.safeParse(reply);
    if (!parsed.success || parsed.data.data.length !== input.length) {
      throw new UpstreamError(`Embedding server ${this.client.baseURL} sent a malformed reply (expected ${input.length} embeddings of numbers).`);
    }
    const vectors = [...parsed.data.data].sort((x, y) => x.index - y.index).map((item) => item.embedding);
    const width = this.dims ?? vectors[0]!.length;
    if (vectors.some((vector) => vector.length !== width)) {
      throw new UpstreamError(`Embedding server ${this.client.baseURL} returned vectors of ${vectors[0]!.length} dimensions; expected ${width}.`);
    }
    this.dims = width;
    return vectors;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      // Empty strings are rejected by OpenAI; a single space embeds as "nothing".
      out.push(...await this.embedBatch(texts.slice(i, i + this.batchSize).map((text) => text.trim() || ' ')));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedBatch([text.trim() || ' ']))[0]!;
  }
}
