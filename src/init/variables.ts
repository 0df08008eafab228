// The catalogue's variables as INSEE names them, by meaning: <AA> stands for the two digits of the
// vintage (P<AA>_POP is P22_POP in RP 2022), so one table serves every vintage. `back` is how many
// years before the file's vintage an older column is (P16_POP beside P22_POP: pop_precedent).

export interface VariableSpec {
  column: string;
  back?: number;
}

const census = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, { column: v }]));

/** Recensement de la population (comparateur, dossier complet, bases communales): source insee-rp. */
export const CENSUS: Record<string, VariableSpec> = {
  ...census({
    pop: "P<AA>_POP", pop_0002: "P<AA>_POP0002", pop_0014: "P<AA>_POP0014", pop_1529: "P<AA>_POP1529", pop_3044: "P<AA>_POP3044",
    pop_4559: "P<AA>_POP4559", pop_6074: "P<AA>_POP6074", pop_7589: "P<AA>_POP7589", pop_90p: "P<AA>_POP90P", pop_0019: "P<AA>_POP0019",
    pop_2064: "P<AA>_POP2064", pop_65p: "P<AA>_POP65P", pop_75p: "P<AA>_POP75P", pop_80p: "P<AA>_POP80P", pop_80p_seules: "P<AA>_POP80P_PSEUL",
    pop_1564: "P<AA>_POP1564", pop_h_0014: "P<AA>_H0014", pop_h_1529: "P<AA>_H1529", pop_h_3044: "P<AA>_H3044", pop_h_4559: "P<AA>_H4559",
    pop_h_6074: "P<AA>_H6074", pop_h_7589: "P<AA>_H7589", pop_h_90p: "P<AA>_H90P", pop_f_0014: "P<AA>_F0014", pop_f_1529: "P<AA>_F1529",
    pop_f_3044: "P<AA>_F3044", pop_f_4559: "P<AA>_F4559", pop_f_6074: "P<AA>_F6074", pop_f_7589: "P<AA>_F7589", pop_f_90p: "P<AA>_F90P",
    pop_menages: "P<AA>_PMEN", menages: "P<AA>_MEN", menages_compl: "C<AA>_MEN", menages_1p: "C<AA>_MENPSEUL",
    menages_couple_sans_enfant: "C<AA>_MENCOUPSENF", menages_couple_avec_enfants: "C<AA>_MENCOUPAENF", menages_monoparentaux: "C<AA>_MENFAMMONO",
    menages_autres: "C<AA>_MENSFAM", familles_couple_sans_enfant: "C<AA>_COUPSENF", familles_couple_avec_enfants: "C<AA>_COUPAENF",
    familles_monoparentales: "C<AA>_FAMMONO", familles_3_enfants: "C<AA>_NE24F3", familles_4_enfants_plus: "C<AA>_NE24F4P",
    logements: "P<AA>_LOG", residences_principales: "P<AA>_RP", residences_secondaires: "P<AA>_RSECOCC", logements_vacants: "P<AA>_LOGVAC",
    maisons: "P<AA>_MAISON", rp_proprietaires: "P<AA>_RP_PROP", rp_locataires: "P<AA>_RP_LOC", rp_hlm: "P<AA>_RP_LOCHLMV", rp_gratuit: "P<AA>_RP_GRAT",
    rp_achevees: "P<AA>_RP_ACHTOT", rp_avant_1919: "P<AA>_RP_ACH19", rp_1919_1945: "P<AA>_RP_ACH45", rp_voiture: "P<AA>_RP_VOIT1P",
    actifs_1564: "P<AA>_ACT1564", actifs_occupes_1564: "P<AA>_ACTOCC1564", chomeurs_1564: "P<AA>_CHOM1564", actifs_1524: "P<AA>_ACT1524",
    chomeurs_1524: "P<AA>_CHOM1524", emplois: "P<AA>_EMPLT", emplois_salaries: "P<AA>_EMPLT_SAL", actifs_occupes_compl: "C<AA>_ACTOCC1564",
    employes: "C<AA>_ACTOCC1564_CS5", ouvriers: "C<AA>_ACTOCC1564_CS6", salaries: "P<AA>_SAL15P", salaries_cdd: "P<AA>_SAL15P_CDD",
    salaries_interim: "P<AA>_SAL15P_INTERIM", salaries_emplois_aides: "P<AA>_SAL15P_EMPAID", salaries_apprentis: "P<AA>_SAL15P_APPR",
    non_scolarises_15p: "P<AA>_NSCOL15P", sans_diplome: "P<AA>_NSCOL15P_DIPLMIN", cap_bep: "P<AA>_NSCOL15P_CAPBEP", bac: "P<AA>_NSCOL15P_BAC",
    sup_bac2: "P<AA>_NSCOL15P_SUP2", sup_bac34: "P<AA>_NSCOL15P_SUP34", sup_bac5: "P<AA>_NSCOL15P_SUP5",
  }),
  // The previous censuses INSEE publishes beside the current one, six and eleven years before.
  pop_precedent: { column: "P<AA>_POP", back: 6 },
  emplois_precedent: { column: "P<AA>_EMPLT", back: 6 },
  pop_ancien: { column: "P<AA>_POP", back: 11 },
};

/** Filosofi « DISP » files (2019 layout, one file per level): source insee-filosofi. */
export const FILOSOFI_DISP: Record<string, VariableSpec> = census({
  menages_fiscaux: "NBMEN<AA>", niveau_vie_median: "Q2<AA>", premier_decile: "D1<AA>", neuvieme_decile: "D9<AA>", rapport_interdecile: "RD",
  rapport_s80_s20: "S80S20<AA>", indice_gini: "GI<AA>", part_revenus_activite: "PACT<AA>", part_salaires: "PTSA<AA>",
  part_indemnites_chomage: "PCHO<AA>", part_revenus_independants: "PBEN<AA>", part_pensions: "PPEN<AA>", part_patrimoine: "PPAT<AA>",
  part_prestations_sociales: "PPSOC<AA>", part_prestations_familiales: "PPFAM<AA>", part_minima_sociaux: "PPMINI<AA>", part_aides_logement: "PPLOGT<AA>",
});

/** Filosofi « DISP_PAUVRES » files: poverty rates, same source. */
export const FILOSOFI_POVERTY: Record<string, VariableSpec> = census({
  taux_pauvrete: "TP60<AA>", taux_pauvrete_moins_30_ans: "AGE1TP60<AA>", taux_pauvrete_75_ans_plus: "AGE6TP60<AA>",
});

/** Filosofi base communale (cc_filosofi, 2021 layout): the most recent median, commune by commune. */
export const FILOSOFI_COMMUNES: Record<string, VariableSpec> = census({ niveau_vie_median: "MED<AA>" });

/** Comparateur and dossier complet columns that are not the census, each with its own year. */
export const CIVIL_REGISTRY: Record<string, VariableSpec> = census({ naissances: "NAISD<AA>", deces: "DECESD<AA>" });
export const ESTABLISHMENTS: Record<string, VariableSpec> = census({
  etablissements: "ETTOT<AA>", etablissements_agriculture: "ETAZ<AA>", etablissements_industrie: "ETBE<AA>",
  etablissements_construction: "ETFZ<AA>", etablissements_commerce_services: "ETGU<AA>", etablissements_administration: "ETOQ<AA>",
});

/** Populations légales: the same two columns in the files of communes, départements and régions. */
export const LEGAL_POPULATIONS: Record<string, VariableSpec> = census({ pop_municipale: "PMUN", pop_totale: "PTOT" });

/** The two digits of each column named after `pattern` (<AA> for the digits) in the header, most frequent first. */
export function yearsOf(header: string[], pattern: string): string[] {
  const regex = new RegExp(`^${pattern.replace("<AA>", "(\\d{2})")}$`);
  const counts = new Map<string, number>();
  for (const name of header) {
    const digits = regex.exec(name)?.[1];
    if (digits) counts.set(digits, (counts.get(digits) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0])).map(([d]) => d);
}

export const fullYear = (digits: string) => String(2000 + Number(digits));
export const digitsOf = (year: number) => String(year % 100).padStart(2, "0");
