// Detectors of personal data in text: 居民身份证号码 with a valid check digit (GB 11643), mobile
// numbers, and bank card numbers passing the Luhn check. Digits runs are matched whole.
export type Detector = 'id-card' | 'mobile' | 'bank-card';

export interface Hit {
  detector: Detector;
  digits: string;
  masked: string;
  index: number;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function validIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17]!.toUpperCase();
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const mask = (s: string) => `${s.slice(0, 3)}${'*'.repeat(Math.max(0, s.length - 7))}${s.slice(-4)}`;

export function findPersonalData(text: string, detectors: readonly Detector[]): Hit[] {
  const hits: Hit[] = [];
  const on = new Set(detectors);
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{11,19}[Xx]?(?![\dA-Za-z])/g)) {
    const s = m[0];
    const hit = (detector: Detector) => hits.push({ detector, digits: s, masked: mask(s), index: m.index });
    if (s.length === 18 && validIdCard(s)) {
      if (on.has('id-card')) hit('id-card');
    } else if (/^1[3-9]\d{9}$/.test(s)) {
      if (on.has('mobile')) hit('mobile');
    } else if (/^\d{16,19}$/.test(s) && luhn(s)) {
      if (on.has('bank-card')) hit('bank-card');
    }
  }
  return hits;
}
