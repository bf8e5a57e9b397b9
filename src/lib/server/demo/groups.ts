import { RFM_SEGMENTS, TOP_20_PRESET, type GroupRule } from '$lib/domain/groups';
import type * as db from '../db';
import type { DemoLocale } from './locale';

export interface DemoGroup {
	name: string;
	description: string;
	basis: db.GroupBasisValue;
	rule: GroupRule;
	/** The group whose personas the demo derives and puts on the demo map. */
	personas?: true;
}

/** Hand-made groups on the bases the presets leave out, so the groups page shows what a team would build. */
const HAND_MADE: { name: Record<DemoLocale, string>; description: Record<DemoLocale, string>; basis: db.GroupBasisValue; rule: GroupRule }[] = [
	{
		name: { en: 'Home cooks', nl: 'Thuiskoks' },
		description: { en: 'Customers who name cooking among their interests', nl: 'Klanten die koken bij hun interesses noemen' },
		basis: 'needs',
		rule: { match: 'all', conditions: [{ field: 'interests', op: 'includes', value: 'koken' }] }
	},
	{
		name: { en: 'Loyalty members open to contact', nl: 'Loyaliteitsleden die contact willen' },
		description: {
			en: 'In the loyalty programme and opted in: the relationship-willing',
			nl: 'In het loyaliteitsprogramma en met opt-in: de relatiebereiden'
		},
		basis: 'relationship',
		rule: {
			match: 'all',
			conditions: [
				{ field: 'loyaltyMember', op: 'isTrue' },
				{ field: 'optIn', op: 'isTrue' }
			]
		}
	}
];

/** The demo's groups in its language: the hand-made ones, the 20/80 group and the RFM segments. */
export function demoGroups(locale: DemoLocale): DemoGroup[] {
	return [
		...HAND_MADE.map((group) => ({ ...group, name: group.name[locale], description: group.description[locale] })),
		{ name: TOP_20_PRESET.name[locale], description: TOP_20_PRESET.description[locale], basis: TOP_20_PRESET.basis, rule: TOP_20_PRESET.rule, personas: true as const },
		...RFM_SEGMENTS.map((preset) => ({ name: preset.name[locale], description: preset.description[locale], basis: preset.basis, rule: preset.rule }))
	];
}
