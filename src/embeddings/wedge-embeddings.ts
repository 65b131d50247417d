import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';

/** What an embedder learned from the corpus at index time (e.g. SIF's common component); saved in the index. */
export type EmbedderState = Record<string, unknown>;

/** LangChain `Embeddings` with what wedge needs on top: a stable id, dimensions, and corpus fitting. */
export abstract class WedgeEmbeddings extends Embeddings {
  /** Identifies the model and method; an index only answers queries embedded with the same id. */
  abstract readonly id: string;
  abstract readonly dimensions: number;

  constructor(params: EmbeddingsParams = {}) {
    super(params);
  }

  /** Learns corpus statistics before documents are embedded; returns them to store in the index. */
  async fit(_texts: string[]): Promise<EmbedderState | undefined> {
    return undefined;
  }

  /** Restores what `fit` learned, when an index is loaded. */
  restore(_state: EmbedderState | undefined): void {}
}
