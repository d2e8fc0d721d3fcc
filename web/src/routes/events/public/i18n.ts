import i18next from 'i18next';
import { events } from '../../../i18n/en/events.ts';

// Only the public pages' strings, through the same i18next layer as the app (plural rules included).
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: { publicEvent: events.publicEvent } } }, interpolation: { escapeValue: false }, initAsync: false });

/** A public-page string by its key under `publicEvent`. */
export const t = (key: keyof typeof events.publicEvent | 'placesLeft', vars?: Record<string, unknown>): string => i18n.t(`publicEvent.${key}`, vars ?? {});
