// A source as the portraits name it under each block, and as a partner's convention annex quotes it.

/** "INSEE, Recensement de la population 2021, millésime 2021" */
export const sourceMention = (p: { producer: string; dataset: string; vintage: string }): string => `${p.producer}, ${p.dataset}, millésime ${p.vintage}`;
