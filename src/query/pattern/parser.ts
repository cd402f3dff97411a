// Recursive-descent parser for the Cypher-like pattern subset: node (relationship node)*, see docs/query.md.
import { ENTITY_KINDS, RELATION_TYPES } from "../../schema/index.js";
import type { EntityKind, RelationType } from "../../schema/index.js";
import { PatternError } from "../errors.js";
import type { Direction } from "../indexes.js";
import { normaliseName } from "../normalise.js";
import { describeToken, tokenize, type Token, type TokenKind } from "./lexer.js";

/** Longest variable-length relationship, in hops. */
export const MAX_HOPS = 6;

export interface NodePattern {
  variable?: string;
  /** Allowed kinds (from `:kind|kind` and `{kind: ...}`), all when undefined. */
  kinds?: EntityKind[];
  id?: string;
  /** Normalised label or alias to match. */
  name?: string;
  position: number;
}

export interface RelationshipPattern {
  variable?: string;
  /** Allowed relation types; undefined means every typed relation. */
  relations?: RelationType[];
  /** Direction from the node on the left to the node on the right. */
  direction: Direction;
  min: number;
  max: number;
  variableLength: boolean;
  props: { role?: string; date?: string; quantity?: number };
  position: number;
}

/** A chain: nodes[i] -rels[i]- nodes[i + 1]. */
export interface Pattern {
  nodes: NodePattern[];
  rels: RelationshipPattern[];
}

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const RELATIONS: ReadonlySet<string> = new Set(RELATION_TYPES);

class Parser {
  private i = 0;
  private readonly nodeVars = new Set<string>();
  private readonly relVars = new Set<string>();

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private fail(expected: string, token = this.peek()): never {
    throw new PatternError(token.position, expected, describeToken(token));
  }

  private accept(kind: TokenKind): Token | undefined {
    if (this.peek().kind !== kind) return undefined;
    return this.tokens[this.i++];
  }

  private expect(kind: TokenKind, expected = `"${kind}"`): Token {
    return this.accept(kind) ?? this.fail(expected);
  }

  parse(): Pattern {
    const first = this.peek();
    if (first.kind === "name" && first.text.toLowerCase() === "match") this.i++;
    const nodes = [this.node()];
    const rels: RelationshipPattern[] = [];
    while (this.peek().kind === "-" || this.peek().kind === "<") {
      rels.push(this.relationship());
      nodes.push(this.node());
    }
    if (this.peek().kind !== "end") this.fail('a relationship "-[...]-" or the end of the pattern');
    return { nodes, rels };
  }

  private variable(other: Set<string>, what: string): string | undefined {
    const token = this.accept("name");
    if (!token) return undefined;
    if (other.has(token.text)) this.fail(`a variable not already used for a ${what}`, token);
    return token.text;
  }

  private names(valid: ReadonlySet<string>, what: string): string[] {
    const names: string[] = [];
    do {
      if (names.length) this.accept(":");
      const token = this.peek();
      if (token.kind !== "name" || !valid.has(token.text)) this.fail(what);
      names.push(token.text);
      this.i++;
    } while (this.accept("|"));
    return names;
  }

  private node(): NodePattern {
    const open = this.expect("(", 'a node "("');
    const node: NodePattern = { position: open.position };
    node.variable = this.variable(this.relVars, "relationship");
    if (node.variable) this.nodeVars.add(node.variable);
    if (this.accept(":")) node.kinds = this.names(KINDS, `an entity kind (${ENTITY_KINDS.join(", ")})`) as EntityKind[];
    if (this.peek().kind === "{") {
      for (const [key, token] of this.props(["label", "name", "kind", "id"])) {
        if (key === "id") node.id = token.text;
        else if (key === "kind") {
          if (!KINDS.has(token.text)) this.fail(`an entity kind (${ENTITY_KINDS.join(", ")})`, token);
          const kind = token.text as EntityKind;
          node.kinds = node.kinds ? node.kinds.filter((k) => k === kind) : [kind];
        } else node.name = normaliseName(token.text);
      }
    }
    this.expect(")", node.kinds || node.variable ? '")"' : 'a variable, ":kind", "{" or ")"');
    return node;
  }

  private props(keys: readonly string[]): Array<[string, Token]> {
    this.expect("{");
    const props: Array<[string, Token]> = [];
    if (this.accept("}")) return props;
    do {
      const key = this.peek();
      if (key.kind !== "name" || !keys.includes(key.text)) this.fail(`a property name (${keys.join(", ")})`);
      this.i++;
      this.expect(":");
      const value = this.peek();
      if (value.kind !== "string" && value.kind !== "number") this.fail("a quoted string or a number");
      this.i++;
      props.push([key.text, value]);
    } while (this.accept(","));
    this.expect("}", '"," or "}"');
    return props;
  }

  private hops(rel: RelationshipPattern): void {
    const star = this.peek();
    rel.variableLength = true;
    this.i++;
    const count = (): number | undefined => {
      const token = this.accept("number");
      if (!token) return undefined;
      const n = Number(token.text);
      if (!Number.isInteger(n) || n > MAX_HOPS) this.fail(`a whole number of hops up to ${MAX_HOPS}`, token);
      return n;
    };
    const min = count();
    if (this.accept("..")) {
      rel.min = min ?? 1;
      rel.max = count() ?? MAX_HOPS;
    } else {
      rel.min = min ?? 1;
      rel.max = min ?? MAX_HOPS;
    }
    if (rel.min > rel.max) this.fail(`a minimum no larger than the maximum ${rel.max}`, star);
  }

  private relationship(): RelationshipPattern {
    const start = this.peek();
    const left = this.accept("<") !== undefined;
    this.expect("-", '"-"');
    const rel: RelationshipPattern = { direction: "both", min: 1, max: 1, variableLength: false, props: {}, position: start.position };
    if (this.accept("[")) {
      rel.variable = this.variable(this.nodeVars, "node");
      if (rel.variable) {
        if (this.relVars.has(rel.variable)) this.fail("a relationship variable used only once", this.tokens[this.i - 1]);
        this.relVars.add(rel.variable);
      }
      if (this.accept(":")) rel.relations = this.names(RELATIONS, "a relation type (e.g. official_of, sibling_of, supplies)") as RelationType[];
      if (this.peek().kind === "*") this.hops(rel);
      if (this.peek().kind === "{") {
        for (const [key, token] of this.props(["role", "date", "quantity"])) {
          if (key === "quantity") rel.props.quantity = Number(token.text);
          else rel.props[key as "role" | "date"] = token.text;
        }
      }
      this.expect("]", '"]"');
    }
    this.expect("-", '"-"');
    const right = this.accept(">") !== undefined;
    if (left && right) this.fail('a relationship that points one way, "<-[]-" or "-[]->"', this.tokens[this.i - 1]);
    rel.direction = left ? "in" : right ? "out" : "both";
    return rel;
  }
}

/** Parse a pattern such as `(a:person)-[:official_of]->(b:state)`. @throws KgError INVALID_PATTERN with the position */
export function parsePattern(pattern: string): Pattern {
  return new Parser(tokenize(pattern)).parse();
}
