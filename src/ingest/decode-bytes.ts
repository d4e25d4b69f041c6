import sniffHtmlEncoding from 'html-encoding-sniffer';
import whatwgEncoding from 'whatwg-encoding';

export type DecodeErrorCode = 'EMPTY' | 'BINARY' | 'NOT_UTF8' | 'TRUNCATED';
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; code: DecodeErrorCode; error: string };

const BINARY_ERROR = 'binary content (not text, HTML or a feed)';

/**
 * Where bytes stop being UTF-8: the offset of the first invalid sequence, and whether it is a character cut off by
 * the end of the input (a truncated file) rather than bytes of another encoding. Undefined when all is valid.
 */
function utf8Fault(buf: Uint8Array): { offset: number; truncated: boolean } | undefined {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return { offset: i, truncated: false };
    for (let k = 1; k < len; k++) {
      if (i + k >= buf.length) return { offset: i, truncated: true };
      if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return { offset: i, truncated: false };
    }
    i += len;
  }
  return undefined;
}

/** The charset a Content-Type names ("text/html; charset=ISO-8859-1"), as an encoding name, if it is one. */
function charsetOf(contentType: string | undefined): string | undefined {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  return label === undefined ? undefined : (whatwgEncoding.labelToName(label) ?? undefined);
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="windows-1251"?>`: feeds declare theirs there). */
function xmlDeclared(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 200)).toString('latin1');
  const label = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  return label === undefined ? undefined : (whatwgEncoding.labelToName(label) ?? undefined);
}

const looksLikeMarkup = (buf: Uint8Array): boolean => /^\s*</.test(Buffer.from(buf.subarray(0, 64)).toString('latin1'));

/** Too many control characters (or replacement characters) in the first 8 KB for prose: binary content. */
function binaryLike(text: string): boolean {
  const sample = text.slice(0, 8192);
  const bad = (sample.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  return bad > Math.max(4, sample.length * 0.02);
}

function finish(text: string, encoding: string): Decoded {
  if (binaryLike(text)) return { ok: false, code: 'BINARY', error: BINARY_ERROR };
  if (text.trim().length === 0) return { ok: false, code: 'EMPTY', error: 'empty input (only whitespace)' };
  // One spelling per character: a page that writes "Inácio" with a combining accent (NFD, as some systems save text)
  // would split the name at the accent and match no other spelling of it.
  return { ok: true, text: text.normalize('NFC'), encoding };
}

/**
 * Bytes to text the way a browser reads a page: a byte-order mark decides (UTF-8, or UTF-16 as Windows Notepad
 * saves "Unicode" text); then text that is valid UTF-8 is UTF-8, whatever a header says (mislabelled pages are common,
 * and multi-byte UTF-8 by chance in another encoding is not); otherwise the encoding the server, an HTML page's
 * `<meta charset>` or a feed's XML declaration names, and for an HTML page that names none the web's default,
 * windows-1252. Plain text in an unnamed encoding is an error that says so: guessing would store mojibake quietly.
 */
export function decodeText(buf: Uint8Array, opts: { contentType?: string } = {}): Decoded {
  if (buf.length === 0) return { ok: false, code: 'EMPTY', error: 'empty input' };
  const bom = whatwgEncoding.getBOMEncoding(buf);
  if (bom === 'UTF-16LE' || bom === 'UTF-16BE') return finish(whatwgEncoding.decode(buf, bom), bom);
  const bytes = bom === 'UTF-8' ? buf.subarray(3) : buf;
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, code: 'BINARY', error: BINARY_ERROR };
  const fault = utf8Fault(bytes);
  if (fault?.truncated)
    return { ok: false, code: 'TRUNCATED', error: `truncated: the input ends inside a character (byte ${fault.offset} of ${bytes.length}); was the download cut off?` };
  if (!fault) return finish(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), 'UTF-8');
  const markup = looksLikeMarkup(bytes) || /html|xml/i.test(opts.contentType ?? '');
  const transport = charsetOf(opts.contentType);
  const declared = transport ?? xmlDeclared(bytes) ?? (markup ? sniffHtmlEncoding(bytes) : undefined);
  if (declared !== undefined && declared !== 'UTF-8' && whatwgEncoding.isSupported(declared)) return finish(whatwgEncoding.decode(bytes, declared), declared);
  // Bytes that are neither UTF-8 nor a named encoding: binary data, or text to convert first.
  const control = (Buffer.from(bytes.subarray(0, 8192)).toString('latin1').match(/[\u0001-\u0008\u000E-\u001F\u007F]/g) ?? []).length;
  if (control > Math.max(4, Math.min(bytes.length, 8192) * 0.02)) return { ok: false, code: 'BINARY', error: BINARY_ERROR };
  return {
    ok: false,
    code: 'NOT_UTF8',
    error: `not UTF-8 text (invalid byte 0x${(bytes[fault.offset] ?? 0).toString(16)} at offset ${fault.offset}); convert it first, e.g. iconv -f windows-1252 -t utf-8`,
  };
}
