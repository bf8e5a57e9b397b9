/**
 * A two-step journey (visit → checkout) with one planted drop-off driver: customers who contact
 * customer service twice between the steps drop off three times as often as the others. Those
 * who contact it once drop off at the base rate; a newsletter arrives at a steady rate for
 * everyone; half the customers have the income band "high", which makes no difference.
 * Shared by the drivers' unit test and the insights integration test.
 */
import type { EventLog } from '../funnel/types';
import { createRandom } from '../segmentation/random';

export const PLANTED = {
	baseDropOff: 0.12,
	/** Three times the base: "drop off 3× as often". */
	twiceDropOff: 0.36,
	contactOnceShare: 0.2,
	contactTwiceShare: 0.25
};

/** The planted odds ratio: the odds of dropping off with two contacts against without. */
export const PLANTED_ODDS_RATIO =
	PLANTED.twiceDropOff / (1 - PLANTED.twiceDropOff) / (PLANTED.baseDropOff / (1 - PLANTED.baseDropOff));

export interface PlantedEvent {
	customer: number;
	at: number;
	type: string;
	channel: string;
}

export interface PlantedJourney {
	customers: number;
	events: PlantedEvent[];
	/** Per customer. */
	incomeBand: string[];
	dropped: boolean[];
}

const DAY = 86_400_000;

export function plantedJourney(customers = 6000, seed = 7, start = Date.UTC(2025, 0, 1)): PlantedJourney {
	const random = createRandom(seed);
	const events: PlantedEvent[] = [];
	const incomeBand: string[] = [];
	const dropped: boolean[] = [];
	const channels = ['web', 'app'];
	for (let c = 0; c < customers; c++) {
		const visitAt = start + Math.floor(random.next() * 200) * DAY + Math.floor(random.next() * DAY);
		const channel = channels[random.int(2)]!;
		events.push({ customer: c, at: visitAt, type: 'visit', channel });
		const draw = random.next();
		const contacts = draw < PLANTED.contactOnceShare ? 1 : draw < PLANTED.contactOnceShare + PLANTED.contactTwiceShare ? 2 : 0;
		const drops = random.next() < (contacts === 2 ? PLANTED.twiceDropOff : PLANTED.baseDropOff);
		// Contacts come in the first two days; checkout between day 3 and 6.
		for (let k = 0; k < contacts; k++) events.push({ customer: c, at: visitAt + Math.floor((0.1 + random.next() * 1.9) * DAY), type: 'contact_customer_service', channel: 'phone' });
		const checkoutAt = visitAt + Math.floor((3 + random.next() * 3) * DAY);
		if (!drops) events.push({ customer: c, at: checkoutAt, type: 'checkout', channel });
		// A newsletter at a steady rate, whatever the customer does.
		for (let day = 0; day < 8; day++) if (random.next() < 0.15) events.push({ customer: c, at: visitAt + Math.floor((day + random.next()) * DAY), type: 'newsletter_open', channel: 'email' });
		incomeBand.push(random.next() < 0.5 ? 'high' : 'low');
		dropped.push(drops);
	}
	return { customers, events, incomeBand, dropped };
}

/** The journey as the funnel's columnar log. */
export function plantedLog(journey: PlantedJourney): EventLog {
	const eventTypes = [...new Set(journey.events.map((e) => e.type))];
	const channels = [...new Set(journey.events.map((e) => e.channel))];
	const n = journey.events.length;
	const log: EventLog = {
		customer: new Int32Array(n),
		at: new Float64Array(n),
		type: new Int32Array(n),
		channel: new Int32Array(n),
		eventTypes,
		channels,
		customerCount: journey.customers
	};
	journey.events.forEach((event, i) => {
		log.customer[i] = event.customer;
		log.at[i] = event.at;
		log.type[i] = eventTypes.indexOf(event.type);
		log.channel[i] = channels.indexOf(event.channel);
	});
	return log;
}
