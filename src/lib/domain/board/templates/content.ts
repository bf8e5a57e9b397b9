import type { BoardTemplate, TemplateContent } from './types';

/*
 * Each template once, in both languages side by side, so the English and Dutch boards can
 * never drift apart in structure.
 */

const standardLanes: TemplateContent['lanes'] = [
	{ key: 'actions', kind: 'actions', title: { en: 'Customer actions', nl: 'Klantacties' } },
	{ key: 'website', kind: 'touchpoints', title: { en: 'Website', nl: 'Website' } },
	{ key: 'app', kind: 'touchpoints', title: { en: 'App', nl: 'App' } },
	{ key: 'email', kind: 'touchpoints', title: { en: 'E-mail', nl: 'E-mail' } },
	{ key: 'shop', kind: 'touchpoints', title: { en: 'Shop', nl: 'Winkel' } },
	{ key: 'service', kind: 'touchpoints', title: { en: 'Customer service', nl: 'Klantenservice' } },
	{ key: 'thoughts', kind: 'thoughts', title: { en: 'Thoughts & feelings', nl: 'Gedachten & gevoelens' } },
	{ key: 'emotion', kind: 'emotion', title: { en: 'Emotion curve', nl: 'Emotiecurve' } },
	{ key: 'pains', kind: 'painpoints', title: { en: 'Pain points', nl: 'Pijnpunten' } },
	{ key: 'dropoffs', kind: 'dropoffs', title: { en: 'Drop-off causes', nl: 'Afhaakredenen' } },
	{ key: 'opportunities', kind: 'opportunities', title: { en: 'Opportunities', nl: 'Kansen' } },
	{ key: 'backstage', kind: 'backstage', title: { en: 'Backstage', nl: 'Backstage' } },
	{ key: 'metrics', kind: 'metrics', title: { en: 'Metrics', nl: 'Cijfers' } }
];

const journeyStages: TemplateContent['stages'] = [
	{ key: 'orientation', title: { en: 'Orientation', nl: 'Oriëntatie' } },
	{ key: 'consideration', title: { en: 'Consideration', nl: 'Overweging' } },
	{ key: 'purchase', title: { en: 'Purchase', nl: 'Aankoop' } },
	{ key: 'use', title: { en: 'Use', nl: 'Gebruik' } },
	{ key: 'service', title: { en: 'Service', nl: 'Service' } },
	{ key: 'loyalty', title: { en: 'Loyalty', nl: 'Loyaliteit' } }
];

export const templates: Record<BoardTemplate, TemplateContent> = {
	blank: {
		stages: journeyStages,
		lanes: standardLanes,
		cards: []
	},
	webshop: {
		stages: journeyStages,
		lanes: standardLanes,
		cards: [
			{ stage: 'orientation', lane: 'actions', type: 'action', text: { en: 'Searches for a product online', nl: 'Zoekt online naar een product' } },
			{ stage: 'orientation', lane: 'website', type: 'touchpoint', text: { en: 'Lands on a product page from search', nl: 'Komt via een zoekmachine op een productpagina' } },
			{ stage: 'consideration', lane: 'website', type: 'touchpoint', text: { en: 'Compares variants and reads reviews', nl: 'Vergelijkt varianten en leest reviews' } },
			{ stage: 'consideration', lane: 'thoughts', type: 'thought', text: { en: '“Will it arrive before the weekend?”', nl: '„Is het er vóór het weekend?”' } },
			{ stage: 'purchase', lane: 'website', type: 'touchpoint', text: { en: 'Checkout', nl: 'Afrekenen' } },
			{ stage: 'purchase', lane: 'pains', type: 'painpoint', severity: 3, text: { en: 'Delivery costs only shown at the last step', nl: 'Verzendkosten pas bij de laatste stap zichtbaar' } },
			{ stage: 'purchase', lane: 'dropoffs', type: 'dropoff', dropOffCategory: 'unclear_information', severity: 3, text: { en: 'Unexpected delivery costs', nl: 'Onverwachte verzendkosten' } },
			{ stage: 'use', lane: 'email', type: 'touchpoint', text: { en: 'Order confirmation and track & trace', nl: 'Orderbevestiging en track & trace' } },
			{ stage: 'service', lane: 'service', type: 'touchpoint', text: { en: 'Asks about a late delivery', nl: 'Vraagt naar een late levering' } },
			{ stage: 'service', lane: 'dropoffs', type: 'dropoff', dropOffCategory: 'explain_again', severity: 2, text: { en: 'Has to explain the order again to each agent', nl: 'Moet de bestelling steeds opnieuw uitleggen' } },
			{ stage: 'loyalty', lane: 'email', type: 'touchpoint', text: { en: 'Review request and a personal offer', nl: 'Reviewverzoek en een persoonlijk aanbod' } },
			{ stage: 'loyalty', lane: 'opportunities', type: 'opportunity', lever: 'cross_sell', effort: 1, impact: 2, text: { en: 'Suggest accessories that fit the purchase', nl: 'Accessoires voorstellen die bij de aankoop passen' } },
			{ stage: 'purchase', lane: 'backstage', type: 'note', text: { en: 'Webshop platform · payment provider · warehouse', nl: 'Webshopplatform · betaalprovider · magazijn' } }
		],
		emotions: {orientation:1,consideration:0.5,purchase:-1.5,use:1,service:-1,loyalty:1.5}
	},
	subscription: {
		stages: [
			{ key: 'orientation', title: { en: 'Orientation', nl: 'Oriëntatie' } },
			{ key: 'signup', title: { en: 'Sign-up', nl: 'Aanmelden' } },
			{ key: 'onboarding', title: { en: 'Onboarding', nl: 'Onboarding' } },
			{ key: 'use', title: { en: 'Use', nl: 'Gebruik' } },
			{ key: 'contact', title: { en: 'Customer service contact', nl: 'Contact met klantenservice' } },
			{ key: 'renewal', title: { en: 'Renewal or cancellation', nl: 'Verlengen of opzeggen' } }
		],
		lanes: standardLanes,
		cards: [
			{ stage: 'signup', lane: 'website', type: 'touchpoint', text: { en: 'Chooses a plan and signs up', nl: 'Kiest een abonnement en meldt zich aan' } },
			{ stage: 'onboarding', lane: 'email', type: 'touchpoint', text: { en: 'Welcome series', nl: 'Welkomstreeks' } },
			{ stage: 'onboarding', lane: 'pains', type: 'painpoint', severity: 2, text: { en: 'Unclear how to get started', nl: 'Onduidelijk hoe je begint' } },
			{ stage: 'contact', lane: 'service', type: 'touchpoint', text: { en: 'Calls about an invoice', nl: 'Belt over een factuur' } },
			{ stage: 'contact', lane: 'dropoffs', type: 'dropoff', dropOffCategory: 'poor_reachability', severity: 3, text: { en: 'Long waiting time on the phone', nl: 'Lange wachttijd aan de telefoon' } },
			{ stage: 'contact', lane: 'dropoffs', type: 'dropoff', dropOffCategory: 'no_answer', severity: 3, text: { en: 'E-mail question never answered', nl: 'Vraag per e-mail nooit beantwoord' } },
			{ stage: 'renewal', lane: 'opportunities', type: 'opportunity', lever: 'retention', effort: 2, impact: 3, text: { en: 'Offer a yearly plan before the renewal date', nl: 'Een jaarabonnement aanbieden vóór de verlengdatum' } },
			{ stage: 'use', lane: 'opportunities', type: 'opportunity', lever: 'self_service', effort: 2, impact: 2, text: { en: 'Self-service for address and plan changes', nl: 'Selfservice voor adres- en abonnementswijzigingen' } }
		],
		emotions: {orientation:0.5,signup:1,onboarding:-0.5,use:1,contact:-2,renewal:0}
	},
	'crm-steps': {
		stages: [
			{ key: 'identify', title: { en: 'Identify', nl: 'Identificeren' } },
			{ key: 'differentiate', title: { en: 'Differentiate', nl: 'Differentiëren' } },
			{ key: 'segment', title: { en: 'Segment', nl: 'Segmenteren' } },
			{ key: 'interact', title: { en: 'Interact', nl: 'Interactie' } },
			{ key: 'customise', title: { en: 'Customise', nl: 'Maatwerk' } }
		],
		lanes: [
			{ key: 'actions', kind: 'actions', title: { en: 'What we do', nl: 'Wat we doen' } },
			{ key: 'data', kind: 'backstage', title: { en: 'Customer data', nl: 'Klantdata' } },
			{ key: 'channels', kind: 'touchpoints', title: { en: 'Channels', nl: 'Kanalen' } },
			{ key: 'opportunities', kind: 'opportunities', title: { en: 'Opportunities', nl: 'Kansen' } },
			{ key: 'metrics', kind: 'metrics', title: { en: 'Metrics', nl: 'Cijfers' } }
		],
		cards: [
			{ stage: 'identify', lane: 'actions', type: 'action', text: { en: 'Get to know customers: basic and profile data', nl: 'Klanten leren kennen: basis- en profielgegevens' } },
			{ stage: 'differentiate', lane: 'actions', type: 'action', text: { en: 'Tell customers apart by needs, behaviour, value and relationship willingness', nl: 'Klanten onderscheiden naar behoeften, gedrag, waarde en relatiebereidheid' } },
			{ stage: 'segment', lane: 'actions', type: 'action', text: { en: 'Form customer groups and profiles', nl: 'Klantgroepen en profielen vormen' } },
			{ stage: 'interact', lane: 'actions', type: 'action', text: { en: 'Gather more data at every contact', nl: 'Bij elk contact meer data verzamelen' } },
			{ stage: 'customise', lane: 'actions', type: 'action', text: { en: 'Adapt products and service per group', nl: 'Producten en service per groep aanpassen' } },
			{ stage: 'customise', lane: 'opportunities', type: 'opportunity', lever: 'personalisation', effort: 2, impact: 3, text: { en: 'Personalised offers per customer group', nl: 'Persoonlijke aanbiedingen per klantgroep' } }
		]
	},
};
