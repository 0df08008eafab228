// CSV bytes → records, one chunk at a time, whatever the chunk boundaries. Separators, quotes and
// line ends are ASCII bytes, which neither UTF-8 nor Latin-1 uses inside a character: the bytes
// are split as they come and only the fields kept are decoded, so that a file of 1,900 columns
// costs the columns read, not the others.
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Where the parser is in the current field. */
const enum State {
  /** Lines above the header: counted, not parsed (titles may hold anything). */
  Above,
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: closes it, or is the first of a doubled quote. */
  QuoteSeen,
}

export interface CsvRecord {
  /** Line of the record's first byte. */
  line: number;
  /** Fields the record has. */
  fields: number;
  /** Every field empty or spaces. */
  blank: boolean;
  /** Values of the kept fields, by slot (`keep`); those of fields past `fields` are stale. */
  values: string[];
}

export class CsvParser {
  /** Line of the next byte (1-based): a line ends at CRLF, CR or LF. */
  line = 1;
  /** Bytes parsed so far. */
  bytes = 0;
  private state: State;
  private afterCR = false;
  private last = -1;
  private recordLine: number;
  private field = 0;
  private blank = true;
  /** Field → slot of `values`, -1 when not kept; until `keep` is called, every field is kept (the header). */
  private slots?: Int32Array;
  private slot: number;
  private scratch = Buffer.allocUnsafe(256);
  private length = 0;
  private readonly record: CsvRecord;

  constructor(
    private readonly separator: number,
    /** Line of the first record (the header): the lines above it are skipped. */
    private readonly firstLine: number,
    private readonly decode: (bytes: Buffer, length: number) => string,
    private readonly onRecord: (record: CsvRecord) => void,
  ) {
    this.state = firstLine > 1 ? State.Above : State.FieldStart;
    this.recordLine = firstLine;
    this.slot = 0;
    this.record = { line: 0, fields: 0, blank: true, values: [] };
  }

  /** From the next record on, keeps only the fields given their slot: `slots[field]`, -1 to skip. */
  keep(slots: Int32Array): void {
    this.slots = slots;
  }

  /** Lines the bytes so far span (a final line end starts no line). */
  get lines(): number {
    return this.bytes === 0 ? 0 : this.line - (this.last === LF || this.last === CR ? 1 : 0);
  }

  /** Line of byte `offset` of `chunk`, the chunk about to be parsed. */
  lineAt(chunk: Uint8Array, offset: number): number {
    let line = this.line;
    for (let i = 0; i < offset; i++) if (chunk[i] === CR || (chunk[i] === LF && (i > 0 ? chunk[i - 1] !== CR : !this.afterCR))) line++;
    return line;
  }

  push(chunk: Uint8Array): void {
    const { separator: sep, firstLine, record } = this;
    const n = chunk.length;
    let { state, afterCR, line, blank, length, slot, field } = this;
    let i = 0;
    while (i < n) {
      let b = chunk[i];
      if (state === State.Above) {
        i++;
        if (b === CR || (b === LF && !afterCR)) line++;
        afterCR = b === CR;
        if (line === firstLine) state = State.FieldStart;
        continue;
      }
      if (state === State.Quoted) {
        i++;
        if (b === QUOTE) state = State.QuoteSeen;
        else {
          if (b === CR || (b === LF && !afterCR)) line++;
          if (slot >= 0) length = this.put(b, length);
          if (blank && b !== SPACE && b !== TAB) blank = false;
        }
        afterCR = b === CR;
        continue;
      }
      if (state === State.QuoteSeen) {
        if (b === QUOTE) {
          i++;
          if (slot >= 0) length = this.put(b, length);
          blank = false;
          state = State.Quoted;
          continue;
        }
        state = State.Unquoted; // the quote closed the field: b is read as what follows it
      }
      if (state === State.FieldStart && b === QUOTE) {
        i++;
        afterCR = false;
        state = State.Quoted;
        continue;
      }
      // Unquoted bytes up to the next separator or line end; those of a field not kept are only skipped.
      const from = i;
      if (slot >= 0) for (; i < n && (b = chunk[i]) !== sep && b !== LF && b !== CR; i++) length = this.put(b, length);
      else while (i < n && (b = chunk[i]) !== sep && (b > CR || (b !== LF && b !== CR))) i++;
      if (i > from) {
        if (blank) for (let j = from; j < i && blank; j++) blank = chunk[j] === SPACE || chunk[j] === TAB;
        afterCR = false;
        state = State.Unquoted;
      }
      if (i === n) break;
      b = chunk[i++]; // a separator or a line end
      if (b === LF && afterCR) {
        afterCR = false; // the LF of a CRLF
        continue;
      }
      afterCR = b === CR;
      if (slot >= 0) record.values[slot] = this.decode(this.scratch, length);
      length = 0;
      field++;
      if (b !== sep) {
        this.end(field, blank);
        field = 0;
        line++;
        this.recordLine = line;
        blank = true;
      }
      slot = this.slotOf(field);
      state = State.FieldStart;
    }
    this.state = state;
    this.afterCR = afterCR;
    this.line = line;
    this.blank = blank;
    this.length = length;
    this.slot = slot;
    this.field = field;
    this.bytes += n;
    if (n > 0) this.last = chunk[n - 1];
  }

  /** After the last chunk: the record the file ends in, if its last line has no line end. */
  finish(): void {
    if (this.state === State.Above || (this.state === State.FieldStart && this.field === 0)) return;
    if (this.slot >= 0) this.record.values[this.slot] = this.decode(this.scratch, this.length);
    this.end(this.field + 1, this.blank);
  }

  private end(fields: number, blank: boolean): void {
    Object.assign(this.record, { line: this.recordLine, fields, blank });
    this.onRecord(this.record);
  }

  private slotOf(field: number): number {
    if (!this.slots) return field;
    return field < this.slots.length ? this.slots[field] : -1;
  }

  /** Appends a byte of a kept field; returns the field's new length. */
  private put(byte: number, length: number): number {
    if (length === this.scratch.length) {
      const larger = Buffer.allocUnsafe(length * 2);
      this.scratch.copy(larger);
      this.scratch = larger;
    }
    this.scratch[length] = byte;
    return length + 1;
  }
}
