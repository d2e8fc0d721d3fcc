import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { domains, shell, type StringDomain } from './en/index.ts';

// i18next handles plural rules for every language, including Welsh's six forms.
// Only the shell's strings are here at start; each page adds its domains' strings (loadStrings).
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: shell } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const loading = new Map<StringDomain, Promise<void>>();

/** Fetches the strings of these domains (once each) and adds them to the catalogue `t()` reads. */
export function loadStrings(names: readonly StringDomain[]): Promise<void> {
  return Promise.all(names.map((name) => {
    let p = loading.get(name);
    if (!p) {
      p = domains[name]().then((strings) => { i18n.addResourceBundle('en', 'translation', strings, true, false); });
      // A failed fetch (offline, new deploy) is tried again by the next page that needs it.
      p.catch(() => loading.delete(name));
      loading.set(name, p);
    }
    return p;
  })).then(() => undefined);
}

/** Whether a name (e.g. a path's first segment) is a strings domain. */
export const isStringDomain = (name: string): name is StringDomain => Object.hasOwn(domains, name);

export type { StringDomain };
export default i18n;
