// Build the app once before the browser suites (they serve dist/ with vite preview). Vitest sets
// NODE_ENV=test, which would make Vite bundle React's development build; the browser tests must
// run what users get, so the build runs as production.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = before;
  }
}
