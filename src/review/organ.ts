// Organ names as a key for pairing a unit with its report of another year: the same organ prints
// its name with full-width or half-width brackets, stray spaces, or a note in brackets after it
// (（全区汇总）), and still is the same organ.
export function organKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\([^)]*\)$/u, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}
