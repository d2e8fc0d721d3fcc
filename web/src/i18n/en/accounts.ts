/** English strings for choosing colleagues (co-organisers, assignees, mentors) from the account directory. */
export const accounts = {
  accounts: {
    picker: {
      hint: 'Type part of their name.',
      found_one: '{{count}} person found: Tab to choose.',
      found_other: '{{count}} people found: Tab to choose one.',
      noMatch: 'Nobody with that name can be chosen here.',
      choose: 'Choose {{name}} {{units}}',
      remove: 'Remove {{name}}',
      me: 'Me ({{name}})',
      nobody: 'Nobody yet',
      change: 'Change',
      changeNamed: 'Change: {{label}} {{name}}',
      keep: 'Keep as it was',
      keepNamed: 'Keep as it was: {{name}}',
      alwaysIncluded: '{{name}} is always one of them.',
    },
  },
} as const;
