import type { BoardTemplate, TemplateContent } from './types';

const standardLanes: TemplateContent['lanes'] = [
	{ key: 'actions', title: 'Customer actions', kind: 'actions' },
	{ key: 'website', title: 'Website', kind: 'touchpoints' },
	{ key: 'app', title: 'App', kind: 'touchpoints' },
	{ key: 'email', title: 'E-mail', kind: 'touchpoints' },
	{ key: 'shop', title: 'Shop', kind: 'touchpoints' },
	{ key: 'service', title: 'Customer service', kind: 'touchpoints' },
	{ key: 'thoughts', title: 'Thoughts & feelings', kind: 'thoughts' },
	{ key: 'emotion', title: 'Emotion curve', kind: 'emotion' },
	{ key: 'pains', title: 'Pain points', kind: 'painpoints' },
	{ key: 'dropoffs', title: 'Drop-off causes', kind: 'dropoffs' },
	{ key: 'opportunities', title: 'Opportunities', kind: 'opportunities' },
	{ key: 'backstage', title: 'Backstage', kind: 'backstage' },
	{ key: 'metrics', title: 'Metrics', kind: 'metrics' }
];

const journeyStages: TemplateContent['stages'] = [
	{ key: 'orientation', title: 'Orientation' },
	{ key: 'consideration', title: 'Consideration' },
	{ key: 'purchase', title: 'Purchase' },
	{ key: 'use', title: 'Use' },
	{ key: 'service', title: 'Service' },
	{ key: 'loyalty', title: 'Loyalty' }
];

export const en: Record<BoardTemplate, TemplateContent> = {
	blank: { stages: journeyStages, lanes: standardLanes, cards: [] },
	webshop: {
		stages: journeyStages,
		lanes: standardLanes,
		cards: [
			{ stage: 'orientation', lane: 'actions', type: 'action', text: 'Searches for a product online' },
			{ stage: 'orientation', lane: 'website', type: 'touchpoint', text: 'Lands on a product page from search' },
			{ stage: 'consideration', lane: 'website', type: 'touchpoint', text: 'Compares variants and reads reviews' },
			{ stage: 'consideration', lane: 'thoughts', type: 'thought', text: '“Will it arrive before the weekend?”' },
			{ stage: 'purchase', lane: 'website', type: 'touchpoint', text: 'Checkout' },
			{ stage: 'purchase', lane: 'pains', type: 'painpoint', text: 'Delivery costs only shown at the last step', severity: 3 },
			{ stage: 'purchase', lane: 'dropoffs', type: 'dropoff', text: 'Unexpected delivery costs', dropOffCategory: 'unclear_information', severity: 3 },
			{ stage: 'use', lane: 'email', type: 'touchpoint', text: 'Order confirmation and track & trace' },
			{ stage: 'service', lane: 'service', type: 'touchpoint', text: 'Asks about a late delivery' },
			{ stage: 'service', lane: 'dropoffs', type: 'dropoff', text: 'Has to explain the order again to each agent', dropOffCategory: 'explain_again', severity: 2 },
			{ stage: 'loyalty', lane: 'email', type: 'touchpoint', text: 'Review request and a personal offer' },
			{ stage: 'loyalty', lane: 'opportunities', type: 'opportunity', text: 'Suggest accessories that fit the purchase', lever: 'cross_sell', effort: 1, impact: 2 },
			{ stage: 'purchase', lane: 'backstage', type: 'note', text: 'Webshop platform · payment provider · warehouse' }
		],
		emotions: { orientation: 1, consideration: 0.5, purchase: -1.5, use: 1, service: -1, loyalty: 1.5 }
	},
	subscription: {
		stages: [
			{ key: 'orientation', title: 'Orientation' },
			{ key: 'signup', title: 'Sign-up' },
			{ key: 'onboarding', title: 'Onboarding' },
			{ key: 'use', title: 'Use' },
			{ key: 'contact', title: 'Customer service contact' },
			{ key: 'renewal', title: 'Renewal or cancellation' }
		],
		lanes: standardLanes,
		cards: [
			{ stage: 'signup', lane: 'website', type: 'touchpoint', text: 'Chooses a plan and signs up' },
			{ stage: 'onboarding', lane: 'email', type: 'touchpoint', text: 'Welcome series' },
			{ stage: 'onboarding', lane: 'pains', type: 'painpoint', text: 'Unclear how to get started', severity: 2 },
			{ stage: 'contact', lane: 'service', type: 'touchpoint', text: 'Calls about an invoice' },
			{ stage: 'contact', lane: 'dropoffs', type: 'dropoff', text: 'Long waiting time on the phone', dropOffCategory: 'poor_reachability', severity: 3 },
			{ stage: 'contact', lane: 'dropoffs', type: 'dropoff', text: 'E-mail question never answered', dropOffCategory: 'no_answer', severity: 3 },
			{ stage: 'renewal', lane: 'opportunities', type: 'opportunity', text: 'Offer a yearly plan before the renewal date', lever: 'retention', effort: 2, impact: 3 },
			{ stage: 'use', lane: 'opportunities', type: 'opportunity', text: 'Self-service for address and plan changes', lever: 'self_service', effort: 2, impact: 2 }
		],
		emotions: { orientation: 0.5, signup: 1, onboarding: -0.5, use: 1, contact: -2, renewal: 0 }
	},
	'crm-steps': {
		stages: [
			{ key: 'identify', title: 'Identify' },
			{ key: 'differentiate', title: 'Differentiate' },
			{ key: 'segment', title: 'Segment' },
			{ key: 'interact', title: 'Interact' },
			{ key: 'customise', title: 'Customise' }
		],
		lanes: [
			{ key: 'actions', title: 'What we do', kind: 'actions' },
			{ key: 'data', title: 'Customer data', kind: 'backstage' },
			{ key: 'channels', title: 'Channels', kind: 'touchpoints' },
			{ key: 'opportunities', title: 'Opportunities', kind: 'opportunities' },
			{ key: 'metrics', title: 'Metrics', kind: 'metrics' }
		],
		cards: [
			{ stage: 'identify', lane: 'actions', type: 'action', text: 'Get to know customers: basic and profile data' },
			{ stage: 'differentiate', lane: 'actions', type: 'action', text: 'Tell customers apart by needs, behaviour, value and relationship willingness' },
			{ stage: 'segment', lane: 'actions', type: 'action', text: 'Form customer groups and profiles' },
			{ stage: 'interact', lane: 'actions', type: 'action', text: 'Gather more data at every contact' },
			{ stage: 'customise', lane: 'actions', type: 'action', text: 'Adapt products and service per group' },
			{ stage: 'customise', lane: 'opportunities', type: 'opportunity', text: 'Personalised offers per customer group', lever: 'personalisation', effort: 2, impact: 3 }
		]
	}
};
