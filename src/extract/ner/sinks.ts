// Feature sinks: the same feature templates either build strings (training, model files) or hash them in place (tagging).

/** Receives features as a prefix and one to three parts; a feature's text is prefix + parts joined by "|". */
export interface FeatureSink {
  /** Forget the features received so far. */
  reset(): void;
  f(prefix: string, a: string): void;
  f2(prefix: string, a: string, b: string): void;
  f3(prefix: string, a: string, b: string, c: string): void;
}

/** Collects feature strings. */
export class StringSink implements FeatureSink {
  readonly out: string[] = [];
  reset(): void {
    this.out.length = 0;
  }
  f(prefix: string, a: string): void {
    this.out.push(prefix + a);
  }
  f2(prefix: string, a: string, b: string): void {
    this.out.push(prefix + a + "|" + b);
  }
  f3(prefix: string, a: string, b: string, c: string): void {
    this.out.push(prefix + a + "|" + b + "|" + c);
  }
}

// Two independent 32-bit hashes of the UTF-16 code units (FNV-1a and a multiply-xorshift), 64 bits together.
const SEED1 = 0x811c9dc5 | 0;
const SEED2 = 0x2545f491;
/** The two hashes' starting values, for code that hashes text in place as hashString does. */
export const HASH_SEEDS: readonly [number, number] = [SEED1, SEED2];

/** The two 32-bit hashes of a string, as HashSink computes them for the same feature text. */
export function hashString(text: string): [number, number] {
  const h = scratch;
  h.reset();
  h.feed(text);
  return [h.h1, h.h2];
}

/** Words of a feature filter: one bit per value of the low 20 bits of a feature's second hash (128 kB). */
export const FILTER_WORDS = 1 << 15;

/**
 * Set the filter bit of a feature's second hash. A table of features keeps such a filter beside it: most
 * look-ups of features it lacks end at the filter, small enough to stay in the processor's cache, rather
 * than at a probe of the table, which is not. Test with `(filter[(h2 >>> 5) & (FILTER_WORDS - 1)] & (1 << (h2 & 31))) !== 0`.
 */
export function addToFilter(filter: Int32Array, h2: number): void {
  filter[(h2 >>> 5) & (FILTER_WORDS - 1)] |= 1 << (h2 & 31);
}

/** The two hashes of hashString over a text given in pieces: reset, then feed each piece in order. */
export class PieceHash {
  h1 = SEED1;
  h2 = SEED2;

  reset(): void {
    this.h1 = SEED1;
    this.h2 = SEED2;
  }

  feed(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }
}

const scratch = new PieceHash();

/** Hashes features without building their strings; `h1[k], h2[k]` for k < n. */
export class HashSink implements FeatureSink {
  h1 = new Int32Array(128);
  h2 = new Int32Array(128);
  n = 0;
  /** The feature being hashed. */
  private readonly at = new PieceHash();

  reset(): void {
    this.n = 0;
  }

  private start(prefix: string): void {
    this.at.reset();
    this.at.feed(prefix);
  }

  private feed(text: string): void {
    this.at.feed(text);
  }

  private pipe(): void {
    this.at.feed("|");
  }

  private end(): void {
    if (this.n === this.h1.length) {
      const g1 = new Int32Array(this.n * 2);
      const g2 = new Int32Array(this.n * 2);
      g1.set(this.h1);
      g2.set(this.h2);
      this.h1 = g1;
      this.h2 = g2;
    }
    this.h1[this.n] = this.at.h1;
    this.h2[this.n] = this.at.h2;
    this.n++;
  }

  f(prefix: string, a: string): void {
    this.start(prefix);
    this.feed(a);
    this.end();
  }
  /** A feature whose text starts with what gave the hashes (h1, h2) (see PieceHash), then `a`, then "|" + `b` if given. */
  after(h1: number, h2: number, a: string, b?: string): void {
    this.at.h1 = h1;
    this.at.h2 = h2;
    this.feed(a);
    if (b !== undefined) {
      this.pipe();
      this.feed(b);
    }
    this.end();
  }
  f2(prefix: string, a: string, b: string): void {
    this.start(prefix);
    this.feed(a);
    this.pipe();
    this.feed(b);
    this.end();
  }
  f3(prefix: string, a: string, b: string, c: string): void {
    this.start(prefix);
    this.feed(a);
    this.pipe();
    this.feed(b);
    this.pipe();
    this.feed(c);
    this.end();
  }
}
