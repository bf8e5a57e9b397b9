/*
 * Whether a channel name in the data is online or offline, so that the customer value the
 * channels bring can be compared (issue 14, "online against offline"). Names come from imports in
 * English and Dutch; one not listed is unknown rather than guessed.
 */

export const CHANNEL_KINDS = ['online', 'offline', 'unknown'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const ONLINE = [
	'web', 'webshop', 'website', 'site', 'online', 'webwinkel', 'internet', 'e-commerce', 'ecommerce',
	'app', 'mobile', 'mobiel', 'mobile app', 'mobiele app',
	'email', 'e-mail', 'newsletter', 'nieuwsbrief',
	'chat', 'livechat', 'live chat', 'whatsapp', 'sms', 'social', 'social media', 'sociale media', 'facebook', 'instagram', 'tiktok', 'linkedin'
];

const OFFLINE = [
	'store', 'shop', 'winkel', 'filiaal', 'retail', 'in-store', 'instore', 'showroom', 'kiosk',
	'phone', 'telefoon', 'telephone', 'call', 'callcenter', 'call centre', 'call center',
	'post', 'mail order', 'catalogus', 'catalogue', 'catalog', 'direct mail', 'beurs', 'fair', 'event'
];

const KIND_OF = new Map<string, ChannelKind>([...ONLINE.map((name) => [name, 'online'] as const), ...OFFLINE.map((name) => [name, 'offline'] as const)]);

/** The form channel names are compared in: "Web " and "web" are one channel. */
export const normalChannel = (name: string): string => name.trim().toLowerCase();

/** Online or offline by the channel's name; unknown for a name not listed (e.g. "mail": e-mail or post?). */
export const channelKind = (name: string): ChannelKind => KIND_OF.get(normalChannel(name)) ?? 'unknown';
