import { z } from 'zod';
import type { LoyaltySectionReport } from '../insights';
import { loyaltyReportJson, loyaltyReportShape, retentionReportJson, retentionReportShape, satisfactionReportJson, satisfactionReportShape } from './json';

/*
 * The loyalty and satisfaction section of the insights page as JSON
 * (`/api/v1/workspaces/:id/insights/loyalty`): the /analytics/satisfaction, loyalty and retention
 * reports of the same cut, with the series, cohort matrix and observed survival drawn from them.
 */

const cutShape = satisfactionReportShape.shape.overall.extend({ key: z.string() });

export const loyaltySectionShape = z
	.object({
		status: z.literal('done'),
		period: z.object({ from: z.string(), to: z.string() }).describe('The insights period (YYYY-MM-DD, `to` included); only `series` is cut to it'),
		seriesPeriod: z.enum(['month', 'quarter']).describe('Months up to about a year and a half, quarters for longer periods'),
		channel: z.string().nullable().describe('The entry channel asked for: these figures ignore it (per-channel figures are in `satisfaction.byChannel`)'),
		minimumRespondents: z.number().int(),
		loyalty: loyaltyReportShape.omit({ status: true }).describe('As /analytics/loyalty with cohortPeriod = seriesPeriod, timeUnit = week'),
		satisfaction: satisfactionReportShape.omit({ status: true, overTime: true }).describe('As /analytics/satisfaction with period = seriesPeriod'),
		series: z.array(cutShape).describe('NPS, CSAT and CES per calendar period with a day in the insights period; key: the period'),
		cohortMatrix: z
			.object({
				columns: z.number().int().describe('Periods since acquisition: 0 … columns − 1'),
				rows: z.array(
					z.object({
						cohort: z.string(),
						size: z.number().int(),
						lowN: z.boolean(),
						retention: z.array(z.number().nullable()).describe('Share of the cohort buying k periods after acquisition; null: not observed that long')
					})
				)
			})
			.describe('Acquisition cohort × periods since, from `loyalty.cohorts`'),
		retention: retentionReportShape.omit({ status: true }).nullable().describe('As /analytics/retention with period = seriesPeriod; null when the data cannot carry it'),
		retentionProblem: z.string().nullable().describe('Why `retention` is null'),
		observedSurvival: z
			.array(z.object({ t: z.number().int(), survival: z.number(), n: z.number().int() }))
			.describe('Share still active t periods after acquisition, pooled over the cohorts observed that long (n: their customers)')
	})
	.meta({ id: 'InsightsLoyalty' });

export function loyaltySectionJson(report: LoyaltySectionReport): z.infer<typeof loyaltySectionShape> {
	const { status: _l, ...loyalty } = loyaltyReportJson(report.loyalty);
	const { status: _s, overTime, ...satisfaction } = satisfactionReportJson({ ...report.satisfaction, overTime: report.series });
	const retention = report.retention && (({ status: _r, ...rest }) => rest)(retentionReportJson(report.retention));
	return {
		status: 'done',
		period: report.period,
		seriesPeriod: report.seriesPeriod,
		channel: report.channel,
		minimumRespondents: report.minimumRespondents,
		loyalty,
		satisfaction,
		series: overTime,
		cohortMatrix: report.cohortMatrix,
		retention,
		retentionProblem: report.retentionProblem,
		observedSurvival: report.observedSurvival
	};
}
