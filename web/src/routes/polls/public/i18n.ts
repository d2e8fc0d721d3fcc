import i18next from 'i18next';
import { polls } from '../../../i18n/en/polls.ts';

// Only the participant page's strings, through the same i18next layer as the app.
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: { publicPoll: polls.polls.publicPoll, results: polls.polls.results } } }, interpolation: { escapeValue: false }, initAsync: false });

/** A participant-page string by its key under `publicPoll` (or `results.` for result labels). */
export const t = (key: string, vars?: Record<string, unknown>): string => i18n.t(key.startsWith('results.') ? key : `publicPoll.${key}`, vars ?? {});
