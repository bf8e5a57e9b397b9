import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from './connection';
import type { RuleFilter } from './customer-groups';
import { idKeyset, toIdPage, type Page, type PageRequest } from './pagination';
import { published } from './published';
import {
	personaDerivations,
	personaMembers,
	personaPhotos,
	personas,
	type Persona,
	type PersonaPhoto,
	type PersonaDerivationRow
} from './schema';

/*
 * Persona derivations (background jobs) and personas of a customer group, and what a derivation
 * reads: one row of features per customer of the group, computed in SQL.
 */

export function insertDerivation(row: typeof personaDerivations.$inferInsert): PersonaDerivationRow {
	return getDb().insert(personaDerivations).values(row).returning().get();
}

export function findDerivation(id: string): PersonaDerivationRow | undefined {
	return getDb().select().from(personaDerivations).where(eq(personaDerivations.id, id)).get();
}

export function updateDerivation(id: string, changes: Partial<typeof personaDerivations.$inferInsert>): void {
	getDb().update(personaDerivations).set(changes).where(eq(personaDerivations.id, id)).run();
}

/** The newest derivation of a group (any status), for the gallery's progress bar and diagnostics. */
export function latestDerivation(groupId: string): PersonaDerivationRow | undefined {
	return getDb()
		.select()
		.from(personaDerivations)
		.where(eq(personaDerivations.groupId, groupId))
		.orderBy(desc(personaDerivations.createdAt), desc(personaDerivations.id))
		.limit(1)
		.get();
}

/** The newest finished derivation of a group. */
export function latestDoneDerivation(groupId: string): PersonaDerivationRow | undefined {
	return getDb()
		.select()
		.from(personaDerivations)
		.where(and(eq(personaDerivations.groupId, groupId), eq(personaDerivations.status, 'done')))
		.orderBy(desc(personaDerivations.createdAt), desc(personaDerivations.id))
		.limit(1)
		.get();
}

export function unfinishedDerivation(groupId: string): PersonaDerivationRow | undefined {
	return getDb()
		.select()
		.from(personaDerivations)
		.where(and(eq(personaDerivations.groupId, groupId), inArray(personaDerivations.status, ['queued', 'running'])))
		.get();
}

/** Derivations a previous process left queued or running are failed; returns their ids. */
export function failDerivationsNotIn(activeIds: readonly string[], message: string): string[] {
	const db = getDb();
	const stale = db
		.select({ id: personaDerivations.id })
		.from(personaDerivations)
		.where(inArray(personaDerivations.status, ['queued', 'running']))
		.all()
		.map((row) => row.id)
		.filter((id) => !activeIds.includes(id));
	if (stale.length) {
		db.update(personaDerivations)
			.set({ status: 'failed', message, details: { errorCode: 'restarted' }, finishedAt: new Date() })
			.where(inArray(personaDerivations.id, stale))
			.run();
	}
	return stale;
}

export function findPersona(id: string): Persona | undefined {
	return getDb().select().from(personas).where(eq(personas.id, id)).get();
}

export function listPersonas(groupId: string, { archived = false } = {}): Persona[] {
	return getDb()
		.select()
		.from(personas)
		.where(and(eq(personas.groupId, groupId), eq(personas.archived, archived)))
		.orderBy(asc(personas.position), asc(personas.createdAt), asc(personas.id))
		.all();
}

export function insertPersona(row: Omit<typeof personas.$inferInsert, 'updatedAt'>): Persona {
	return getDb()
		.insert(personas)
		.values({ ...row, updatedAt: new Date() })
		.returning()
		.get();
}

export function updatePersona(id: string, changes: Partial<Pick<Persona, 'name' | 'nameSuggested' | 'description'>>): Persona | undefined {
	return getDb()
		.update(personas)
		.set({ ...changes, updatedAt: new Date() })
		.where(eq(personas.id, id))
		.returning()
		.get();
}

export function deletePersona(id: string): boolean {
	return getDb().delete(personas).where(eq(personas.id, id)).run().changes > 0;
}

/** Puts or replaces a persona's photo in one row write: readers see the old photo or the new one. */
export function upsertPersonaPhoto(row: typeof personaPhotos.$inferInsert): void {
	const { personaId, ...changes } = row;
	getDb().insert(personaPhotos).values(row).onConflictDoUpdate({ target: personaPhotos.personaId, set: changes }).run();
}

export function findPersonaPhoto(personaId: string): PersonaPhoto | undefined {
	return getDb().select().from(personaPhotos).where(eq(personaPhotos.personaId, personaId)).get();
}

/** The version of each persona's photo (personas without one are left out), without the bytes. */
export function personaPhotoVersions(personaIds: readonly string[]): Map<string, string> {
	if (!personaIds.length) return new Map();
	const rows = getDb()
		.select({ personaId: personaPhotos.personaId, version: personaPhotos.version })
		.from(personaPhotos)
		.where(inArray(personaPhotos.personaId, [...personaIds]))
		.all();
	return new Map(rows.map((row) => [row.personaId, row.version]));
}

export function deletePersonaPhoto(personaId: string): boolean {
	return getDb().delete(personaPhotos).where(eq(personaPhotos.personaId, personaId)).run().changes > 0;
}

export type PersonaFigures = Pick<
	Persona,
	| 'position'
	| 'size'
	| 'share'
	| 'revenueShare'
	| 'clvMean'
	| 'clvModel'
	| 'distinguishing'
	| 'centroid'
	| 'typical'
	| 'categoryShares'
	| 'medoidCustomerIds'
	| 'stability'
	| 'movedDistance'
	| 'previousDerivationId'
	| 'evidence'
>;

export interface DerivationOutcome {
	derivationId: string;
	workspaceId: string;
	groupId: string;
	createdBy: string | null;
	/**
	 * Personas continued by a cluster: their figures and members are replaced; the name is kept,
	 * unless `suggestedName` replaces a suggestion the team never changed.
	 */
	continued: { personaId: string; suggestedName?: string; figures: PersonaFigures; members: readonly number[] }[];
	/** New clusters: a new persona each, with a suggested name. */
	added: { personaId: string; name: string; figures: PersonaFigures; members: readonly number[] }[];
	/** Previous derived personas no cluster continues. */
	archivedIds: readonly string[];
	derivation: Partial<typeof personaDerivations.$inferInsert>;
}

/**
 * Writes a finished derivation in one transaction: the personas, their members and the job's
 * `done` status appear together or not at all.
 */
export function writeDerivationOutcome(outcome: DerivationOutcome): void {
	const db = getDb();
	const now = new Date();
	db.transaction(
		(tx) => {
			const derived = tx
				.select({ id: personas.id })
				.from(personas)
				.where(and(eq(personas.groupId, outcome.groupId), eq(personas.origin, 'derived')))
				.all()
				.map((row) => row.id);
			if (derived.length) tx.delete(personaMembers).where(inArray(personaMembers.personaId, derived)).run();
			const insertMember = db.$client.prepare('insert into persona_members (persona_id, customer_id) values (?, ?)');
			const addMembers = (personaId: string, members: readonly number[]) => {
				for (const customerId of members) insertMember.run(personaId, customerId);
			};
			for (const { personaId, suggestedName, figures, members } of outcome.continued) {
				tx.update(personas)
					.set({
						...figures,
						...(suggestedName === undefined ? {} : { name: suggestedName, nameSuggested: true }),
						derivationId: outcome.derivationId,
						archived: false,
						updatedAt: now
					})
					.where(eq(personas.id, personaId))
					.run();
				addMembers(personaId, members);
			}
			for (const { personaId, name, figures, members } of outcome.added) {
				tx.insert(personas)
					.values({
						...figures,
						id: personaId,
						workspaceId: outcome.workspaceId,
						groupId: outcome.groupId,
						derivationId: outcome.derivationId,
						origin: 'derived',
						name,
						nameSuggested: true,
						createdBy: outcome.createdBy,
						createdAt: now,
						updatedAt: now
					})
					.run();
				addMembers(personaId, members);
			}
			if (outcome.archivedIds.length) {
				tx.update(personas)
					.set({ archived: true, updatedAt: now })
					.where(inArray(personas.id, [...outcome.archivedIds]))
					.run();
			}
			tx.update(personaDerivations)
				.set({ ...outcome.derivation, status: 'done', progress: 1, stage: null, finishedAt: now })
				.where(eq(personaDerivations.id, outcome.derivationId))
				.run();
		},
		{ behavior: 'immediate' }
	);
}

export interface PersonaMember {
	id: number;
	externalId: string;
	name: string | null;
	email: string | null;
	city: string | null;
	transactions: number;
	revenue: number;
	recencyDays: number | null;
}

/**
 * The condition that keeps a left-joined `customer_measures m` to its workspace's current build.
 * Left joins name the table: SQLite cannot flatten a view that is itself a join on the right of
 * a LEFT JOIN, and would read every workspace's measures.
 */
const CURRENT_BUILD = 'm.build = (select s.build from measure_sets s where s.workspace_id = c.workspace_id)';

const MEMBER_COLUMNS = `c.id, c.external_id as externalId, c.name, c.email, c.city, coalesce(m.transactions, 0) as transactions,
	coalesce(m.revenue, 0) as revenue, m.recency_days as recencyDays`;

export function personaMembersPage(personaId: string, request: PageRequest): Page<PersonaMember> {
	const { afterId, limit } = idKeyset(request);
	const rows = getDb()
		.$client.prepare(
			`select ${MEMBER_COLUMNS}
			from persona_members pm join customers c on c.id = pm.customer_id left join customer_measures m on m.customer_id = c.id and ${CURRENT_BUILD}
			where pm.persona_id = ? and c.id > ? order by c.id limit ?`
		)
		.all(personaId, afterId, limit) as PersonaMember[];
	return toIdPage(rows, limit, (row) => row.id);
}

/** Customers by internal id, in the order asked (representatives of a persona). */
export function customersByIds(ids: readonly number[]): PersonaMember[] {
	if (!ids.length) return [];
	const rows = getDb()
		.$client.prepare(
			`select ${MEMBER_COLUMNS} from customers c left join customer_measures m on m.customer_id = c.id and ${CURRENT_BUILD}
			where c.id in (${ids.map(() => '?').join(',')})`
		)
		.all(...ids) as PersonaMember[];
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.map((id) => byId.get(id)).filter((row): row is PersonaMember => row !== undefined);
}

/** One customer of a group with everything the feature catalogue can be filled from. */
export interface PersonaFeatureRow {
	id: number;
	externalId: string;
	revenue: number;
	transactions: number;
	recencyDays: number | null;
	interPurchaseDays: number | null;
	margin: number | null;
	channelWebshop: number | null;
	channelApp: number | null;
	channelStore: number | null;
	channelPhone: number | null;
	furthestStep: number | null;
	/** The event type of the furthest step reached: where the customer's journey stopped so far. */
	furthestStepName: string | null;
	topCategory: string | null;
	nps: number | null;
	csat: number | null;
	optIn: number | null;
	loyaltyMember: number | null;
	tenureDays: number | null;
	ageYears: number | null;
	householdSize: number | null;
	incomeBand: string | null;
}

/** How channel names in the data (English and Dutch) map to the catalogue's channel shares. */
export const CHANNEL_ALIASES = {
	webshop: ['web', 'webshop', 'website', 'online', 'webwinkel', 'internet', 'e-commerce', 'ecommerce'],
	app: ['app', 'mobile', 'mobiel', 'mobile app', 'mobiele app'],
	store: ['store', 'shop', 'winkel', 'filiaal', 'retail', 'in-store', 'instore'],
	phone: ['phone', 'telefoon', 'telephone', 'call', 'callcenter', 'call centre', 'klantenservice']
} as const;

const channelCount = (aliases: readonly string[]) =>
	`sum(case when lower(trim(t.channel)) in (${aliases.map((a) => `'${a}'`).join(', ')}) then 1 else 0 end)`;

const DAY_MS = 86_400_000;

/**
 * The features of every customer of a group, ordered by customer id. Channel shares count the
 * purchases with a known channel; the furthest journey step is the ordinal of the furthest event
 * type a customer reached, event types ordered by how many customers reach them (the most common
 * first: the funnel the data shows); CSAT is the customer's mean answer, NPS the latest.
 */
export function personaFeatureRows(workspaceId: string, filter: RuleFilter): PersonaFeatureRow[] {
	return getDb()
		.$client.prepare(
			`with members as (
				select c.id from customers c join current_customer_measures m on m.customer_id = c.id
				where c.workspace_id = @w and ${published('customers', 'c')} and ${filter.where}
			),
			tx as (
				select t.customer_id, count(*) as n, sum(t.margin) as margin, count(t.margin) as margin_n, count(t.channel) as channel_n,
					${channelCount(CHANNEL_ALIASES.webshop)} as web, ${channelCount(CHANNEL_ALIASES.app)} as app,
					${channelCount(CHANNEL_ALIASES.store)} as store, ${channelCount(CHANNEL_ALIASES.phone)} as phone
				from customer_transactions t where t.workspace_id = @w and t.customer_id in (select id from members)
					and ${published('customer_transactions', 't')}
				group by t.customer_id
			),
			categories as (
				select customer_id, category from (
					select customer_id, min(trim(category)) as category,
						row_number() over (partition by customer_id order by sum(amount) desc, lower(trim(category))) as position
					from customer_transactions
					where workspace_id = @w and customer_id in (select id from members) and category is not null and trim(category) <> ''
						and ${published('customer_transactions')}
					group by customer_id, lower(trim(category))
				) where position = 1
			),
			steps as (
				select event_type, row_number() over (order by count(distinct customer_id) desc, event_type) as ordinal
				from customer_events where workspace_id = @w and ${published('customer_events')} group by event_type
			),
			furthest as (
				select e.customer_id, max(s.ordinal) as step from customer_events e join steps s on s.event_type = e.event_type
				where e.workspace_id = @w and e.customer_id in (select id from members) and ${published('customer_events', 'e')}
				group by e.customer_id
			),
			csat as (
				select customer_id, avg(score) as csat from survey_responses
				where workspace_id = @w and kind = 'csat' and customer_id in (select id from members) and ${published('survey_responses')}
				group by customer_id
			)
			select c.id, c.external_id as externalId, m.revenue, m.transactions, m.recency_days as recencyDays,
				case when m.transactions >= 2 then (m.last_purchase_at - m.first_purchase_at) / ${DAY_MS}.0 / (m.transactions - 1) end as interPurchaseDays,
				case when tx.margin_n > 0 then tx.margin end as margin,
				case when tx.channel_n > 0 then 1.0 * tx.web / tx.channel_n end as channelWebshop,
				case when tx.channel_n > 0 then 1.0 * tx.app / tx.channel_n end as channelApp,
				case when tx.channel_n > 0 then 1.0 * tx.store / tx.channel_n end as channelStore,
				case when tx.channel_n > 0 then 1.0 * tx.phone / tx.channel_n end as channelPhone,
				furthest.step as furthestStep, (select event_type from steps where ordinal = furthest.step) as furthestStepName,
				categories.category as topCategory, m.nps_score as nps, csat.csat,
				c.opt_in as optIn, c.loyalty_member as loyaltyMember, m.tenure_days as tenureDays, m.age_years as ageYears,
				c.household_size as householdSize, nullif(trim(c.income_band), '') as incomeBand
			from members mb join customers c on c.id = mb.id join current_customer_measures m on m.customer_id = c.id
				left join tx on tx.customer_id = c.id left join categories on categories.customer_id = c.id
				left join furthest on furthest.customer_id = c.id left join csat on csat.customer_id = c.id
			order by c.id`
		)
		.all(...filter.params, { w: workspaceId }) as PersonaFeatureRow[];
}
