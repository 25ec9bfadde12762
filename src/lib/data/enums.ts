/**
 * The data's closed vocabularies as plain arrays, shared by the zod schemas (schema.ts) and by
 * first-screen code (URL codec, filters) that must not load the full zod schemas at start-up.
 */

/**
 * Sectors. The interview's 4 featured industries (ai, scifi-gaming, industrial-internet, vr), its
 * 5 industry directions (modern-finance, ai, scifi-plus, industrial-internet, future-health), plus
 * `culture` and `international` for the AI-culture block and the talent community.
 */
export const SECTORS = ['ai', 'scifi-gaming', 'industrial-internet', 'vr', 'modern-finance', 'future-health', 'culture', 'international'] as const;

/** Life-cycle status of a zone version. */
export const STATUSES = ['operating', 'under-construction', 'planned', 'expanding'] as const;

/** Plan periods used by the interview: end of 13th FYP (2020), 14th FYP (2021–2025), 2026, 15th FYP (2026–2030). */
export const PLAN_PERIODS = ['13th-fyp', '14th-fyp', '2026', '15th-fyp'] as const;

export type Sector = (typeof SECTORS)[number];
export type Status = (typeof STATUSES)[number];
export type PlanPeriod = (typeof PLAN_PERIODS)[number];
