import { aimFigure, newCustomersIn, type AimFigure } from '$lib/domain/insights/aims';
import type { SeriesPeriod } from '$lib/domain/insights/loyalty';
import type { DayPeriod } from '$lib/domain/insights/period';
import type * as db from '../db';
import type { HeadlineReport } from './headline';
import type { LoyaltyReport } from './loyalty';
import type { ValueWhereReport } from './value-where';

/*
 * "Are we meeting the four aims of CRM?" (DOMAIN.md: attract, keep, raise value, cut loss-making
 * customers) composed from figures other sections compute: new customers from the loyalty
 * report's acquisition cohorts, retention and value growth from the headline, loss-making
 * customers from "where the value is" of this period and of the one before. Nothing is computed
 * twice: each comes from the same cached computation as its own section and API.
 */

export interface CrmAimsReport {
	period: DayPeriod;
	previousPeriod: DayPeriod;
	channel: string | null;
	minimumRespondents: number;
	/** Null: no CLV can be trusted, so value growth and loss-making are withheld. */
	clvModel: db.PersonaClvModel | null;
	/** Aim 1, attract: mean new customers per whole calendar month (or quarter) of each period; the cohorts ignore the entry channel. */
	acquisition: AimFigure & { seriesPeriod: SeriesPeriod; periods: string[]; previousPeriods: string[] };
	/** Aim 2, keep: the share of the period's buyers who bought on two or more days (the headline's repeat rate). */
	retention: AimFigure;
	/** Aim 3, raise value: the mean CLV of the period's buyers (the headline's); null when withheld. */
	valueGrowth: AimFigure | null;
	/** Aim 4, fewer loss-making customers: their number and what they cost; null when withheld. */
	lossMaking: { customers: AimFigure; cost: AimFigure } | null;
}

export function composeAims(parts: {
	minimumRespondents: number;
	seriesPeriod: SeriesPeriod;
	headline: HeadlineReport;
	loyalty: LoyaltyReport;
	value: ValueWhereReport;
	previousValue: ValueWhereReport;
}): CrmAimsReport {
	const { headline, loyalty, value, previousValue, minimumRespondents, seriesPeriod } = parts;
	const { current, previous } = headline;
	const now = newCustomersIn(loyalty.cohorts, current.period, seriesPeriod);
	const before = newCustomersIn(loyalty.cohorts, previous.period, seriesPeriod);
	const loss = value.figures?.actions['loss-making'];
	const lossBefore = previousValue.figures?.actions['loss-making'];
	// A previous period nobody bought in has nothing to compare with (as on the headline).
	const counted = <T>(customers: number, figure: T | null) => (customers > 0 ? figure : null);
	return {
		period: current.period,
		previousPeriod: previous.period,
		channel: headline.channel,
		minimumRespondents,
		clvModel: headline.clvModel,
		acquisition: { ...aimFigure(now.perPeriod, before.perPeriod, now.customers, minimumRespondents), seriesPeriod, periods: now.periods, previousPeriods: before.periods },
		retention: aimFigure(current.repeatPurchaseRate, counted(previous.customers, previous.repeatPurchaseRate), current.customers, minimumRespondents),
		valueGrowth: headline.clvModel === null ? null : aimFigure(current.clvMean, previous.clvMean, current.clvN, minimumRespondents),
		lossMaking:
			loss && value.figures
				? {
						customers: aimFigure(loss.customers, lossBefore ? counted(previousValue.figures!.customers, lossBefore.customers) : null, value.figures.customers, minimumRespondents),
						cost: aimFigure(
							value.figures.actions.lossCost,
							lossBefore ? counted(previousValue.figures!.customers, previousValue.figures!.actions.lossCost) : null,
							loss.customers,
							minimumRespondents
						)
					}
				: null
	};
}
