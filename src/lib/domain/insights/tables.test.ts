import { describe, expect, it } from 'vitest';
import { tableCsv, csvCell } from './table-csv';
import { aimsTable, channelsTable, headlineTable, leaksTable, loyaltySeriesTable, portfolioTable, segmentsTable, type AimsTableLabels, type ChannelsTableLabels, type LoyaltySeriesTableLabels, type SegmentsTableLabels, type HeadlineTableInput, type HeadlineTableLabels, type LeaksTableLabels, type PortfolioTableLabels } from './tables';

const leakLabels: LeaksTableLabels = {
	step: 'Step',
	map: 'Map',
	reached: 'Reached',
	dropOffCount: 'Dropped off',
	dropOffShare: 'Drop-off (share)',
	valueAtRisk: 'Value at risk (EUR)',
	causes: 'Causes',
	note: 'Note',
	lastStage: 'Last stage.',
	lowN: (n) => `Only ${n} customers.`,
	valueWithheld: 'No trusted CLV.',
	cause: (category, text) => (category ? `${category}: ${text}` : text)
};

const leak = { boardTitle: 'Online', cardText: 'Checkout', reached: 120, lowN: false, dropOffCount: 30, dropOff: 0.25, valueAtRisk: 4500.5, causes: [] };

describe('leaksTable', () => {
	it('has one row per step with raw numbers and no note when every figure is trusted', () => {
		const table = leaksTable({ leaks: [leak, { ...leak, cardText: 'Pay' }] }, leakLabels);
		expect(table.columns.map((c) => c.key)).toEqual(['step', 'map', 'reached', 'dropOffCount', 'dropOff', 'valueAtRisk', 'causes', 'note']);
		expect(table.rows).toHaveLength(2);
		expect(table.rows[0]).toEqual(['Checkout', 'Online', 120, 30, 0.25, 4500.5, null, null]);
	});

	it('leaves a withheld value empty and says why', () => {
		const [row] = leaksTable({ leaks: [{ ...leak, valueAtRisk: null, lowN: true, reached: 4 }] }, leakLabels).rows;
		expect(row![5]).toBeNull();
		expect(row![7]).toBe('Only 4 customers. No trusted CLV.');
	});

	it('leaves the drop-off of the last stage empty rather than zero', () => {
		const [row] = leaksTable({ leaks: [{ ...leak, dropOffCount: null, dropOff: null, valueAtRisk: null }] }, leakLabels).rows;
		expect(row!.slice(3, 6)).toEqual([null, null, null]);
		expect(row![7]).toBe('Last stage.');
	});

	it('lists the linked causes in one cell', () => {
		const [row] = leaksTable({ leaks: [{ ...leak, causes: [{ category: 'unclear', text: 'Fees' }, { category: null, text: 'Slow' }] }] }, leakLabels).rows;
		expect(row![6]).toBe('unclear: Fees; Slow');
	});
});

const period = (customers: number, nps: number | null) => ({
	customers,
	clvTotal: null,
	clvMean: null,
	clvN: 0,
	clvLowN: true,
	nps: { nps, n: 8, lowN: true },
	csat: { csat: 80, n: 50, lowN: false },
	ces: { ces: null, n: 0, lowN: true },
	repeatPurchaseRate: 0.4,
	repeatLowN: false
});

const headlineLabels: HeadlineTableLabels = {
	figure: 'Figure',
	current: (p) => `${p.from}–${p.to}`,
	previous: (p) => `Before ${p.from}`,
	change: 'Change',
	n: 'n',
	note: 'Note',
	figures: { customers: 'Customers', clvTotal: 'Total CLV (EUR)', clvMean: 'Mean CLV (EUR)', nps: 'NPS', csat: 'CSAT (%)', ces: 'CES', repeatPurchaseRate: 'Repeat rate' },
	lowN: (n) => `Only ${n}.`,
	noFigure: 'No figure.',
	noChange: 'No comparison.'
};

describe('headlineTable', () => {
	const answer: HeadlineTableInput = {
		current: { ...period(200, 12), period: { from: '2026-07-01', to: '2026-09-30' } },
		previous: { ...period(150, 5), period: { from: '2026-04-01', to: '2026-06-30' } },
		change: { customers: 50, clvTotal: null, clvMean: null, nps: 7, csat: null, ces: null, repeatPurchaseRate: 0 }
	};
	const table = headlineTable(answer, headlineLabels);

	it('has one row per figure, the periods in the headers', () => {
		expect(table.rows.map((r) => r[0])).toEqual(Object.values(headlineLabels.figures));
		expect(table.columns[1]!.label).toBe('2026-07-01–2026-09-30');
	});

	it('flags a thin figure and leaves an untrusted one empty', () => {
		const byName = new Map(table.rows.map((r) => [r[0], r]));
		expect(byName.get('NPS')).toEqual(['NPS', 12, 5, 7, 8, 'Only 8.']);
		expect(byName.get('Total CLV (EUR)')).toEqual(['Total CLV (EUR)', null, null, null, 0, 'No figure.']);
		expect(byName.get('Customers')).toEqual(['Customers', 200, 150, 50, 200, null]);
		expect(byName.get('CSAT (%)')).toEqual(['CSAT (%)', 80, 80, null, 50, 'No comparison.']);
	});
});

describe('tableCsv', () => {
	const table = { name: 't', columns: [{ key: 'a', label: 'Step' }, { key: 'b', label: 'Value (EUR)' }], rows: [['Check; out', 4500.5], [null, 0.25]] };

	it('writes English with a BOM, commas, a decimal point and CRLF', () => {
		expect(tableCsv(table, 'en')).toBe('\uFEFFStep,Value (EUR)\r\nCheck; out,4500.5\r\n,0.25\r\n');
	});

	it('writes Dutch with semicolons and a decimal comma, quoting a cell that holds the separator', () => {
		expect(tableCsv(table, 'nl')).toBe('\uFEFFStep;Value (EUR)\r\n"Check; out";4500,5\r\n;0,25\r\n');
	});

	it('quotes quotes and line breaks and defuses formulas', () => {
		expect(csvCell('say "hi"', 'en')).toBe('"say ""hi"""');
		expect(csvCell('a\nb', 'en')).toBe('"a\nb"');
		expect(csvCell('=HYPERLINK("x")', 'en')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell(-3, 'en')).toBe('-3');
		expect(csvCell(1e-7, 'nl')).toBe('0,0000001');
	});
});

describe('portfolioTable', () => {
	const labels: PortfolioTableLabels = {
		opportunity: 'Opportunity', map: 'Map', stage: 'Stage', lever: 'Lever', effort: 'Effort', impact: 'Impact', status: 'Status', owner: 'Owner',
		step: 'What-if step', extraClv: 'What-if value (EUR)', note: 'Note',
		leverName: (lever) => `lever:${lever}`, statusName: (status) => `status:${status}`,
		ownerGone: 'Owner left.', noWhatIf: 'No what-if.', stepGone: 'Step gone.'
	};
	const opportunity = { boardTitle: 'Webshop', text: 'Free returns', stageTitle: 'Buy', lever: 'retention', effort: 2, impact: 3, status: 'planned', ownerName: 'Sam', ownerGone: false, value: { state: 'current' as const, stepText: 'Pay', figures: { extraClv: 1200 } } };

	it('gives each opportunity its value, and no value with the reason when its what-if is missing or stale', () => {
		const table = portfolioTable({ opportunities: [opportunity, { ...opportunity, value: null, lever: null }, { ...opportunity, ownerGone: true, value: { state: 'step-gone', stepText: 'Pay', figures: null } }] }, labels);
		expect(table.rows[0]).toEqual(['Free returns', 'Webshop', 'Buy', 'lever:retention', 2, 3, 'status:planned', 'Sam', 'Pay', 1200, null]);
		expect(table.rows[1]!.slice(3, 4)).toEqual([null]);
		expect(table.rows[1]!.slice(9)).toEqual([null, 'No what-if.']);
		expect(table.rows[2]!.slice(9)).toEqual([null, 'Owner left. Step gone.']);
	});
});

describe('channelsTable', () => {
	const labels: ChannelsTableLabels = {
		channel: 'Channel', kind: 'Kind', reach: 'Reach', contacted: 'Contacted', buyers: 'Buyers', conversion: 'Conversion', clvMean: 'Mean CLV (EUR)', clvN: 'CLV n', note: 'Note',
		kindName: (kind) => `kind:${kind}`, purchasesOnly: 'Purchases only.', conversionLowN: (n) => `Only ${n} contacted.`,
		clvWithheld: 'No trusted CLV.', clvUnknown: 'No CLV known.', clvLowN: (n) => `CLV of only ${n}.`
	};
	const web = { channel: 'web', kind: 'online', reach: 40, contacted: 40, buyers: 10, conversion: 0.25, conversionLowN: false, clv: { mean: 120.5, n: 10, lowN: false } };

	it('gives a row per channel; withheld, unknown and thin figures are empty or flagged with the reason', () => {
		const table = channelsTable({ figures: { channels: [web, { ...web, channel: 'shop', kind: 'offline', contacted: 0, conversion: null, clv: null }, { ...web, channel: 'app', conversion: 0.5, conversionLowN: true, contacted: 4, clv: { mean: null, n: 0, lowN: true } }] } }, labels);
		expect(table.rows[0]).toEqual(['web', 'kind:online', 40, 40, 10, 0.25, 120.5, 10, null]);
		expect(table.rows[1]!.slice(5)).toEqual([null, null, null, 'Purchases only. No trusted CLV.']);
		expect(table.rows[2]!.slice(5)).toEqual([0.5, null, 0, 'Only 4 contacted. No CLV known.']);
	});
});

describe('segmentsTable', () => {
	const labels: SegmentsTableLabels = {
		segment: 'Segment', kind: 'Kind', customers: 'Customers', total: 'Total (EUR)', mean: 'Mean (EUR)', share: 'Share', note: 'Note',
		kindName: (kind) => kind, suppressed: (min) => `Fewer than ${min}.`, valueWithheld: 'No trusted CLV.', noShare: 'No share.'
	};
	const utrecht = { kind: 'group' as const, name: 'Utrecht', suppressed: false, customers: 20, total: 2000, mean: 100, share: 0.5 };

	it('gives each group and persona its value; a small one shows no figures and says why', () => {
		const table = segmentsTable({ minimumSegmentCustomers: 10, figures: { segments: [utrecht, { ...utrecht, kind: 'persona', name: 'Saver', suppressed: true, customers: null, total: null, mean: null, share: null }] } }, labels);
		expect(table.rows).toEqual([
			['Utrecht', 'group', 20, 2000, 100, 0.5, null],
			['Saver', 'persona', null, null, null, null, 'Fewer than 10.']
		]);
	});

	it('is one row saying why when no CLV can be trusted', () => {
		expect(segmentsTable({ minimumSegmentCustomers: 10, figures: null }, labels).rows).toEqual([[null, null, null, null, null, null, 'No trusted CLV.']]);
	});
});

describe('loyaltySeriesTable', () => {
	const labels: LoyaltySeriesTableLabels = {
		period: 'Period', score: { nps: 'NPS', csat: 'CSAT', ces: 'CES' }, n: (score) => `${score} n`, note: 'Note',
		noAnswers: (score) => `No ${score} answers.`, lowN: (score, n) => `${score}: only ${n}.`
	};

	it('gives each period its three scores with their n, an unanswered score empty and a thin one flagged', () => {
		const table = loyaltySeriesTable({ series: [{ key: '2026-03', nps: { nps: 20, n: 30, lowN: false }, csat: { csat: 75, n: 4, lowN: true }, ces: { ces: null, n: 0, lowN: true } }] }, labels);
		expect(table.columns.map((c) => c.label)).toEqual(['Period', 'NPS', 'NPS n', 'CSAT', 'CSAT n', 'CES', 'CES n', 'Note']);
		expect(table.rows).toEqual([['2026-03', 20, 30, 75, 4, null, 0, 'CSAT: only 4. No CES answers.']]);
	});
});

describe('aimsTable', () => {
	const labels: AimsTableLabels = {
		aim: 'Aim', current: (p) => `Now ${p.from}`, previous: (p) => `Before ${p.from}`, change: 'Change', n: 'n', note: 'Note',
		aims: { acquisition: 'New', retention: 'Kept', valueGrowth: 'Mean CLV', lossMakingCustomers: 'Loss-making', lossMakingCost: 'Their cost' },
		lowN: (n) => `Only ${n}.`, noFigure: 'No figure.', valueWithheld: 'No trusted CLV.'
	};
	const figure = { current: 12, previous: 10, change: 2, n: 40, lowN: false };

	it('gives the four aims their figures; without a trusted CLV the value aims are empty and say why', () => {
		const table = aimsTable({ period: { from: '2026-03-01', to: '2026-03-31' }, previousPeriod: { from: '2026-01-29', to: '2026-02-28' }, acquisition: figure, retention: { ...figure, current: 0.3, lowN: true, n: 3 }, valueGrowth: null, lossMaking: null }, labels);
		expect(table.columns[2]!.label).toBe('Before 2026-01-29');
		expect(table.rows).toEqual([
			['New', 12, 10, 2, 40, null],
			['Kept', 0.3, 10, 2, 3, 'Only 3.'],
			['Mean CLV', null, null, null, null, 'No trusted CLV.'],
			['Loss-making', null, null, null, null, 'No trusted CLV.'],
			['Their cost', null, null, null, null, 'No trusted CLV.']
		]);
	});
});
