/**
 * Addresses of simulated readers for load tests: the benchmarking range 198.18.0.0/15 (RFC 2544),
 * sent as X-Forwarded-For through the loopback proxy the server trusts by default, so that its
 * per-client turns and rate limit apply to each simulated reader as they would to real ones.
 */
export function simulatedClientAddress(n: number): string {
  return `198.18.${Math.floor(n / 256) % 256}.${n % 256}`;
}
