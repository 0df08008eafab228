// Bytes → text, as declared, checked chunk by chunk as the file streams in. A wrong declaration is
// an error rather than garbled accents, which would silently break column names such as « Région ».
import { isAscii, isUtf8 } from "node:buffer";
import { ReadError } from "./errors";

export type Encoding = "utf-8" | "latin1";

/** Line (1-based) of byte `offset` of the chunk being checked. */
export type LineOf = (offset: number) => number;

export class Decoding {
  private readonly utf8 = new Utf8Check();
  /** Latin-1 declared: where the first non-ASCII byte is, while the bytes could still be UTF-8. */
  private nonAscii?: number;
  private stillUtf8 = true;

  constructor(
    readonly encoding: Encoding,
    private readonly file: string,
  ) {}

  /** Checks the next bytes of the file; throws at the first one that the declared encoding forbids. */
  check(chunk: Uint8Array, lineOf: LineOf): void {
    if (this.encoding === "utf-8") {
      const bad = this.utf8.push(chunk, lineOf);
      if (bad !== undefined) throw this.notUtf8(bad);
    } else if (this.stillUtf8) {
      if (this.nonAscii === undefined && !isAscii(chunk)) this.nonAscii = lineOf(chunk.findIndex((b) => b >= 0x80));
      if (this.utf8.push(chunk, lineOf) !== undefined) this.stillUtf8 = false;
    }
  }

  /** After the last chunk. */
  end(): void {
    const cut = this.utf8.end();
    if (this.encoding === "utf-8" && cut !== undefined) throw this.notUtf8(cut);
    // A latin1 file that happens to be valid UTF-8 with non-ASCII bytes is, in practice, UTF-8:
    // "é" would be read as "Ã©".
    if (this.encoding === "latin1" && this.stillUtf8 && cut === undefined && this.nonAscii !== undefined)
      throw new ReadError({
        file: this.file,
        line: this.nonAscii,
        problem: "le fichier est en UTF-8 alors que encoding: latin1 est déclaré",
        expected: "un fichier en Latin-1 (Windows-1252)",
        hint: "déclarez encoding: utf-8 (ou retirez la ligne encoding: latin1)",
      });
  }

  /** The text of `length` bytes, already checked. */
  text(bytes: Buffer, length: number): string {
    if (this.encoding === "utf-8") return bytes.toString("utf8", 0, length);
    const text = bytes.toString("latin1", 0, length);
    // "latin1" is windows-1252 in the Encoding standard, which is what Excel writes on Windows (€, œ…);
    // Node's "latin1" is ISO-8859-1, which differs only there.
    return /[\u0080-\u009f]/.test(text) ? WINDOWS_1252.decode(bytes.subarray(0, length)) : text;
  }

  /** Text of bytes that may end inside a character (the first lines of the file, for messages). */
  lenient(bytes: Uint8Array): string {
    return (this.encoding === "utf-8" ? new TextDecoder("utf-8", { ignoreBOM: true }) : WINDOWS_1252).decode(bytes);
  }

  private notUtf8(line: number): ReadError {
    return new ReadError({
      file: this.file,
      line,
      problem: "le fichier n'est pas en UTF-8 : déclarez encoding: latin1",
      expected: "un fichier en UTF-8 (encoding: utf-8 est déclaré, ou pris par défaut)",
      hint: "ajoutez encoding: latin1 à la déclaration de la source, ou réenregistrez le fichier au format « CSV UTF-8 »",
    });
  }
}

const WINDOWS_1252 = new TextDecoder("latin1");

/**
 * UTF-8 validation across chunks (Node's isUtf8 is native): a character cut by the end of a chunk
 * is kept until the next one completes it. Gives the line of the first invalid sequence.
 */
class Utf8Check {
  private pending: Uint8Array = new Uint8Array(0);
  private pendingLine = 1;
  private failed = false;

  push(chunk: Uint8Array, lineOf: LineOf): number | undefined {
    if (this.failed) return undefined;
    let start = 0;
    if (this.pending.length > 0) {
      const length = sequenceLength(this.pending[0]);
      const joined = concat(this.pending, chunk.subarray(0, length - this.pending.length));
      start = joined.length - this.pending.length;
      if (joined.length < length) {
        this.pending = joined;
        return undefined;
      }
      this.pending = new Uint8Array(0);
      if (!isUtf8(joined)) return this.fail(this.pendingLine);
    }
    const end = start + completeLength(chunk.subarray(start));
    const body = chunk.subarray(start, end);
    if (!isUtf8(body)) return this.fail(lineOf(start + firstInvalid(body)));
    if (end < chunk.length) [this.pending, this.pendingLine] = [Uint8Array.from(chunk.subarray(end)), lineOf(end)];
    return undefined;
  }

  /** Line of a character the file's end cuts, if any. */
  end(): number | undefined {
    return !this.failed && this.pending.length > 0 ? this.pendingLine : undefined;
  }

  private fail(line: number): number {
    this.failed = true;
    return line;
  }
}

/** Bytes of the sequence a lead byte starts; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Length of `bytes` without a final sequence that they cut short. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if (byte >= 0x80 && byte < 0xc0) continue; // a continuation byte: look further back
    return sequenceLength(byte) > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Offset of the first invalid sequence of bytes known to hold one. */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  for (let length = sequenceLength(bytes[i]); length > 0 && isUtf8(bytes.subarray(i, i + length)); length = sequenceLength(bytes[i])) i += length;
  return i;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
