// Zip archives (XLSX, ODS) record each entry's modification time: set them all to one fixed DOS
// date, in the local headers and in the central directory, so the archive depends on its content only.
export function pinZipDates(zip: Uint8Array, year = 2024, month = 1, day = 1): Uint8Array {
  const out = Buffer.from(zip);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  let end = out.length - 22;
  while (end >= 0 && out.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("archive zip sans répertoire central");
  let entry = out.readUInt32LE(end + 16);
  for (let k = out.readUInt16LE(end + 10); k > 0; k--) {
    const local = out.readUInt32LE(entry + 42);
    out.writeUInt16LE(0, entry + 12);
    out.writeUInt16LE(dosDate, entry + 14);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}
