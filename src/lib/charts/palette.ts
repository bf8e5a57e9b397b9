/** Colours of personas in charts and on their cards, by gallery position (colour-blind friendly enough to tell 8 apart with the legend). */
export const PERSONA_COLOURS = ['#1f6f8b', '#d1495b', '#c98a12', '#00798c', '#6a4c93', '#4f8a5b', '#8d6a9f', '#30638e'];

export const personaColour = (index: number) => PERSONA_COLOURS[index % PERSONA_COLOURS.length]!;

/** Okabe & Ito's colour-blind-safe palette, for categories that are not personas. */
export const CATEGORY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#777777'];
