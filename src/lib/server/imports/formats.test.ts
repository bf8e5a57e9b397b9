import { describe, expect, it } from 'vitest';
import { decodeWindows1252, detectDelimiter, detectSeparator, textDecoderFor, EncodingSniffer, looksBinary } from './formats';

describe('text files', () => {
	it('detects the delimiter, ignoring quoted ones', () => {
		expect(detectDelimiter('klantnummer;datum;bedrag')).toBe(';');
		expect(detectDelimiter('a,b,c')).toBe(',');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
		expect(detectDelimiter('"a;b";"c,d",e,f')).toBe(',');
		expect(detectDelimiter('single')).toBeNull();
	});
	it('tells UTF-8 from Windows-1252, also when a character is split between chunks', () => {
		const utf8 = new TextEncoder().encode('Müller €');
		const sniffer = new EncodingSniffer();
		sniffer.push(utf8.slice(0, 2));
		sniffer.push(utf8.slice(2));
		expect(sniffer.encoding).toBe('utf-8');
		const cp1252 = new EncodingSniffer();
		cp1252.push(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80]));
		expect(cp1252.encoding).toBe('windows-1252');
		expect(decodeWindows1252(Uint8Array.from([0x4d, 0xfc, 0x80, 0x93, 0x94]))).toBe('Mü€“”');
		const bom = textDecoderFor('utf-8');
		expect(bom.decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])) + bom.decode()).toBe('a');
	});
	it('sees binary files', () => {
		expect(looksBinary(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
		expect(looksBinary(new TextEncoder().encode('a,b\n1,2'))).toBe(false);
	});
});

describe('separators', () => {
	it('finds delimiters, and runs of spaces in positional files', () => {
		expect(detectSeparator(['a;b;c', '1;2;3'])).toBe(';');
		expect(detectSeparator(['00001 19970101  1  11.77', '00002 19970112  1  12.00', ''])).toBe('whitespace');
		expect(detectSeparator(['klantnummer', 'K1'])).toBe(',');
		expect(detectSeparator(['Jan Jansen', 'Piet'])).toBe(',');
	});
});
