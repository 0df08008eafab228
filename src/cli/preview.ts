// `npm run preview [-- --out dist] [--port 4321]`, after `npm run build`: serves the built site on this
// machine, under the path it was built for (--base), so that staff look at it as readers will before
// publishing it. Ctrl-C stops it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveSite } from "../print/server";
import { commandLine } from "./args";

const args = commandLine({
  command: "npm run preview --",
  summary: "Sert le site construit sur ce poste, sous son chemin de publication, pour le regarder avant de le publier.",
  options: {
    out: { type: "string", default: "dist", value: "dossier", description: "le dossier du site construit par npm run build" },
    port: { type: "string", default: "4321", value: "numéro", description: "le port où le servir", check: (v) => (/^\d+$/.test(v) && Number(v) <= 65535 ? undefined : "un numéro de port de 0 à 65535 est attendu") },
  },
  notes: ["Ctrl-C l'arrête."],
});

if (!existsSync(join(args.out, "donnees", "publication.json"))) stop(`pas de site construit dans ${args.out}/ : lancez d'abord npm run build`);
const server = await serveSite(args.out, Number(args.port)).catch((error: NodeJS.ErrnoException) =>
  stop(error.code === "EADDRINUSE" ? `le port ${args.port} est déjà pris (un autre aperçu ?) : choisissez-en un autre avec --port` : error.message),
);
console.log(`Site de ${args.out}/ servi à l'adresse ${server.url}/ : ouvrez-la dans un navigateur. Ctrl-C pour arrêter.`);
process.once("SIGINT", () => void server.close().then(() => process.exit(0)));

function stop(message: string): never {
  console.error(`Erreur : ${message}.`);
  process.exit(1);
}
