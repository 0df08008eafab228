// Where Chromium is expected, and the error that says how to install it: apart from the browser
// code, so that every command can recognise the error without loading playwright-core.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export class MissingBrowserError extends Error {
  constructor() {
    super(
      `Chromium est introuvable (${CHROMIUM}). Installez-le depuis Debian : sudo apt-get update && sudo apt-get install -y chromium ` +
        "(ou indiquez son chemin dans la variable CHROMIUM_PATH). Le site lui-même se construit sans lui.",
    );
    this.name = "MissingBrowserError";
  }
}
