// Where a source's bytes come from: its file, or the member of the .zip archive it names
// (`member`), read as a stream in either case.
import { open, readdir, type FileHandle } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { Source } from "../declare/schemas";
import { ReadError, closest, quoteList } from "./errors";
import { memberChunks, zipMembers, type ZipMember } from "./zip";

/** Members named in a message, at most. */
const LISTED = 20;

export interface Opened {
  /** The file as shown in messages: the archive, then the member read in it. */
  file: string;
  /** The first bytes (up to 8), which tell a workbook or an archive. */
  head: Buffer;
  /** The bytes, each chunk valid until the next is asked for (a file's are read into one buffer). */
  chunks: AsyncIterable<Uint8Array>;
  /** Instead of the chunks: every byte at once (a workbook is read whole). */
  whole(): Promise<Buffer>;
  /** Ends the reading, its streams and the file, whether the chunks were read to the end or not. */
  close(): Promise<void>;
}

type Stream = Omit<Opened, "close"> & { stop?: () => Promise<unknown> };

/** Opens the bytes `source` reads; `file` is the path as shown, `shown` shows a folder so. */
export async function openBytes(source: Source, path: string, file: string, shown: (path: string) => string, chunkBytes: number): Promise<Opened> {
  const handle = await openFile(path, file, source.file, shown);
  try {
    const opened = await (source.member === undefined ? plainFile(handle, file, chunkBytes) : member(handle, source.member, file, chunkBytes));
    const { stop, ...rest } = opened;
    const close = async () => {
      await stop?.();
      await handle.close();
    };
    return { ...rest, close };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function plainFile(handle: FileHandle, file: string, chunkBytes: number): Promise<Stream> {
  const head = Buffer.alloc(8);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  // An archive read as the file itself: say to name its member, unless it is a workbook (also a zip).
  const members = head.readUInt32LE(0) === 0x04034b50 ? await zipMembers(handle) : undefined;
  if (members && !members.some((m) => m.name === "[Content_Types].xml" || m.name === "mimetype"))
    throw new ReadError({
      file,
      problem: "le fichier est une archive .zip",
      expected: `le nom du fichier à y lire, l'un de : ${listed(members)}`,
      hint: `déclarez member: <nom du fichier>${members.length === 1 ? ` (ici member: ${members[0].name})` : ""} à côté de file`,
    });
  return { file, head: head.subarray(0, bytesRead), chunks: fileChunks(handle, chunkBytes), whole: () => handle.readFile() };
}

async function member(handle: FileHandle, name: string, archive: string, chunkBytes: number): Promise<Stream> {
  const members = await zipMembers(handle);
  if (!members)
    throw new ReadError({
      file: archive,
      problem: `le fichier n'est pas une archive .zip, alors que member: ${name} est déclaré`,
      hint: "retirez member si le fichier déposé est lui-même le fichier à lire, ou vérifiez file (le chemin de l'archive)",
    });
  const found = members.find((m) => m.name === name);
  if (!found) {
    const near = closest(name, members.map((m) => m.name));
    throw new ReadError({
      file: archive,
      problem: `l'archive ne contient pas de fichier « ${name} »`,
      expected: `l'un des fichiers de l'archive : ${listed(members)}`,
      hint: `corrigez member (le nom exact du fichier dans l'archive, dossiers compris)${near.length ? ` ; noms les plus proches : ${quoteList(near)}` : ""}`,
    });
  }
  const file = inArchive(archive, name);
  const inflated = memberChunks(handle, found, chunkBytes, archive);
  const { head, chunks } = await peek(inflated, 8);
  const whole = async () => {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    return Buffer.concat(parts);
  };
  return { file, head, chunks, whole, stop: () => inflated.return(undefined) };
}

/** The file's bytes, read into one buffer again and again: each chunk holds until the next is asked for. */
async function* fileChunks(handle: FileHandle, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** A member as shown in messages. */
export const inArchive = (archive: string, member: string) => `${archive} › ${member}`;

const listed = (members: ZipMember[]) =>
  quoteList(members.slice(0, LISTED).map((m) => m.name)) + (members.length > LISTED ? ` et ${members.length - LISTED} autres` : "");

/** The first `length` bytes of a stream, and the whole stream still to read. */
async function peek(chunks: AsyncGenerator<Uint8Array>, length: number): Promise<{ head: Buffer; chunks: AsyncIterable<Uint8Array> }> {
  const taken: Uint8Array[] = [];
  let size = 0;
  while (size < length) {
    const next = await chunks.next();
    if (next.done) break;
    taken.push(next.value);
    size += next.value.length;
  }
  async function* all() {
    yield* taken;
    yield* chunks;
  }
  return { head: Buffer.concat(taken).subarray(0, length), chunks: all() };
}

async function openFile(path: string, file: string, declared: string, shown: (path: string) => string): Promise<FileHandle> {
  try {
    return await open(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const siblings = await readdir(dirname(path)).catch(() => undefined);
    const near = siblings && closest(basename(path), siblings);
    throw new ReadError({
      file,
      problem: siblings ? "fichier introuvable" : `fichier introuvable : le dossier ${shown(dirname(path))} n'existe pas`,
      hint: `vérifiez le chemin déclaré (file: ${declared}), relatif au dossier des données (dataDir) ou absolu${near?.length ? ` ; fichiers proches dans ce dossier : ${quoteList(near)}` : ""}`,
    });
  }
}
