import { describe, expect, it } from 'vitest';
import { eventTypeId, eventTypeLabel, readableEventType } from './event-types';

describe('event type labels', () => {
	it('turn tracking ids into words people read', () => {
		expect(readableEventType('visit_product_page')).toBe('Visit product page');
		expect(readableEventType('contact_customer_service')).toBe('Contact customer service');
		expect(readableEventType('contactCustomerService')).toBe('Contact customer service');
		expect(readableEventType('checkout-start')).toBe('Checkout start');
		expect(readableEventType('open_FAQ_page')).toBe('Open FAQ page');
	});

	it('keep an id that has no words as it is', () => {
		expect(readableEventType('___')).toBe('___');
	});

	it('prefer the name the workspace gave an event type', () => {
		expect(eventTypeLabel('visit_product_page', { visit_product_page: 'Bekijkt product' })).toBe('Bekijkt product');
		expect(eventTypeLabel('visit_product_page', { visit_product_page: '  ' })).toBe('Visit product page');
		expect(eventTypeLabel('add_to_cart', { visit_product_page: 'Bekijkt product' })).toBe('Add to cart');
	});
});

describe('event type ids', () => {
	it('are what an import stores: lower case, spaces and dashes as underscores', () => {
		expect(eventTypeId('Add to cart')).toBe('add_to_cart');
		expect(eventTypeId('checkout-started')).toBe('checkout_started');
		expect(eventTypeId('bad/type')).toBeNull();
		expect(eventTypeId('x'.repeat(81))).toBeNull();
	});
});
