import { assert } from "@tributary/client/internal/assert";

/**
 * A linear-time regular-expression matcher for topic subscriptions (RE2's approach: Thompson's
 * construction, then a simulation that tracks every NFA state at once). KIP-848 evaluates
 * subscription regexes with RE2/J; JavaScript's own engine backtracks, and a client's regex like
 * `(a|aa)+` or `(a{2,3})+b` would make it run for ages on the coordinator. Here matching costs at most
 * (name length x NFA size) steps whatever the pattern.
 *
 * Supported (RE2 syntax, whole-string match as Java's `Pattern.matches`): literals, `.`, classes
 * `[a-z0-9._-]` and `[^...]`, escapes `\d \w \s \D \W \S` and escaped punctuation, groups `(...)` and
 * `(?:...)`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (a trailing `?` for laziness is
 * accepted and means nothing for a yes/no match), and `^`/`$` at the ends. Anything else (flags,
 * lookaround, backreferences, word boundaries) is refused rather than guessed at.
 */

/** RegexSyntaxError says why a pattern cannot be compiled. */
export class RegexSyntaxError extends Error {
  override readonly name = "RegexSyntaxError";
}

/** STATES_MAX bounds the NFA (repetition counts expand it), so compiling is bounded too. */
const STATES_MAX = 20_000;
/** REPEAT_MAX bounds the numbers of `{n,m}`. */
const REPEAT_MAX = 1_000;

type CharTest = (code: number) => boolean;

/** Node is one regex AST node. */
type Node =
  | { readonly kind: "char"; readonly test: CharTest }
  | { readonly kind: "empty" }
  | { readonly kind: "concat"; readonly items: readonly Node[] }
  | { readonly kind: "alt"; readonly options: readonly Node[] }
  | { readonly kind: "repeat"; readonly node: Node; readonly min: number; readonly max: number | undefined };

const isDigit: CharTest = (code) => code >= 48 && code <= 57;
const isWord: CharTest = (code) => isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isSpace: CharTest = (code) => code === 32 || (code >= 9 && code <= 13);
const CLASS_ESCAPES: Readonly<Record<string, CharTest>> = {
  d: isDigit,
  w: isWord,
  s: isSpace,
  D: (code) => !isDigit(code),
  W: (code) => !isWord(code),
  S: (code) => !isSpace(code),
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, r: 13, f: 12, v: 11 };

/** Parser is a recursive-descent parser of the supported syntax. */
class Parser {
  readonly #source: string;
  #position = 0;

  constructor(source: string) {
    this.#source = source;
  }

  parse(): Node {
    if (this.#peek() === "^") this.#position++;
    const node = this.#alternation();
    if (this.#position < this.#source.length) throw this.#error(this.#peek() === ")" ? "unbalanced parenthesis" : `unexpected "${this.#peek()}"`);
    return node;
  }

  #peek(): string | undefined {
    return this.#source[this.#position];
  }

  #error(message: string): RegexSyntaxError {
    return new RegexSyntaxError(`${message} at position ${this.#position}`);
  }

  #alternation(): Node {
    const options = [this.#concatenation()];
    while (this.#peek() === "|") {
      this.#position++;
      options.push(this.#concatenation());
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  #concatenation(): Node {
    const items: Node[] = [];
    for (;;) {
      const char = this.#peek();
      if (char === undefined || char === "|" || char === ")") break;
      if (char === "$") {
        this.#position++;
        if (this.#position !== this.#source.length) throw this.#error("$ is only supported at the end");
        break;
      }
      items.push(this.#quantified(this.#atom()));
    }
    return items.length === 1 ? items[0]! : items.length === 0 ? { kind: "empty" } : { kind: "concat", items };
  }

  #quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const char = this.#peek();
      let min: number;
      let max: number | undefined;
      if (char === "*" || char === "+" || char === "?") {
        this.#position++;
        [min, max] = char === "*" ? [0, undefined] : char === "+" ? [1, undefined] : [0, 1];
      } else if (char === "{" && /^\{\d+(,\d*)?\}/.test(this.#source.slice(this.#position))) {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(this.#source.slice(this.#position))!;
        this.#position += match[0].length;
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] === "" ? undefined : Number(match[3]);
        if (min > REPEAT_MAX || (max !== undefined && (max > REPEAT_MAX || max < min))) throw this.#error(`bad repetition ${match[0]}`);
      } else {
        return node;
      }
      if (this.#peek() === "?") this.#position++;
      node = { kind: "repeat", node, min, max };
    }
  }

  #atom(): Node {
    const char = this.#peek()!;
    this.#position++;
    switch (char) {
      case "(": {
        if (this.#peek() === "?") {
          if (this.#source.startsWith("?:", this.#position)) this.#position += 2;
          else throw this.#error("only (?:...) groups are supported; no flags, lookaround or named groups");
        }
        const node = this.#alternation();
        if (this.#peek() !== ")") throw this.#error("unbalanced parenthesis");
        this.#position++;
        return node;
      }
      case "[":
        return { kind: "char", test: this.#characterClass() };
      case ".":
        return { kind: "char", test: (code) => code !== 10 };
      case "\\":
        return { kind: "char", test: this.#escape(false) };
      case "*":
      case "+":
      case "?":
      case "{":
        throw this.#error(`nothing to repeat before "${char}"`);
      case "^":
        throw this.#error("^ is only supported at the start");
      default: {
        const code = char.charCodeAt(0);
        return { kind: "char", test: (other) => other === code };
      }
    }
  }

  /** escape reads what follows a backslash: a class (\d), a control character or escaped punctuation. */
  #escape(inClass: boolean): CharTest {
    const char = this.#peek();
    if (char === undefined) throw this.#error("trailing backslash");
    this.#position++;
    const classTest = CLASS_ESCAPES[char];
    if (classTest !== undefined) return classTest;
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return (code) => code === control;
    if (/[A-Za-z0-9]/.test(char)) throw this.#error(`\\${char} is not supported${inClass ? " in a class" : ""}`);
    const code = char.charCodeAt(0);
    return (other) => other === code;
  }

  #characterClass(): CharTest {
    const negated = this.#peek() === "^";
    if (negated) this.#position++;
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      const char = this.#peek();
      if (char === undefined) throw this.#error("unterminated character class");
      if (char === "]" && !first) {
        this.#position++;
        break;
      }
      first = false;
      const low = this.#classCharacter();
      if (typeof low === "number" && this.#peek() === "-" && this.#source[this.#position + 1] !== "]" && this.#source[this.#position + 1] !== undefined) {
        this.#position++;
        const high = this.#classCharacter();
        if (typeof high !== "number" || high < low) throw this.#error("bad range in character class");
        tests.push((code) => code >= low && code <= high);
      } else {
        tests.push(typeof low === "number" ? (code) => code === low : low);
      }
    }
    return negated ? (code) => !tests.some((test) => test(code)) : (code) => tests.some((test) => test(code));
  }

  /** classCharacter reads one class member: a character code, or a class escape's test. */
  #classCharacter(): number | CharTest {
    const char = this.#peek()!;
    this.#position++;
    if (char !== "\\") return char.charCodeAt(0);
    const next = this.#peek();
    if (next !== undefined && CLASS_ESCAPES[next] === undefined && CONTROL_ESCAPES[next] === undefined && !/[A-Za-z0-9]/.test(next)) {
      this.#position++;
      return next.charCodeAt(0);
    }
    if (next !== undefined && CONTROL_ESCAPES[next] !== undefined) {
      this.#position++;
      return CONTROL_ESCAPES[next]!;
    }
    return this.#escape(true);
  }
}

/** State is one NFA state: consume a character, split two ways, or accept. */
type State = { kind: "char"; test: CharTest; out: number } | { kind: "split"; out1: number; out2: number } | { kind: "match" };

/** Fragment is a partial NFA: its start state and the dangling exits still to be connected. */
interface Fragment {
  readonly start: number;
  readonly exits: readonly { readonly state: number; readonly field: "out" | "out1" | "out2" }[];
}

/** connect points a dangling exit of `state` at `target`. */
function connect(state: State, field: "out" | "out1" | "out2", target: number): void {
  if (state.kind === "char" && field === "out") state.out = target;
  else if (state.kind === "split" && field !== "out") state[field] = target;
  else assert(false, `NFA state ${state.kind} has no exit ${field}`);
}

/** Compiler builds the NFA by Thompson's construction. */
class Compiler {
  readonly states: State[] = [];

  #add(state: State): number {
    if (this.states.length >= STATES_MAX) throw new RegexSyntaxError(`the pattern expands to more than ${STATES_MAX} states`);
    this.states.push(state);
    return this.states.length - 1;
  }

  #patch(fragment: Fragment, target: number): void {
    for (const exit of fragment.exits) connect(this.states[exit.state]!, exit.field, target);
  }

  compile(node: Node): Fragment {
    switch (node.kind) {
      case "char": {
        const state = this.#add({ kind: "char", test: node.test, out: -1 });
        return { start: state, exits: [{ state, field: "out" }] };
      }
      case "empty": {
        const state = this.#add({ kind: "split", out1: -1, out2: -1 });
        return { start: state, exits: [{ state, field: "out1" }, { state, field: "out2" }] };
      }
      case "concat": {
        const fragments = node.items.map((item) => this.compile(item));
        for (let index = 0; index + 1 < fragments.length; index++) this.#patch(fragments[index]!, fragments[index + 1]!.start);
        return { start: fragments[0]!.start, exits: fragments[fragments.length - 1]!.exits };
      }
      case "alt": {
        let fragment = this.compile(node.options[0]!);
        for (const option of node.options.slice(1)) {
          const next = this.compile(option);
          const split = this.#add({ kind: "split", out1: fragment.start, out2: next.start });
          fragment = { start: split, exits: [...fragment.exits, ...next.exits] };
        }
        return fragment;
      }
      case "repeat": {
        const parts: Fragment[] = [];
        for (let index = 0; index < node.min; index++) parts.push(this.compile(node.node));
        if (node.max === undefined) {
          const body = this.compile(node.node);
          const split = this.#add({ kind: "split", out1: body.start, out2: -1 });
          this.#patch(body, split);
          parts.push({ start: split, exits: [{ state: split, field: "out2" }] });
        } else {
          for (let index = node.min; index < node.max; index++) {
            const body = this.compile(node.node);
            const split = this.#add({ kind: "split", out1: body.start, out2: -1 });
            parts.push({ start: split, exits: [...body.exits, { state: split, field: "out2" }] });
          }
        }
        if (parts.length === 0) return this.compile({ kind: "empty" });
        for (let index = 0; index + 1 < parts.length; index++) this.#patch(parts[index]!, parts[index + 1]!.start);
        return { start: parts[0]!.start, exits: parts[parts.length - 1]!.exits };
      }
    }
  }
}

/** CompiledRegex matches whole strings in time linear in their length. */
export interface CompiledRegex {
  readonly source: string;
  matches(text: string): boolean;
}

/** compileRegex compiles `source`, or throws a {@link RegexSyntaxError} saying what is unsupported. */
export function compileRegex(source: string): CompiledRegex {
  const compiler = new Compiler();
  const fragment = compiler.compile(new Parser(source).parse());
  const match = compiler.states.length;
  compiler.states.push({ kind: "match" });
  for (const exit of fragment.exits) connect(compiler.states[exit.state]!, exit.field, match);
  const states = compiler.states;
  const closure = (start: readonly number[]): Set<number> => {
    const seen = new Set<number>();
    const stack = [...start];
    while (stack.length > 0) {
      const index = stack.pop()!;
      if (seen.has(index)) continue;
      seen.add(index);
      const state = states[index]!;
      if (state.kind === "split") stack.push(state.out1, state.out2);
    }
    return seen;
  };
  return {
    source,
    matches(text: string): boolean {
      let current = closure([fragment.start]);
      for (let index = 0; index < text.length && current.size > 0; index++) {
        const code = text.charCodeAt(index);
        const next: number[] = [];
        for (const stateIndex of current) {
          const state = states[stateIndex]!;
          if (state.kind === "char" && state.test(code)) next.push(state.out);
        }
        current = closure(next);
      }
      return current.has(match);
    },
  };
}
