import type { BoardTemplate, TemplateContent } from './types';

const standardLanes: TemplateContent['lanes'] = [
	{ key: 'actions', title: 'Klantacties', kind: 'actions' },
	{ key: 'website', title: 'Website', kind: 'touchpoints' },
	{ key: 'app', title: 'App', kind: 'touchpoints' },
	{ key: 'email', title: 'E-mail', kind: 'touchpoints' },
	{ key: 'shop', title: 'Winkel', kind: 'touchpoints' },
	{ key: 'service', title: 'Klantenservice', kind: 'touchpoints' },
	{ key: 'thoughts', title: 'Gedachten & gevoelens', kind: 'thoughts' },
	{ key: 'emotion', title: 'Emotiecurve', kind: 'emotion' },
	{ key: 'pains', title: 'Pijnpunten', kind: 'painpoints' },
	{ key: 'dropoffs', title: 'Afhaakredenen', kind: 'dropoffs' },
	{ key: 'opportunities', title: 'Kansen', kind: 'opportunities' },
	{ key: 'backstage', title: 'Backstage', kind: 'backstage' },
	{ key: 'metrics', title: 'Cijfers', kind: 'metrics' }
];

const journeyStages: TemplateContent['stages'] = [
	{ key: 'orientation', title: 'Oriëntatie' },
	{ key: 'consideration', title: 'Overweging' },
	{ key: 'purchase', title: 'Aankoop' },
	{ key: 'use', title: 'Gebruik' },
	{ key: 'service', title: 'Service' },
	{ key: 'loyalty', title: 'Loyaliteit' }
];

export const nl: Record<BoardTemplate, TemplateContent> = {
	blank: { stages: journeyStages, lanes: standardLanes, cards: [] },
	webshop: {
		stages: journeyStages,
		lanes: standardLanes,
		cards: [
			{ stage: 'orientation', lane: 'actions', type: 'action', text: 'Zoekt online naar een product' },
			{ stage: 'orientation', lane: 'website', type: 'touchpoint', text: 'Komt via een zoekmachine op een productpagina' },
			{ stage: 'consideration', lane: 'website', type: 'touchpoint', text: 'Vergelijkt varianten en leest reviews' },
			{ stage: 'consideration', lane: 'thoughts', type: 'thought', text: '„Is het er vóór het weekend?”' },
			{ stage: 'purchase', lane: 'website', type: 'touchpoint', text: 'Afrekenen' },
			{ stage: 'purchase', lane: 'pains', type: 'painpoint', text: 'Verzendkosten pas bij de laatste stap zichtbaar', severity: 3 },
			{ stage: 'purchase', lane: 'dropoffs', type: 'dropoff', text: 'Onverwachte verzendkosten', dropOffCategory: 'unclear_information', severity: 3 },
			{ stage: 'use', lane: 'email', type: 'touchpoint', text: 'Orderbevestiging en track & trace' },
			{ stage: 'service', lane: 'service', type: 'touchpoint', text: 'Vraagt naar een late levering' },
			{ stage: 'service', lane: 'dropoffs', type: 'dropoff', text: 'Moet de bestelling steeds opnieuw uitleggen', dropOffCategory: 'explain_again', severity: 2 },
			{ stage: 'loyalty', lane: 'email', type: 'touchpoint', text: 'Reviewverzoek en een persoonlijk aanbod' },
			{ stage: 'loyalty', lane: 'opportunities', type: 'opportunity', text: 'Accessoires voorstellen die bij de aankoop passen', lever: 'cross_sell', effort: 1, impact: 2 },
			{ stage: 'purchase', lane: 'backstage', type: 'note', text: 'Webshopplatform · betaalprovider · magazijn' }
		],
		emotions: { orientation: 1, consideration: 0.5, purchase: -1.5, use: 1, service: -1, loyalty: 1.5 }
	},
	subscription: {
		stages: [
			{ key: 'orientation', title: 'Oriëntatie' },
			{ key: 'signup', title: 'Aanmelden' },
			{ key: 'onboarding', title: 'Onboarding' },
			{ key: 'use', title: 'Gebruik' },
			{ key: 'contact', title: 'Contact met klantenservice' },
			{ key: 'renewal', title: 'Verlengen of opzeggen' }
		],
		lanes: standardLanes,
		cards: [
			{ stage: 'signup', lane: 'website', type: 'touchpoint', text: 'Kiest een abonnement en meldt zich aan' },
			{ stage: 'onboarding', lane: 'email', type: 'touchpoint', text: 'Welkomstreeks' },
			{ stage: 'onboarding', lane: 'pains', type: 'painpoint', text: 'Onduidelijk hoe je begint', severity: 2 },
			{ stage: 'contact', lane: 'service', type: 'touchpoint', text: 'Belt over een factuur' },
			{ stage: 'contact', lane: 'dropoffs', type: 'dropoff', text: 'Lange wachttijd aan de telefoon', dropOffCategory: 'poor_reachability', severity: 3 },
			{ stage: 'contact', lane: 'dropoffs', type: 'dropoff', text: 'Vraag per e-mail nooit beantwoord', dropOffCategory: 'no_answer', severity: 3 },
			{ stage: 'renewal', lane: 'opportunities', type: 'opportunity', text: 'Een jaarabonnement aanbieden vóór de verlengdatum', lever: 'retention', effort: 2, impact: 3 },
			{ stage: 'use', lane: 'opportunities', type: 'opportunity', text: 'Selfservice voor adres- en abonnementswijzigingen', lever: 'self_service', effort: 2, impact: 2 }
		],
		emotions: { orientation: 0.5, signup: 1, onboarding: -0.5, use: 1, contact: -2, renewal: 0 }
	},
	'crm-steps': {
		stages: [
			{ key: 'identify', title: 'Identificeren' },
			{ key: 'differentiate', title: 'Differentiëren' },
			{ key: 'segment', title: 'Segmenteren' },
			{ key: 'interact', title: 'Interactie' },
			{ key: 'customise', title: 'Maatwerk' }
		],
		lanes: [
			{ key: 'actions', title: 'Wat we doen', kind: 'actions' },
			{ key: 'data', title: 'Klantdata', kind: 'backstage' },
			{ key: 'channels', title: 'Kanalen', kind: 'touchpoints' },
			{ key: 'opportunities', title: 'Kansen', kind: 'opportunities' },
			{ key: 'metrics', title: 'Cijfers', kind: 'metrics' }
		],
		cards: [
			{ stage: 'identify', lane: 'actions', type: 'action', text: 'Klanten leren kennen: basis- en profielgegevens' },
			{ stage: 'differentiate', lane: 'actions', type: 'action', text: 'Klanten onderscheiden naar behoeften, gedrag, waarde en relatiebereidheid' },
			{ stage: 'segment', lane: 'actions', type: 'action', text: 'Klantgroepen en profielen vormen' },
			{ stage: 'interact', lane: 'actions', type: 'action', text: 'Bij elk contact meer data verzamelen' },
			{ stage: 'customise', lane: 'actions', type: 'action', text: 'Producten en service per groep aanpassen' },
			{ stage: 'customise', lane: 'opportunities', type: 'opportunity', text: 'Persoonlijke aanbiedingen per klantgroep', lever: 'personalisation', effort: 2, impact: 3 }
		]
	}
};
