import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode-bytes.js';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { SEEDS } from '../helpers/fixtures.js';
import { ceasefireStory } from './story.js';

const seed = readFileSync(join(SEEDS, '003_f016421eb0b28ed3.txt'), 'utf8');
// Text with characters that differ between encodings: curly quotes, an en dash, an accented name.
const prose =
  'Russia and Ukraine resumed ceasefire talks in Istanbul on Monday, officials said. “We are ready for a truce,” said Ukraine’s negotiator Rustem Umerov – and France’s Jean-Noël Barrot welcomed the talks.';
const page = (head: string) =>
  `<!doctype html><html><head>${head}<title>Ceasefire talks resume in Istanbul</title></head><body><article><h1>Ceasefire talks resume in Istanbul</h1><p>${prose}</p></article></body></html>`;

describe('decoding bytes as a browser would', () => {
  it('reads UTF-16 text saved with a byte-order mark (Windows "Unicode" text), either byte order', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(prose, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [bytes, encoding] of [
      [le, 'UTF-16LE'],
      [be, 'UTF-16BE'],
    ] as const)
      expect(decodeText(bytes)).toEqual({ ok: true, text: prose, encoding });
  });

  it('drops a UTF-8 byte-order mark so it never starts a headline', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(prose)]));
    expect(r).toEqual({ ok: true, text: prose, encoding: 'UTF-8' });
  });

  it('decodes an HTML page in the charset its <meta> declares, and one that declares none as windows-1252', () => {
    const declared = iconv.encode(page('<meta charset="windows-1252">'), 'windows-1252');
    const r = decodeText(declared);
    expect(r.ok && r.text).toContain('“We are ready for a truce,” said Ukraine’s negotiator Rustem Umerov – and France’s Jean-Noël Barrot');
    expect(r.ok && r.encoding).toBe('windows-1252');
    const undeclared = decodeText(iconv.encode(page(''), 'windows-1252'));
    expect(undeclared.ok && undeclared.text).toContain('Jean-Noël Barrot');
  });

  it('takes the charset a Content-Type header names, and a feed’s XML declaration', () => {
    const latin = iconv.encode('Talks in Genève resumed on Monday, the Kremlin said.', 'latin1');
    expect(decodeText(latin, { contentType: 'text/plain; charset=ISO-8859-1' })).toMatchObject({ ok: true, text: 'Talks in Genève resumed on Monday, the Kremlin said.' });
    const feed = iconv.encode('<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Négociations</title></channel></rss>', 'windows-1252');
    expect(decodeText(feed)).toMatchObject({ ok: true, text: expect.stringContaining('<title>Négociations</title>') });
  });

  it('keeps valid UTF-8 as UTF-8 whatever a header claims (mislabelled pages are common)', () => {
    expect(decodeText(Buffer.from(prose), { contentType: 'text/html; charset=iso-8859-1' })).toMatchObject({ ok: true, text: prose, encoding: 'UTF-8' });
  });

  it('still refuses plain text in an encoding nothing names, and binary data, with their reasons', () => {
    const r = decodeText(iconv.encode('Les négociations ont repris à Istanbul, a déclaré le Kremlin.', 'latin1'));
    expect(r).toMatchObject({ ok: false, code: 'NOT_UTF8', error: expect.stringContaining('not UTF-8 text') });
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toMatchObject({ ok: false, code: 'BINARY' });
  });
});

describe('ingesting pages and files in other encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-encodings-'));
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      // A windows-1252 page whose server says so only in its header.
      if (req.url === '/latin') res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(iconv.encode(page(''), 'windows-1252'));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives accents one spelling, so a name written with combining accents is the name ("Luiz Inácio Lula da Silva")', async () => {
    const composed = 'Brazilian President Luiz Inácio Lula da Silva proposed on Monday a group of countries to mediate peace talks between Russia and Ukraine.';
    const decoded = decodeText(Buffer.from(composed.normalize('NFD'), 'utf8'));
    expect(decoded.ok && decoded.text).toBe(composed);
    const file = join(dir, 'nfd.txt');
    const lines = ['Lula proposes peace club for Ukraine', '', composed, '', 'Lula said that he has already discussed this proposal with the French president, Emmanuel Macron, and would raise it with Xi Jinping.'];
    writeFileSync(file, lines.join('\n').normalize('NFD'));
    const run = await ingestInputs([file], { story: ceasefireStory(), now: new Date('2025-05-21T00:00:00Z'), published: '2025-05-19T21:00:00Z', dryRun: true });
    expect(run.records[0]?.facts.map((f) => f.speaker)).toContain('Luiz Inácio Lula da Silva');
  });

  it('turns a UTF-16 text file and a windows-1252 page into the same facts their UTF-8 forms give', async () => {
    const file = join(dir, 'seed-utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
    const now = new Date('2025-05-21T00:00:00Z');
    const run = await ingestInputs([file, `${base}/latin`], { story: ceasefireStory(), now, published: '2025-05-19T21:00:00Z', dryRun: true });
    expect(run.results.map((r) => r.ok)).toEqual([true, true]);
    const utf8 = await ingestInputs([join(SEEDS, '003_f016421eb0b28ed3.txt')], { story: ceasefireStory(), now, published: '2025-05-19T21:00:00Z', dryRun: true });
    expect(run.records[0]?.facts.map((f) => f.text)).toEqual(utf8.records[0]?.facts.map((f) => f.text));
    const fromPage = run.records.flatMap((r) => r.facts.map((f) => f.text)).join('\n');
    expect(fromPage).toContain('Jean-Noël Barrot');
  });
});
