import { dateTimeFormat, numberFormat } from '$lib/i18n/intl-formats';

/** Numbers, money and times in the page's language (the layout's `lang`), the same on server and browser. */
export function formatNumber(value: number, lang: string, maximumFractionDigits = 0): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

/** "€1.2M" / "1,2 Mio. €": short enough for a heatmap cell. */
export function formatEurShort(value: number, lang: string): string {
  return numberFormat(lang, {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1
  }).format(value);
}

export function formatMoney(amount: string | number, currency: string, lang: string): string {
  return numberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(amount));
}

export function formatDateTime(iso: string, lang: string): string {
  return (
    dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC'
  );
}

export function formatDate(iso: string, lang: string): string {
  return dateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}
