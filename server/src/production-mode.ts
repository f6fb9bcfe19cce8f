/**
 * Imported first by the server's entry points (main.ts, the benchmark's worker), before any library
 * loads: with NODE_ENV unset they run in production mode. graphql-js then checks a type with a plain
 * `instanceof` instead of its development check for a second copy of itself, which took a fifth of
 * the time of executing a neighbourhood of a thousand edges. NODE_ENV set to anything else is kept.
 */
process.env.NODE_ENV ??= "production";
