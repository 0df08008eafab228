// Parsing chart output in tests (linkedom, as in production).
import { parseHTML } from "linkedom";

export function parse(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body as unknown as HTMLElement;
}
