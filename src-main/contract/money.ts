/** Fixed parity of the CFA franc: 1 EUR = 655.957 XOF. */
export const XOF_PER_EUR = 655.957;

/** EUR equivalent of an amount in FCFA, rounded to the cent. */
export function fcfaToEur(amountFcfa: number): number {
  return Math.round((amountFcfa / XOF_PER_EUR) * 100) / 100;
}
