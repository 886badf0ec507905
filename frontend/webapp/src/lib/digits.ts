/** Arabic keyboards type Arabic-Indic (٠-٩) or Eastern Arabic-Indic (۰-۹) digits; the API wants 0-9. */
export function toWesternDigits(value: string): string {
  return value
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
