// One indicator's values at every commune, held column-wise. A national build computes millions
// of them: as one object each, they took most of the pipeline's memory and garbage-collection
// time. Reading a value makes a plain `Value` (the same properties, in the same order); `set` stores one.
import type { Value, ValueStatus } from "../model/types";

const STATUSES: ValueStatus[] = ["ok", "secret", "missing", "not-applicable"];
const UNSET = 255;
// Which optional properties a value has, as bits.
const VALUE = 1;
const NUMERATOR = 2;
const DENOMINATOR = 4;
const APPROXIMATE = 8;

/** What the compute stage's values by code offer: a Map, or a ValueColumn for the communes. */
export interface ValuesByCode extends Iterable<[string, Value]> {
  get(code: string): Value | undefined;
  set(code: string, value: Value): unknown;
}

/** A column's own data, without the positions it shares with the others: kept between builds as is. */
export interface ColumnData {
  status: Uint8Array;
  flags: Uint8Array;
  value: Float64Array;
  // Allocated on first use: counts have neither.
  numerator?: Float64Array;
  denominator?: Float64Array;
  // Reasons are a few distinct sentences: each value holds its sentence's number, from 1 (0: none).
  reason: Uint16Array;
  sentences: string[];
}

/** The codes of a positions map, by position: shared by every column on it. */
const codeLists = new WeakMap<Map<string, number>, string[]>();
function codesOf(position: Map<string, number>): string[] {
  let codes = codeLists.get(position);
  if (!codes) {
    codes = [];
    for (const [code, i] of position) codes[i] = code;
    codeLists.set(position, codes);
  }
  return codes;
}

/** Every value of `values` with its code, in order; a column's without making objects (see forEachValue). */
export function eachValue(values: ValuesByCode, visit: (value: Readonly<Value>, code: string) => void): void {
  if (values instanceof ValueColumn) values.forEachValue(visit);
  else for (const [code, value] of values) visit(value, code);
}

export class ValueColumn implements ValuesByCode {
  private readonly status: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly value: Float64Array;
  private numerator?: Float64Array;
  private denominator?: Float64Array;
  private readonly reason: Uint16Array;
  private readonly sentences: string[];
  private readonly reasons: Map<string, number>;

  /** `position`: each code's place, shared by the columns of every indicator; `data`: a column's (`columnData`), or none set. */
  constructor(
    private readonly position: Map<string, number>,
    data?: ColumnData,
  ) {
    const size = position.size;
    if (data && data.status.length !== size) throw new Error(`colonne de ${data.status.length} valeurs pour ${size} territoires`);
    this.status = data?.status ?? new Uint8Array(size).fill(UNSET);
    this.flags = data?.flags ?? new Uint8Array(size);
    this.value = data?.value ?? new Float64Array(size);
    this.numerator = data?.numerator;
    this.denominator = data?.denominator;
    this.reason = data?.reason ?? new Uint16Array(size);
    this.sentences = data?.sentences ?? [];
    this.reasons = new Map(this.sentences.map((sentence, i) => [sentence, i + 1]));
  }

  /** The column's data as it is now, shared, not copied. */
  columnData(): ColumnData {
    const { status, flags, value, numerator, denominator, reason, sentences } = this;
    return { status, flags, value, ...(numerator ? { numerator } : {}), ...(denominator ? { denominator } : {}), reason, sentences };
  }

  /** How many territories the column has room for. */
  get size(): number {
    return this.status.length;
  }

  get(code: string): Value | undefined {
    const i = this.position.get(code);
    return i === undefined || this.status[i] === UNSET ? undefined : this.at(i);
  }

  set(code: string, value: Value): this {
    const i = this.position.get(code);
    if (i === undefined) throw new Error(`territoire inconnu : ${code}`);
    this.setAt(i, value);
    return this;
  }

  /** `set` by position, for the compute stage, which goes through the codes in order. */
  setAt(i: number, value: Value): void {
    this.status[i] = STATUSES.indexOf(value.status);
    this.flags[i] =
      (value.value !== undefined ? VALUE : 0) |
      (value.numerator !== undefined ? NUMERATOR : 0) |
      (value.denominator !== undefined ? DENOMINATOR : 0) |
      (value.approximate ? APPROXIMATE : 0);
    this.value[i] = value.value ?? 0;
    if (value.numerator !== undefined) (this.numerator ??= new Float64Array(this.status.length))[i] = value.numerator;
    if (value.denominator !== undefined) (this.denominator ??= new Float64Array(this.status.length))[i] = value.denominator;
    this.reason[i] = value.reason === undefined ? 0 : this.reasonNumber(value.reason);
  }

  *[Symbol.iterator](): Iterator<[string, Value]> {
    for (const [code, i] of this.position) if (this.status[i] !== UNSET) yield [code, this.at(i)];
  }

  /**
   * Every set value with its code, by position, without making an object per value (secrecy and
   * the checks look at millions): `value` is one object refilled each time, to read during the call only.
   */
  forEachValue(visit: (value: Readonly<Value>, code: string) => void): void {
    const scratch: Value = { status: "ok", value: undefined, numerator: undefined, denominator: undefined, approximate: undefined, reason: undefined };
    const codes = codesOf(this.position);
    for (let i = 0; i < codes.length; i++) {
      if (this.status[i] === UNSET) continue;
      const flags = this.flags[i];
      scratch.status = STATUSES[this.status[i]];
      scratch.value = flags & VALUE ? this.value[i] : undefined;
      scratch.numerator = flags & NUMERATOR ? this.numerator![i] : undefined;
      scratch.denominator = flags & DENOMINATOR ? this.denominator![i] : undefined;
      scratch.approximate = flags & APPROXIMATE ? true : undefined;
      scratch.reason = this.reason[i] === 0 ? undefined : this.sentences[this.reason[i] - 1];
      visit(scratch, codes[i]);
    }
  }

  private at(i: number): Value {
    const flags = this.flags[i];
    const status = STATUSES[this.status[i]];
    // The usual shapes made whole at once: smaller objects than grown ones (portraits keep millions).
    if (this.reason[i] === 0 && flags === VALUE) return { status, value: this.value[i] };
    if (this.reason[i] === 0 && flags === (VALUE | NUMERATOR | DENOMINATOR))
      return { status, value: this.value[i], numerator: this.numerator![i], denominator: this.denominator![i] };
    const value: Value = { status };
    if (flags & VALUE) value.value = this.value[i];
    if (flags & NUMERATOR) value.numerator = this.numerator![i];
    if (flags & DENOMINATOR) value.denominator = this.denominator![i];
    if (flags & APPROXIMATE) value.approximate = true;
    if (this.reason[i] !== 0) value.reason = this.sentences[this.reason[i] - 1];
    return value;
  }

  private reasonNumber(reason: string): number {
    if (!this.reasons.has(reason)) {
      if (this.sentences.length === 0xffff) throw new Error("trop de motifs différents pour une colonne de valeurs");
      this.reasons.set(reason, this.sentences.push(reason));
    }
    return this.reasons.get(reason)!;
  }
}
