import { createHmac, timingSafeEqual } from 'node:crypto';

/** Requests older (or newer) than this are replays, whatever their signature. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Computes Slack's signature of a request: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * Checks a request came from Slack: a fresh timestamp and a signature that matches, compared in
 * constant time so the comparison leaks nothing about the expected value.
 */
export function verifySlackSignature(options: { signingSecret: string; timestamp?: string; signature?: string; rawBody: string; nowSeconds: number }): boolean {
  const { signingSecret, timestamp, signature, rawBody, nowSeconds } = options;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
