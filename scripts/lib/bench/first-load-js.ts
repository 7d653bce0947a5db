/**
 * A page's first-load JavaScript: every script the page's HTML loads by src, fetched once and
 * summed, as sent (raw bytes) and as gzip would compress it (what the network mostly carries).
 */
import { gzipSync } from "node:zlib";

export interface FirstLoadJs {
  scripts: number;
  kb: number;
  gzipKb: number;
}

const cache = new Map<string, { raw: number; gzip: number }>();

export async function firstLoadJs(baseUrl: string, path: string, cookie: string): Promise<FirstLoadJs> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (match[1]) sources.add(match[1].replace(/&amp;/g, "&"));
  }
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const url = new URL(src, baseUrl).toString();
    let size = cache.get(url);
    if (!size) {
      const body = Buffer.from(await (await fetch(url, { headers: { cookie } })).arrayBuffer());
      size = { raw: body.length, gzip: gzipSync(body).length };
      cache.set(url, size);
    }
    raw += size.raw;
    gzip += size.gzip;
  }
  return { scripts: sources.size, kb: raw / 1024, gzipKb: gzip / 1024 };
}
