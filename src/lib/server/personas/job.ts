import {
	SegmentationError,
	type ClusterProfile,
	type PersonaDerivation,
	type PreviousPersona
} from '../analytics/segmentation';
import * as db from '../db';
import { announceChange } from '../events';
import type { Locale } from '$lib/domain/format';
import type { GroupRule } from '$lib/domain/groups';
import { isLetterName, type FeatureDifference } from '$lib/domain/personas';
import { compileRule } from '../groups';
import { newId } from '../ids';
import { terminateValueFits, trustedClv } from '../insights';
import { ClusterWorkerStopped, derivePersonasOffLoop, terminateClusterWorkers } from './cluster-runner';
import { featureColumns, personaEvidence } from './features';
import { suggestedNames } from './naming';

/*
 * The derivation job: read the group's features in SQL, fetch each customer's CLV from the
 * customer-value report (cached per dataset version), cluster (pure engine), and write personas,
 * members and the job's result in one transaction. Jobs run one at a time, off the request path;
 * the event loop is yielded between stages. The clustering, seconds of CPU at 100,000+ customers,
 * runs in a worker thread (cluster-runner.ts), so requests and the collaboration websocket are
 * served meanwhile, as do the customer measures and the CLV fits (customer-measures.ts,
 * value-fits.ts); under `vite dev` there is no bundled worker and it runs inline. A worker that
 * dies fails the derivation with its own message; on shutdown the worker is terminated and the
 * derivation marked as interrupted, as recoverOnce would at the next start.
 */

export interface DerivationJob {
	derivationId: string;
	user: db.User;
	group: db.CustomerGroup;
	k: number | 'auto';
	features: string[];
	seed: number;
	/** The language of the names suggested for new personas (the team member's who started it). */
	locale: Locale;
}

const active = new Set<string>();
let queue: Promise<void> = Promise.resolve();
/** Aborted once, when the server shuts down: the running clustering stops, queued jobs do not start. */
const shutdown = new AbortController();

export const RESTARTED = 'The server stopped during this derivation; the personas are as they were. Start it again.';
const WORKER_STOPPED =
	'The calculation stopped unexpectedly (it may have run out of memory); the personas are as they were. Try again, perhaps with fewer features or a smaller group.';

export const activeDerivationIds = (): string[] => [...active];

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function enqueue(job: DerivationJob): void {
	active.add(job.derivationId);
	queue = queue
		.then(() => run(job))
		.then(() => announceChange({ kind: 'personas', workspaceId: job.group.workspaceId, groupId: job.group.id }))
		.catch((error: unknown) => {
			console.error(`[personas] derivation ${job.derivationId} failed`, error);
			db.updateDerivation(job.derivationId, {
				status: 'failed',
				message: 'Something went wrong on our side while deriving the personas',
				details: { errorCode: 'internal' },
				finishedAt: new Date()
			});
		})
		.finally(() => active.delete(job.derivationId));
}

/**
 * Server shutdown: stops the running clustering and value-fit workers and marks what was running or queued as
 * interrupted. Waits a little for that; whatever is still unfinished is failed by recoverOnce at the next start.
 */
export async function stopDerivations(): Promise<void> {
	shutdown.abort();
	await Promise.all([terminateClusterWorkers(), terminateValueFits()]);
	await Promise.race([queue, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
}

function interrupted(derivationId: string): void {
	db.updateDerivation(derivationId, {
		status: 'failed',
		message: RESTARTED,
		details: { errorCode: 'restarted' },
		finishedAt: new Date()
	});
}

/** Throttled progress: written when it moved by a percent or the stage changed. */
function progressWriter(derivationId: string) {
	let last = { progress: -1, stage: '' };
	return (stage: string, progress: number) => {
		if (stage === last.stage && progress - last.progress < 0.01) return;
		last = { progress, stage };
		db.updateDerivation(derivationId, { progress: Math.min(1, progress), stage });
	};
}

/**
 * Whether a persona still carries a name the team never chose: one suggested from the data, or a
 * letter name ("Persona B") that derivations gave before names were suggested.
 */
const nameUnedited = (persona: db.Persona) => persona.nameSuggested || (persona.origin === 'derived' && isLetterName(persona.name));

async function run(job: DerivationJob): Promise<void> {
	const { derivationId, group } = job;
	if (shutdown.signal.aborted) return interrupted(derivationId);
	const report = progressWriter(derivationId);
	db.updateDerivation(derivationId, { status: 'running', progress: 0, stage: 'features' });
	await yieldToEventLoop();

	const { datasetVersion } = await db.ensureMeasures(group.workspaceId);
	const rows = db.personaFeatureRows(group.workspaceId, compileRule(group.rule as GroupRule));
	report('features', 0.05);
	await yieldToEventLoop();

	report('clv', 0.1);
	// The same estimate the value page trusts, so a refused fit never reaches a persona as a value.
	let clv: Awaited<ReturnType<typeof trustedClv>>;
	try {
		clv = await trustedClv(group.workspaceId, datasetVersion);
	} catch (error) {
		// Its fits' worker was stopped for the shutdown.
		if (shutdown.signal.aborted) return interrupted(derivationId);
		throw error;
	}
	const clvColumn = rows.map((row) => clv?.values.get(row.externalId) ?? null);
	await yieldToEventLoop();

	const previous = db.listPersonas(group.id).filter((p) => p.origin === 'derived' && p.centroid);
	const previousPersonas: PreviousPersona[] = previous.map((p) => ({ id: p.id, centroid: p.centroid! }));
	let derivation: PersonaDerivation;
	try {
		derivation = await derivePersonasOffLoop(
			{
				customerCount: rows.length,
				columns: { ...featureColumns(rows), customerLifetimeValue: clvColumn },
				revenue: rows.map((row) => row.revenue),
				clv: clvColumn
			},
			{
				k: job.k,
				features: job.features,
				seed: job.seed,
				previousPersonas: previousPersonas.length ? previousPersonas : undefined,
				// A persona continues when its centre moved by at most one SD per feature (root mean square).
				maxMatchDistance: Math.sqrt(job.features.length),
				onProgress: (stage, fraction) => report(stage, 0.15 + 0.8 * fraction)
			},
			shutdown.signal
		);
	} catch (error) {
		if (error instanceof ClusterWorkerStopped) {
			if (shutdown.signal.aborted) return interrupted(derivationId);
			console.error(`[personas] derivation ${derivationId}: the clustering worker stopped`, error);
			db.updateDerivation(derivationId, {
				status: 'failed',
				message: WORKER_STOPPED,
				details: { errorCode: 'worker_stopped' },
				datasetVersion,
				customerCount: rows.length,
				finishedAt: new Date()
			});
			return;
		}
		if (!(error instanceof SegmentationError)) throw error;
		db.updateDerivation(derivationId, {
			status: 'failed',
			message: error.message,
			// The code lets the page say it in the user's language.
			details: { errorCode: error.code },
			datasetVersion,
			customerCount: rows.length,
			finishedAt: new Date()
		});
		return;
	}
	if (shutdown.signal.aborted) return interrupted(derivationId);
	report('writing', 0.96);
	await yieldToEventLoop();
	write(job, derivation, rows, previous, datasetVersion, clv?.model ?? null);
}

function write(
	job: DerivationJob,
	derivation: PersonaDerivation,
	rows: readonly db.PersonaFeatureRow[],
	previous: readonly db.Persona[],
	datasetVersion: number,
	clvModel: db.PersonaClvModel | null
): void {
	const members: number[][] = derivation.clusters.map(() => []);
	const memberRows: db.PersonaFeatureRow[][] = derivation.clusters.map(() => []);
	derivation.assignments.forEach((cluster, row) => {
		members[cluster]!.push(rows[row]!.id);
		memberRows[cluster]!.push(rows[row]!);
	});
	const figures = (cluster: ClusterProfile, movedDistance: number | null): db.PersonaFigures => ({
		position: cluster.cluster,
		size: cluster.size,
		share: cluster.share,
		revenueShare: cluster.revenueShare,
		clvMean: cluster.clvMean,
		clvModel: cluster.clvMean === null ? null : clvModel,
		distinguishing: [...cluster.distinguishing],
		centroid: { ...cluster.centroid },
		typical: { ...cluster.typical },
		categoryShares: { ...cluster.categoryShares },
		medoidCustomerIds: cluster.medoids.map((row) => rows[row]!.id),
		stability: derivation.stability.mean,
		movedDistance,
		previousDerivationId: null,
		evidence: personaEvidence(memberRows[cluster.cluster]!)
	});

	const byId = new Map(previous.map((p) => [p.id, p]));
	const matches = (
		derivation.matching?.matches ?? derivation.clusters.map((c) => ({ cluster: c.cluster, personaId: null, distance: null }))
	).toSorted((a, b) => a.cluster - b.cluster);
	// New personas, and continued ones whose name the team never chose, get a name from what sets
	// them apart; the largest first. Every other name in the group (the team's, hand-made,
	// archived) stays taken.
	const renamed = matches.filter((match) => match.personaId === null || nameUnedited(byId.get(match.personaId)!));
	const renamedIds = new Set(renamed.map((match) => match.personaId));
	const taken = db
		.listPersonas(job.group.id)
		.concat(db.listPersonas(job.group.id, { archived: true }))
		.filter((p) => !renamedIds.has(p.id))
		.map((p) => p.name);
	const suggestions = suggestedNames(
		renamed.map((match) => derivation.clusters[match.cluster]!.distinguishing as readonly FeatureDifference[]),
		taken,
		job.locale
	);
	const nameOf = new Map(renamed.map((match, index) => [match.cluster, suggestions[index]!]));
	const continued: db.DerivationOutcome['continued'] = [];
	const added: db.DerivationOutcome['added'] = [];
	for (const match of matches) {
		const cluster = derivation.clusters[match.cluster]!;
		if (match.personaId) {
			const persona = byId.get(match.personaId)!;
			continued.push({
				personaId: match.personaId,
				suggestedName: nameOf.get(match.cluster),
				figures: { ...figures(cluster, match.distance), previousDerivationId: persona.derivationId },
				members: members[match.cluster]!
			});
		} else {
			added.push({ personaId: newId(), name: nameOf.get(match.cluster)!, figures: figures(cluster, null), members: members[match.cluster]! });
		}
	}
	const archivedIds = derivation.matching?.droppedPersonaIds ?? [];
	db.writeDerivationOutcome({
		derivationId: job.derivationId,
		workspaceId: job.group.workspaceId,
		groupId: job.group.id,
		createdBy: job.user.id,
		continued,
		added,
		archivedIds,
		derivation: {
			kChosen: derivation.k,
			datasetVersion,
			customerCount: derivation.customerCount,
			algorithm: derivation.algorithm,
			diagnostics: derivation.diagnostics.map((d) => ({ ...d, sizes: [...d.sizes] })),
			stability: derivation.stability.mean,
			details: {
				kChoice: derivation.kChoice,
				gamma: derivation.gamma,
				features: derivation.features,
				droppedFeatures: derivation.droppedFeatures,
				stability: derivation.stability,
				featuresCompared: derivation.matching?.featuresCompared ?? null
			},
			changes: {
				continued: continued.map((c) => ({
					personaId: c.personaId,
					name: c.suggestedName ?? byId.get(c.personaId)!.name,
					distance: c.figures.movedDistance
				})),
				added: added.map((a) => ({ personaId: a.personaId, name: a.name })),
				archived: archivedIds.map((id) => ({ personaId: id, name: byId.get(id)?.name ?? '' }))
			}
		}
	});
}
