import type { FeatureColumns, FeatureValue } from '../analytics/segmentation';
import type { PersonaEvidence, PersonaFeatureRow } from '../db';

/** Age bands of the profile basis (completed years at the reference date). */
export function ageBand(age: number | null): string | null {
	if (age === null || !Number.isFinite(age) || age < 0) return null;
	if (age < 25) return '<25';
	if (age < 35) return '25–34';
	if (age < 45) return '35–44';
	if (age < 55) return '45–54';
	if (age < 65) return '55–64';
	return '65+';
}

const yesNo = (value: number | null): string | null => (value === null ? null : value ? 'yes' : 'no');

/**
 * One column per catalogue feature, in the rows' customer order. Columns the data cannot fill
 * (no margins, no channels…) hold only nulls; the engine drops them and says so.
 */
export function featureColumns(rows: readonly PersonaFeatureRow[]): FeatureColumns {
	const column = (pick: (row: PersonaFeatureRow) => FeatureValue) => rows.map(pick);
	return {
		monetaryValue: column((r) => r.revenue),
		margin: column((r) => r.margin),
		recencyDays: column((r) => r.recencyDays),
		frequency: column((r) => r.transactions),
		interPurchaseDays: column((r) => r.interPurchaseDays),
		channelShareWebshop: column((r) => r.channelWebshop),
		channelShareApp: column((r) => r.channelApp),
		channelShareStore: column((r) => r.channelStore),
		channelSharePhone: column((r) => r.channelPhone),
		furthestJourneyStep: column((r) => r.furthestStep),
		topCategory: column((r) => r.topCategory),
		nps: column((r) => r.nps),
		csat: column((r) => r.csat),
		optIn: column((r) => yesNo(r.optIn)),
		loyaltyMember: column((r) => yesNo(r.loyaltyMember)),
		tenureDays: column((r) => r.tenureDays),
		ageBand: column((r) => ageBand(r.ageYears)),
		householdSize: column((r) => r.householdSize),
		incomeBand: column((r) => r.incomeBand)
	};
}

/**
 * What a persona's members look like beyond the clustering features (whichever were chosen):
 * their preferred channels, NPS and CSAT, and the journey step they most often got no further
 * than. Means are over members with a value; null when none has one.
 */
export function personaEvidence(rows: readonly PersonaFeatureRow[]): PersonaEvidence {
	const mean = (values: (number | null)[]) => {
		const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
		return known.length ? { mean: known.reduce((sum, v) => sum + v, 0) / known.length, respondents: known.length } : null;
	};
	const withChannel = rows.filter((r) => r.channelWebshop !== null);
	const share = (pick: (r: PersonaFeatureRow) => number | null) =>
		withChannel.reduce((sum, r) => sum + (pick(r) ?? 0), 0) / withChannel.length;
	const steps = new Map<string, number>();
	for (const row of rows) if (row.furthestStepName) steps.set(row.furthestStepName, (steps.get(row.furthestStepName) ?? 0) + 1);
	const [step, count] = [...steps].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0];
	return {
		channels: withChannel.length
			? { webshop: share((r) => r.channelWebshop), app: share((r) => r.channelApp), store: share((r) => r.channelStore), phone: share((r) => r.channelPhone) }
			: null,
		nps: mean(rows.map((r) => r.nps)),
		csat: mean(rows.map((r) => r.csat)),
		furthestStep: step ? { step, share: count / rows.length } : null
	};
}
