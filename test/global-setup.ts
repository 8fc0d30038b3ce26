// Build the app once before the browser suites (they serve dist/ with vite preview).
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
}
