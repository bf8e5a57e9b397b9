/**
 * Dutch flavour for the demo data: names, places with their postcode ranges, and the product
 * range of a mid-sized Dutch online retailer. All values are invented or public-knowledge
 * generalities; no real person is described.
 */
import { integer, pick, weightedIndex, type Rng } from './random';

export const FEMALE_FIRST_NAMES = [
	'Emma', 'Julia', 'Sophie', 'Tess', 'Mila', 'Sara', 'Anna', 'Zoë', 'Lotte', 'Eva', 'Fenna', 'Lisa',
	'Sanne', 'Anouk', 'Femke', 'Lieke', 'Iris', 'Maud', 'Noor', 'Fleur', 'Esther', 'Marieke', 'Linda',
	'Monique', 'Ingrid', 'Petra', 'Anja', 'Wilma', 'Els', 'Karin', 'Marloes', 'Daniëlle', 'Annemiek',
	'Yasmina', 'Fatima', 'Priya', 'Mei', 'Chantal', 'Ria', 'Joke', 'Ellen', 'Saskia', 'Renée', 'Inge'
] as const;

export const MALE_FIRST_NAMES = [
	'Noah', 'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Milan', 'Bram', 'Jesse', 'Thijs', 'Ruben', 'Lars',
	'Tim', 'Jeroen', 'Bas', 'Niels', 'Stijn', 'Koen', 'Mark', 'Peter', 'Jan', 'Kees', 'Henk', 'Gerrit',
	'Wim', 'Hans', 'Sander', 'Martijn', 'Maarten', 'Dennis', 'Erik', 'Joost', 'Pieter', 'Willem',
	'Mohammed', 'Youssef', 'Mehmet', 'Rachid', 'Arjen', 'Frank', 'Rob', 'Teun', 'Sven', 'Joris'
] as const;

/** Surnames as written in the Netherlands, tussenvoegsel first and in lower case. */
export const SURNAMES = [
	'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit',
	'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen',
	'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden',
	'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek',
	'de Bruijn', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven',
	'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman',
	'Peeters', 'de Jonge', 'Kuipers', 'van Veen', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink',
	'Scholten', 'van Wijk', 'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen',
	'Jonker', 'van Loon', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch',
	'van Dongen', 'Schipper', 'de Koning', 'van der Laan', "in 't Veld", 'ter Horst', 'Yılmaz',
	'El Amrani', 'Bouzid', 'Öztürk', 'Nguyen', 'Kaya', 'Pinas', 'Sedney'
] as const;

/** Places weighted by population (thousands, rounded) with their postcode number range. */
export const PLACES = [
	{ city: 'Amsterdam', population: 930, postcodes: [1011, 1109] },
	{ city: 'Rotterdam', population: 670, postcodes: [3011, 3089] },
	{ city: 'Den Haag', population: 560, postcodes: [2491, 2597] },
	{ city: 'Utrecht', population: 370, postcodes: [3511, 3585] },
	{ city: 'Eindhoven', population: 245, postcodes: [5611, 5658] },
	{ city: 'Groningen', population: 240, postcodes: [9711, 9747] },
	{ city: 'Tilburg', population: 225, postcodes: [5011, 5049] },
	{ city: 'Almere', population: 225, postcodes: [1311, 1363] },
	{ city: 'Breda', population: 190, postcodes: [4811, 4839] },
	{ city: 'Nijmegen', population: 185, postcodes: [6511, 6546] },
	{ city: 'Apeldoorn', population: 170, postcodes: [7311, 7339] },
	{ city: 'Arnhem', population: 167, postcodes: [6811, 6846] },
	{ city: 'Haarlem', population: 165, postcodes: [2011, 2037] },
	{ city: 'Enschede', population: 160, postcodes: [7511, 7548] },
	{ city: 'Amersfoort', population: 160, postcodes: [3811, 3829] },
	{ city: 'Zaandam', population: 80, postcodes: [1501, 1509] },
	{ city: "'s-Hertogenbosch", population: 160, postcodes: [5211, 5249] },
	{ city: 'Hoofddorp', population: 80, postcodes: [2131, 2136] },
	{ city: 'Zwolle', population: 132, postcodes: [8011, 8043] },
	{ city: 'Leiden', population: 127, postcodes: [2311, 2334] },
	{ city: 'Maastricht', population: 122, postcodes: [6211, 6229] },
	{ city: 'Dordrecht', population: 120, postcodes: [3311, 3329] },
	{ city: 'Leeuwarden', population: 126, postcodes: [8911, 8939] },
	{ city: 'Alkmaar', population: 110, postcodes: [1811, 1825] },
	{ city: 'Delft', population: 105, postcodes: [2611, 2629] },
	{ city: 'Deventer', population: 102, postcodes: [7411, 7431] },
	{ city: 'Hilversum', population: 92, postcodes: [1211, 1223] },
	{ city: 'Venlo', population: 102, postcodes: [5911, 5928] },
	{ city: 'Ede', population: 120, postcodes: [6711, 6718] },
	{ city: 'Emmen', population: 107, postcodes: [7811, 7828] },
	{ city: 'Gouda', population: 75, postcodes: [2801, 2809] },
	{ city: 'Hoorn', population: 75, postcodes: [1621, 1628] },
	{ city: 'Assen', population: 69, postcodes: [9401, 9408] },
	{ city: 'Middelburg', population: 50, postcodes: [4331, 4337] },
	{ city: 'Lelystad', population: 82, postcodes: [8211, 8245] },
	{ city: 'Veenendaal', population: 68, postcodes: [3901, 3907] },
	{ city: 'Oss', population: 93, postcodes: [5341, 5351] },
	{ city: 'Roosendaal', population: 78, postcodes: [4701, 4709] },
	{ city: 'Heerlen', population: 87, postcodes: [6411, 6422] },
	{ city: 'Sneek', population: 34, postcodes: [8601, 8608] }
] as const;

const PLACE_WEIGHTS = PLACES.map((p) => p.population);
// Dutch postcodes never use the letter pairs SA, SD and SS.
const POSTCODE_LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';
const FORBIDDEN_PAIRS = new Set(['SA', 'SD', 'SS']);

export function randomAddress(rng: Rng): { postcode: string; city: string } {
	const place = PLACES[weightedIndex(rng, PLACE_WEIGHTS)]!;
	const digits = integer(rng, place.postcodes[0], place.postcodes[1]);
	let letters: string;
	do letters = pick(rng, [...POSTCODE_LETTERS]) + pick(rng, [...POSTCODE_LETTERS]);
	while (FORBIDDEN_PAIRS.has(letters));
	return { postcode: `${digits} ${letters}`, city: place.city };
}

export const CATEGORIES = ['kleding', 'schoenen', 'sport', 'wonen', 'elektronica', 'verzorging', 'speelgoed'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Product {
	name: string;
	category: Category;
	/** Regular unit price in euros, VAT included. */
	price: number;
}

/** Gross margin on the regular price, per category (electronics is a thin-margin business). */
export const CATEGORY_MARGIN: Record<Category, number> = {
	kleding: 0.48,
	schoenen: 0.42,
	sport: 0.36,
	wonen: 0.38,
	elektronica: 0.14,
	verzorging: 0.32,
	speelgoed: 0.3
};

const RANGE: Record<Category, [string, number][]> = {
	kleding: [
		['T-shirt biologisch katoen', 19.95], ['Spijkerbroek slim fit', 69.95], ['Winterjas gewatteerd', 149.0],
		['Trui merinowol', 79.95], ['Zomerjurk', 49.95], ['Regenjas', 89.95], ['Sokken 5-pack', 12.99],
		['Overhemd strijkvrij', 44.95], ['Hoodie', 54.95], ['Pyjama', 34.95]
	],
	schoenen: [
		['Sneakers wit leer', 89.95], ['Hardloopschoenen', 129.95], ['Enkellaarsjes', 109.0], ['Pantoffels', 24.95],
		['Wandelschoenen', 149.95], ['Sandalen', 39.95], ['Kinderschoenen', 44.95]
	],
	sport: [
		['Yogamat', 29.95], ['Fietshelm', 59.95], ['Hardloopshirt', 27.5], ['Dumbbellset 2×5 kg', 39.99],
		['Sporttas', 34.95], ['Fietsverlichting set', 24.99], ['Fitnessband set', 14.99], ['Racket padel', 89.0],
		['Hometrainer', 399.0]
	],
	wonen: [
		['Dekbedovertrek 2-persoons', 49.95], ['Plaid', 34.95], ['Bureaustoel', 189.0], ['Vloerkleed 160×230', 159.0],
		['Hanglamp', 79.95], ['Pannenset 5-delig', 119.0], ['Geurkaars', 12.95], ['Boxspring 160×200', 899.0],
		['Fotolijst set', 19.95], ['Badlakens 2-pack', 24.95]
	],
	elektronica: [
		['Draadloze oordopjes', 79.0], ['Smartwatch', 249.0], ['Laptop 14 inch', 849.0], ['Televisie 55 inch', 699.0],
		['Stofzuiger steelmodel', 299.0], ['Powerbank 10.000 mAh', 29.99], ['USB-C oplader 65 W', 34.99],
		['Koffiemachine volautomaat', 449.0], ['Bluetooth speaker', 99.0], ['Telefoonhoesje', 19.99]
	],
	verzorging: [
		['Shampoo', 6.49], ['Dagcrème', 19.95], ['Elektrische tandenborstel', 89.99], ['Scheerapparaat', 119.0],
		['Parfum 50 ml', 64.95], ['Zonnebrand SPF 30', 14.95], ['Haardroger', 49.95], ['Deodorant 3-pack', 9.99]
	],
	speelgoed: [
		['Bouwset kasteel', 59.99], ['Bordspel familie', 29.99], ['Knuffel', 17.95], ['Puzzel 1000 stukjes', 16.99],
		['Loopfiets', 79.0], ['Speelgoedkeuken', 129.0], ['Kleurboek', 6.99]
	]
};

export const PRODUCTS: Record<Category, Product[]> = Object.fromEntries(
	CATEGORIES.map((category) => [category, RANGE[category].map(([name, price]) => ({ name, category, price }))])
) as Record<Category, Product[]>;

export const INTERESTS = [
	'mode', 'hardlopen', 'fietsen', 'fitness', 'koken', 'reizen', 'tuinieren', 'gamen', 'interieur',
	'technologie', 'lezen', 'muziek', 'duurzaamheid', 'aanbiedingen', 'kinderen', 'beauty', 'wandelen'
] as const;
export type Interest = (typeof INTERESTS)[number];

/** Reasons customers give for dropping off (afhaken), per cause from the domain primer. */
export const DROP_OFF_COMMENTS = {
	unclarity: [
		'Onduidelijk wat de verzendkosten waren',
		'Ik begreep niet wanneer het zou worden bezorgd',
		'De retourvoorwaarden waren niet duidelijk',
		'Kortingscode werkte niet en niemand kon uitleggen waarom'
	],
	poorReachability: [
		'Klantenservice was telefonisch slecht bereikbaar',
		'Lang in de wacht gestaan',
		'De chat was steeds offline'
	],
	noAnswer: [
		'Geen antwoord gekregen op mijn e-mail',
		'Na een week nog steeds geen reactie',
		'Mijn vraag over de levering is nooit beantwoord'
	],
	explainAgain: [
		'Moest mijn verhaal steeds opnieuw uitleggen',
		'Elke medewerker vroeg weer om mijn ordernummer',
		'Drie keer doorverbonden en telkens opnieuw beginnen'
	]
} as const;
export type DropOffCause = keyof typeof DROP_OFF_COMMENTS;

export const PRAISE_COMMENTS = [
	'Snel geleverd, netjes verpakt',
	'Fijne app, bestellen gaat heel makkelijk',
	'Prima service, vriendelijk geholpen',
	'Goede kwaliteit voor de prijs',
	'Retourneren was heel eenvoudig',
	'Altijd op tijd bezorgd'
] as const;

export const NEUTRAL_COMMENTS = [
	'Prima, niets bijzonders',
	'Levering duurde wat langer dan verwacht',
	'Product was goed, de website kan overzichtelijker',
	'Redelijke prijs'
] as const;

/** Lower-case ASCII for e-mail addresses ("Daniëlle van der Meer" → "danielle", "vandermeer"). */
export function emailPart(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ı/g, 'i')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}
