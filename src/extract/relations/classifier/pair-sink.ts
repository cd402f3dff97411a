// A document's candidate pairs as the relation classifier reads them, and the sink that receives each with its features.

/** One ordered pair of entities read in one sentence (or across the document), and where it was read. */
export interface PairRef {
  source: string;
  target: string;
  /** The sentence that holds both, or the sentence of the source's first mention for a document-level pair. */
  sentence: number;
  /** Both entities are named in `sentence`. */
  local: boolean;
}

/** A pair with its features. */
export interface PairInstance extends PairRef {
  features: string[];
}

/**
 * Receives the candidate pairs of a document and their features. A feature is the concatenation of its
 * parts: the same feature templates either build strings (training, tests) or are hashed in place and
 * scored as they come (classifyRelations), so the two can never read a pair differently.
 */
export interface PairSink {
  /** A new pair; false leaves it out, and its features are not computed. */
  begin(source: string, target: string, sentence: number, local: boolean): boolean;
  f(a: string, b?: string, c?: string, d?: string, e?: string): void;
  /** The pair's last feature has been given. */
  end(): void;
}

/** Collects every pair with its feature strings. */
export class InstanceSink implements PairSink {
  readonly instances: PairInstance[] = [];
  private features: string[] = [];
  begin(source: string, target: string, sentence: number, local: boolean): boolean {
    this.features = [];
    this.instances.push({ source, target, sentence, local, features: this.features });
    return true;
  }
  f(a: string, b?: string, c?: string, d?: string, e?: string): void {
    let s = a;
    if (b !== undefined) {
      s += b;
      if (c !== undefined) {
        s += c;
        if (d !== undefined) {
          s += d;
          if (e !== undefined) s += e;
        }
      }
    }
    this.features.push(s);
  }
  end(): void {}
}
