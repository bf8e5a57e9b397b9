import type { z } from 'zod';
import type * as db from '../db';
import { aimsSection, channelsSection, headline, leaks, loyaltySection, opportunities, valueWhere, type Answer, type InsightsInput } from '../insights';
import { aimsJson, aimsShape } from './insights-aims-json';
import { channelsJson, channelsShape } from './insights-channels-json';
import { headlineJson, headlineShape, leaksJson, leaksShape } from './insights-json';
import { loyaltySectionJson, loyaltySectionShape } from './insights-loyalty-json';
import { portfolioJson, portfolioShape } from './insights-portfolio-json';
import { valueWhereJson, valueWhereShape } from './insights-value-json';

/*
 * The sections of the insights page as one list, for what takes all of them at once (a
 * snapshot keeps each one's JSON answer). A new section joins with one line here.
 */

export interface InsightsSection<T, J> {
	compute: (user: db.User | null, workspaceId: string, input: InsightsInput, waitMs: number) => Promise<Answer<T>>;
	toJson: (report: T) => J;
	/** Its JSON answer, as the OpenAPI document shows it. */
	shape: z.ZodType<J>;
}

const section = <T, J>(definition: InsightsSection<T, J>) => definition;

export const insightsSections = {
	headline: section({ compute: headline, toJson: headlineJson, shape: headlineShape }),
	aims: section({ compute: aimsSection, toJson: aimsJson, shape: aimsShape }),
	value: section({ compute: valueWhere, toJson: valueWhereJson, shape: valueWhereShape }),
	leaks: section({ compute: leaks, toJson: leaksJson, shape: leaksShape }),
	loyalty: section({ compute: loyaltySection, toJson: loyaltySectionJson, shape: loyaltySectionShape }),
	channels: section({ compute: channelsSection, toJson: channelsJson, shape: channelsShape }),
	opportunities: section({ compute: (user, workspaceId, _input, waitMs) => opportunities(user, workspaceId, waitMs), toJson: portfolioJson, shape: portfolioShape })
};

export type InsightsSectionName = keyof typeof insightsSections;

/** The sections a snapshot keeps, as their JSON answers (each absent when it was not done). */
export type InsightsSectionsJson = { [K in InsightsSectionName]?: ReturnType<(typeof insightsSections)[K]['toJson']> };
