import type { CardType, CrmLever, DropOffCategory, LaneKind, Level } from '../types';

export const BOARD_TEMPLATES = ['blank', 'webshop', 'subscription', 'crm-steps'] as const;
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];
export type TemplateLocale = 'en' | 'nl';

/** Words of a template in every language the UI speaks. */
export type TemplateText = Record<TemplateLocale, string>;

/** A template as data: stages and lanes by key, cards placed by those keys. */
export interface TemplateContent {
	stages: Array<{ key: string; title: TemplateText }>;
	lanes: Array<{ key: string; title: TemplateText; kind: LaneKind }>;
	cards: Array<{
		stage: string;
		lane: string;
		type: CardType;
		text: TemplateText;
		severity?: Level;
		dropOffCategory?: DropOffCategory;
		lever?: CrmLever;
		effort?: Level;
		impact?: Level;
	}>;
	emotions?: Record<string, number>;
}
