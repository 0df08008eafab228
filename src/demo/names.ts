// Gascon-sounding fictional names built from syllables. Only Latin-1 letters (the Filosofi file is
// Latin-1) and the ASCII apostrophe, as INSEE writes them. A test checks no name is a real commune.
import type { Rng } from "./random";

const STARTS = [
  "Bar", "Cas", "Mon", "Lau", "Ver", "Pey", "Mar", "Sal", "Bel", "Mau", "Roc", "Caz", "Aur", "Esp", "Gou",
  "Lar", "Mir", "Tar", "Pré", "Fon", "Ban", "Ber", "Bou", "Cam", "Cor", "Dur", "Fré", "Gal", "Hour", "Lab",
  "Lec", "Mas", "Naur", "Orn", "Pan", "Riv", "Sar", "Sem", "Tau", "Vic", "Arn", "Aub", "Bra", "Cla", "Gim",
  "Lou", "Sauv", "Ter", "Pou", "Sor", "Bas", "Estr", "Lag", "Mou", "Nog", "Ram", "Ség", "Tiss", "Vign",
];
const MIDDLES = ["", "", "", "ar", "an", "er", "ol", "ig", "os", "ab", "ir", "es"];
const LINKS = ["r", "n", "s", "v", "l"];
const ENDS = [
  "ac", "an", "as", "ède", "ous", "ens", "ère", "ignan", "ouilh", "ères", "ian", "ex", "aut", "eil", "ade",
  "iet", "ose", "ourt", "aguet", "oulin", "arède", "essan", "iac", "ouzet", "asse", "ine", "et", "on", "ès",
];
const HAMLETS = ["Bois", "Mont", "Pin", "Pech", "Castéra", "Moulin", "Pont", "Puy"];
export const VOWEL = /^[AEIOUÉÈ]/;
/** Real communes the syllables happen to spell; the demo tests name any new one. */
const REAL_NAMES = new Set(["Ornex"]);

/** A river or small region: its name, with its article, and with "de" contracted ("du Rivanaut"). */
export interface Feature {
  name: string;
  withArticle: string;
  of: string;
}

export class NameFactory {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** Reserves a hand-picked name so that no generated one repeats it. */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  isFree(name: string): boolean {
    return !this.used.has(name) && !REAL_NAMES.has(name);
  }

  root(): string {
    const { rng } = this;
    // Syllables all start with a vowel: a consonant between two vowels keeps names pronounceable.
    return [rng.pick(MIDDLES), rng.pick(ENDS)].reduce(
      (name, syllable) => (syllable && /[aeiouéè]$/.test(name) ? name + rng.pick(LINKS) : name) + syllable,
      rng.pick(STARTS),
    );
  }

  /** "la Baradère": rivers and small regions, reused across names of an area. */
  feature(): Feature {
    const name = this.root();
    if (VOWEL.test(name)) return { name, withArticle: `l'${name}`, of: `de l'${name}` };
    return this.rng() < 0.6 ? { name, withArticle: `la ${name}`, of: `de la ${name}` } : { name, withArticle: `le ${name}`, of: `du ${name}` };
  }

  commune(nearby: Feature): string {
    for (;;) {
      const name = this.communeCandidate(nearby);
      if (this.isFree(name)) return this.reserve(name);
    }
  }

  private communeCandidate(nearby: Feature): string {
    const { rng } = this;
    const root = this.root();
    const draw = rng();
    if (draw < 0.46) return root;
    if (draw < 0.62) {
      const saint = this.root();
      return `${saint.endsWith("e") ? "Sainte" : "Saint"}-${saint}`;
    }
    if (draw < 0.72) return `${root}-sur-${hyphenate(nearby.withArticle)}`;
    if (draw < 0.78) return `${root}-en-${nearby.name}`;
    if (draw < 0.88) {
      const other = this.root();
      return VOWEL.test(other) ? `${root}-d'${other}` : `${root}-de-${other}`;
    }
    if (draw < 0.94) return `${root}-du-${rng.pick(HAMLETS)}`;
    return `${rng.pick(["La Bastide", "Le Castéra", "La Sauvetat", "Castelnau"])}-${root}`;
  }
}

/** "la Baradère" → "la-Baradère", "l'Arnac" stays as is: French place-name hyphenation. */
function hyphenate(withArticle: string): string {
  return withArticle.replace(" ", "-");
}
