// Bytes → text, as declared. A wrong declaration is an error rather than garbled accents,
// which would silently break column names such as « Région ».
import { ReadError } from "./errors";

export function decodeText(bytes: Uint8Array, encoding: "utf-8" | "latin1", file: string): string {
  const utf8 = tryUtf8(bytes);
  if (encoding === "latin1") {
    // A latin1 file that happens to be valid UTF-8 with non-ASCII bytes is, in practice, UTF-8:
    // "é" would be read as "Ã©".
    const firstNonAscii = bytes.findIndex((b) => b >= 0x80);
    if (utf8 !== undefined && firstNonAscii >= 0)
      throw new ReadError({
        file,
        line: lineAt(bytes, firstNonAscii),
        problem: "le fichier est en UTF-8 alors que encoding: latin1 est déclaré",
        expected: "un fichier en Latin-1 (Windows-1252)",
        hint: "déclarez encoding: utf-8 (ou retirez la ligne encoding: latin1)",
      });
    // "latin1" is windows-1252 in the Encoding standard, which is what Excel writes on Windows (€, œ…).
    return new TextDecoder("latin1").decode(bytes);
  }
  if (utf8 === undefined) {
    const bad = firstInvalidUtf8(bytes);
    throw new ReadError({
      file,
      line: lineAt(bytes, bad),
      problem: "le fichier n'est pas en UTF-8 : déclarez encoding: latin1",
      expected: "un fichier en UTF-8 (encoding: utf-8 est déclaré, ou pris par défaut)",
      hint: "ajoutez encoding: latin1 à la déclaration de la source, ou réenregistrez le fichier au format « CSV UTF-8 »",
    });
  }
  return utf8;
}

/** The text without its BOM (TextDecoder strips it by default), or undefined if the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Decode leniently and find the first U+FFFD,
  // then map back to a byte offset by re-encoding the valid text before it.
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const before = lenient.slice(0, lenient.indexOf("\uFFFD"));
  return new TextEncoder().encode(before).length;
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
