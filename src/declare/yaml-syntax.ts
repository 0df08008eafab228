// YAML syntax errors in French, with the line and column the parser points at.
import type { LineCounter, YAMLError } from "yaml";
import type { DeclarationIssue } from "./issues";

const MESSAGES: Partial<Record<YAMLError["code"], string>> = {
  BAD_INDENT: "indentation incorrecte",
  TAB_AS_INDENT: "tabulation utilisée pour indenter",
  MISSING_CHAR: "caractère manquant : « : » après une clé, ou guillemet, crochet ou accolade fermant",
  BAD_SCALAR_START: "une valeur ne peut pas commencer par ce caractère sans guillemets",
  BAD_DQ_ESCAPE: "séquence « \\ » invalide dans un texte entre guillemets doubles",
  MULTILINE_IMPLICIT_KEY: "une clé doit tenir sur une ligne et être suivie de « : »",
  BLOCK_AS_IMPLICIT_KEY: "« : » inattendu à cet endroit",
  UNEXPECTED_TOKEN: "élément inattendu à cet endroit",
  MULTIPLE_DOCS: "le fichier contient plusieurs documents (« --- ») ; un seul est attendu",
  BAD_ALIAS: "référence « * » vers une ancre inconnue",
};

const HINTS: Partial<Record<YAMLError["code"], string>> = {
  TAB_AS_INDENT: "Indenter avec des espaces.",
  BAD_SCALAR_START: "Mettre la valeur entre guillemets.",
  BAD_DQ_ESCAPE: "Utiliser des guillemets simples ' ' autour de ce texte.",
  BLOCK_AS_IMPLICIT_KEY: "Une valeur qui contient « : » s'écrit entre guillemets ; sinon, vérifier l'indentation.",
  UNEXPECTED_TOKEN:
    "Entre guillemets simples, une apostrophe s'écrit '' (ou utiliser des guillemets doubles) ; sinon, vérifier l'indentation.",
};

const GENERAL_HINT =
  "Vérifier l'indentation (des espaces, alignés), le « : » suivi d'une espace après chaque clé et la fermeture des guillemets et crochets.";

export function yamlSyntaxIssue(file: string, text: string, lineCounter: LineCounter, error: YAMLError): DeclarationIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const message =
    error.code === "DUPLICATE_KEY"
      ? `clé « ${text.slice(error.pos[0]).split(/[:\n]/)[0].trim()} » en double`
      : (MESSAGES[error.code] ?? "syntaxe YAML invalide");
  const hint = error.code === "DUPLICATE_KEY" ? "Garder une seule fois cette clé." : (HINTS[error.code] ?? GENERAL_HINT);
  return { file, line, column: col, path: "", message: `erreur de syntaxe YAML : ${message}`, hint };
}
