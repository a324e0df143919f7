/**
 * Recursive-descent GraphQL parser for executable documents, following gqlparser's grammar
 * decisions and error texts (the first error wins, reported at the offending token).
 */
import { GraphQLSyntaxError, Lexer, kindText, goQuote, tokenText, type Pos, type Token, type TokenKind } from './graphql-lexer.js';
import {
  VK,
  type GArgument,
  type GChild,
  type GDirective,
  type GFragment,
  type GOperation,
  type GQueryDocument,
  type GSelection,
  type GType,
  type GValue,
  type GVariableDefinition,
} from './graphql-ast.js';

/** Token helpers and the executable-document grammar; the SDL grammar extends it (graphql-sdl.ts). */
export class Parser {
  private readonly lexer: Lexer;
  private peeked: Token | undefined;
  protected prev: Token | undefined;

  constructor(source: string) {
    this.lexer = new Lexer(source);
  }

  peek(): Token {
    if (!this.peeked) this.peeked = this.lexer.next();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    if (t.kind === 'Invalid') throw new GraphQLSyntaxError(t.error ?? 'Unexpected <Invalid>', t.pos);
    this.prev = t;
    return t;
  }

  fail(t: Token, message: string): never {
    throw new GraphQLSyntaxError(message, t.pos);
  }

  unexpected(t: Token = this.peek()): never {
    this.fail(t, `Unexpected ${tokenText(t)}`);
  }

  skip(kind: TokenKind): boolean {
    if (this.peek().kind !== kind) return false;
    this.next();
    return true;
  }

  expect(kind: TokenKind): Token {
    const t = this.peek();
    if (t.kind === kind) return this.next();
    this.fail(t, `Expected ${kindText(kind)}, found ${kindText(t.kind)}`);
  }

  expectKeyword(word: string): Token {
    const t = this.peek();
    if (t.kind === 'Name' && t.value === word) return this.next();
    this.fail(t, `Expected ${goQuote(word)}, found ${tokenText(t)}`);
  }

  many(start: TokenKind, end: TokenKind, item: () => void): void {
    if (!this.skip(start)) return;
    while (this.peek().kind !== end) item();
    this.next();
  }

  /** Like `many` but the list must not be empty. */
  some(start: TokenKind, end: TokenKind, item: () => void): void {
    if (!this.skip(start)) return;
    let called = false;
    while (this.peek().kind !== end) {
      called = true;
      item();
    }
    if (!called) this.fail(this.peek(), `expected at least one definition, found ${kindText(this.peek().kind)}`);
    this.next();
  }

  name(): string {
    return this.expect('Name').value;
  }

  // ---- executable documents ----------------------------------------------------------------

  queryDocument(): GQueryDocument {
    const doc: GQueryDocument = { Operations: [], Fragments: [] };
    while (this.peek().kind !== 'EOF') {
      const t = this.peek();
      if (t.kind === 'Name') {
        if (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription') doc.Operations.push(this.operation());
        else if (t.value === 'fragment') doc.Fragments.push(this.fragmentDefinition());
        else this.unexpected();
      } else if (t.kind === '{') {
        doc.Operations.push(this.operation());
      } else {
        this.unexpected();
      }
    }
    return doc;
  }

  operation(): GOperation {
    const pos = this.peek().pos;
    if (this.peek().kind === '{') {
      return { Operation: 'query', Name: '', VariableDefinitions: [], Directives: [], SelectionSet: this.requiredSelectionSet(), pos };
    }
    const op = this.operationType();
    const name = this.peek().kind === 'Name' ? this.next().value : '';
    const VariableDefinitions = this.variableDefinitions();
    const Directives = this.directives(false);
    return { Operation: op, Name: name, VariableDefinitions, Directives, SelectionSet: this.requiredSelectionSet(), pos };
  }

  operationType(): string {
    const t = this.next();
    if (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription') return t.value;
    this.unexpected(t);
  }

  variableDefinitions(): GVariableDefinition[] {
    const defs: GVariableDefinition[] = [];
    this.many('(', ')', () => {
      const pos = this.peek().pos;
      const Variable = this.variable();
      this.expect(':');
      const Type = this.typeReference();
      const DefaultValue = this.skip('=') ? this.valueLiteral(true) : null;
      defs.push({ Variable, Type, DefaultValue, Directives: this.directives(false), Used: false, pos });
    });
    return defs;
  }

  variable(): string {
    this.expect('$');
    return this.name();
  }

  selectionSet(): GSelection[] {
    const out: GSelection[] = [];
    this.some('{', '}', () => out.push(this.selection()));
    return out;
  }

  requiredSelectionSet(): GSelection[] {
    const t = this.peek();
    if (t.kind !== '{') this.fail(t, `Expected {, found ${kindText(t.kind)}`);
    return this.selectionSet();
  }

  selection(): GSelection {
    if (this.peek().kind === '...') return this.fragment();
    const pos = this.peek().pos;
    const alias = this.name();
    const name = this.skip(':') ? this.name() : alias;
    const Arguments = this.arguments(false);
    const Directives = this.directives(false);
    const SelectionSet = this.peek().kind === '{' ? this.selectionSet() : [];
    return { sel: 'field', Alias: alias, Name: name, Arguments, Directives, SelectionSet, pos };
  }

  arguments(isConst: boolean): GArgument[] {
    const out: GArgument[] = [];
    this.many('(', ')', () => {
      const pos = this.peek().pos;
      const Name = this.name();
      this.expect(':');
      out.push({ Name, Value: this.valueLiteral(isConst), pos });
    });
    return out;
  }

  fragment(): GSelection {
    this.expect('...');
    const t = this.peek();
    if (t.kind === 'Name' && t.value !== 'on') {
      return { sel: 'spread', Name: this.fragmentName(), Directives: this.directives(false), pos: t.pos };
    }
    let TypeCondition = '';
    if (this.peek().value === 'on') {
      this.next();
      TypeCondition = this.name();
    }
    const Directives = this.directives(false);
    return { sel: 'inline', TypeCondition, Directives, SelectionSet: this.requiredSelectionSet(), pos: t.pos };
  }

  fragmentDefinition(): GFragment {
    const pos = this.peek().pos;
    this.expectKeyword('fragment');
    const Name = this.fragmentName();
    const VariableDefinition = this.variableDefinitions();
    this.expectKeyword('on');
    const TypeCondition = this.name();
    const Directives = this.directives(false);
    return { Name, VariableDefinition, TypeCondition, Directives, SelectionSet: this.requiredSelectionSet(), pos };
  }

  fragmentName(): string {
    if (this.peek().value === 'on') this.unexpected();
    return this.name();
  }

  valueLiteral(isConst: boolean): GValue {
    const t = this.peek();
    const make = (Kind: number, Raw: string, Children: GChild[] = []): GValue => ({ Raw, Children, Kind, ExpectedTypeHasDefault: false, pos: t.pos });
    switch (t.kind) {
      case '[': {
        const items: GChild[] = [];
        this.many('[', ']', () => items.push({ Name: '', Value: this.valueLiteral(isConst) }));
        return make(VK.List, '', items);
      }
      case '{': {
        const fields: GChild[] = [];
        this.many('{', '}', () => {
          const pos = this.peek().pos;
          const Name = this.name();
          this.expect(':');
          fields.push({ Name, Value: this.valueLiteral(isConst), pos });
        });
        return make(VK.Object, '', fields);
      }
      case '$':
        if (isConst) this.unexpected();
        return make(VK.Variable, this.variable());
      case 'Int':
        this.next();
        return make(VK.Int, t.value);
      case 'Float':
        this.next();
        return make(VK.Float, t.value);
      case 'String':
        this.next();
        return make(VK.String, t.value);
      case 'BlockString':
        this.next();
        return make(VK.Block, t.value);
      case 'Name':
        this.next();
        if (t.value === 'true' || t.value === 'false') return make(VK.Boolean, t.value);
        if (t.value === 'null') return make(VK.Null, t.value);
        return make(VK.Enum, t.value);
      default:
        this.unexpected();
    }
  }

  directives(isConst: boolean): GDirective[] {
    const out: GDirective[] = [];
    while (this.peek().kind === '@') {
      this.expect('@');
      const pos = this.peek().pos;
      const Name = this.name();
      out.push({ Name, Arguments: this.arguments(isConst), Location: '', pos });
    }
    return out;
  }

  typeReference(): GType {
    let t: GType;
    if (this.skip('[')) {
      const pos = this.peek().pos;
      const Elem = this.typeReference();
      this.expect(']');
      t = { NamedType: '', Elem, NonNull: false, pos };
    } else {
      const pos = this.peek().pos;
      t = { NamedType: this.name(), Elem: null, NonNull: false, pos };
    }
    if (this.skip('!')) t.NonNull = true;
    return t;
  }

}

export function parseQueryDocument(source: string): GQueryDocument {
  return new Parser(source).queryDocument();
}

export type { Pos };
