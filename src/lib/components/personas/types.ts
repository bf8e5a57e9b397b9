import type { TrustedClvModel } from '$lib/domain/metrics';
import type { ApiDifference } from './words';

/** What the persona pages receive: the API's JSON shapes (see `$lib/server/http/json`). */
export interface PersonaView {
	id: string;
	groupId: string;
	name: string;
	description: string;
	origin: 'derived' | 'hand-made';
	archived: boolean;
	size: number | null;
	share: number | null;
	revenueShare: number | null;
	clvMean: number | null;
	/** Where clvMean comes from (see the API's description). */
	clvModel: TrustedClvModel | null;
	distinguishing: ApiDifference[];
	typical: Record<string, number> | null;
	evidence: {
		channels: { webshop: number; app: number; store: number; phone: number } | null;
		nps: { mean: number; respondents: number } | null;
		csat: { mean: number; respondents: number } | null;
		furthestStep: { step: string; label: string; share: number } | null;
	} | null;
	stability: number | null;
	movedDistance: number | null;
	/** The uploaded photo's address (it changes with the photo), or null. */
	photoUrl: string | null;
}

export interface DerivationView {
	id: string;
	status: 'queued' | 'running' | 'done' | 'failed';
	progress: number;
	stage: string | null;
	k: { requested: number | 'auto'; chosen: number | null };
	features: string[];
	seed: number;
	customers: number | null;
	algorithm: string | null;
	diagnostics: { k: number; inertia: number; silhouette: number | null; smallestShare: number; meetsMinShare: boolean }[];
	details: Record<string, unknown> | null;
	stability: number | null;
	changes: {
		continued: { personaId: string; name: string; distance: number | null }[];
		added: { personaId: string; name: string }[];
		archived: { personaId: string; name: string }[];
	} | null;
	message: string | null;
	finishedAt: string | null;
}

export interface CatalogueFeature {
	id: string;
	basis: 'value' | 'behaviour' | 'attitude' | 'relationship' | 'profile';
	unit?: string;
	chosen: boolean;
}

/** A split this solid or better reads as "solid"; below, the team should hold the personas loosely. */
export const SOLID_STABILITY = 0.8;
