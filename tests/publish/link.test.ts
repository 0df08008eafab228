import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { linkFolder } from "../../src/cli/publish";

it("links a published folder's files, nested ones too, into the staging site without copying them", () => {
  const root = mkdtempSync(join(tmpdir(), "portraits-link-"));
  mkdirSync(join(root, "published", "sub"), { recursive: true });
  writeFileSync(join(root, "published", "index.html"), "page");
  writeFileSync(join(root, "published", "sub", "portrait.pdf"), "pdf");
  linkFolder(join(root, "published"), join(root, "staging", "epci"));
  for (const file of ["index.html", join("sub", "portrait.pdf")]) {
    const [from, to] = [join(root, "published", file), join(root, "staging", "epci", file)];
    expect(readFileSync(to, "utf8")).toBe(readFileSync(from, "utf8"));
    expect(statSync(to).ino).toBe(statSync(from).ino);
  }
});
