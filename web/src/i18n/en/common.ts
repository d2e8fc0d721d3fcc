/** English strings shared by every page: frame, navigation, sign-in, shared components. */
export const common = {
  app: { name: 'Tredegar', skip: 'Skip to main content', nav: 'Main', footer: 'Tredegar — relational community organising. Geography: Office for National Statistics, Open Government Licence v3.0.' },
  nav: { home: 'Home', people: 'People', conversations: 'Conversations', organising: 'Organising', events: 'Events', programmes: 'Listening', campaigns: 'Campaigns', units: 'Units and areas', elections: 'Elections', account: 'Account', admin: 'Admin', audit: 'Audit log', signOut: 'Sign out', signIn: 'Sign in' },
  common: {
    loading: 'Loading…', error: 'Something went wrong.', retry: 'Try again', save: 'Save', cancel: 'Cancel', delete: 'Delete',
    next: 'Next page', previous: 'Previous page', none: 'None', yes: 'Yes', no: 'No',
    breadcrumbs: 'Breadcrumb', noRows: 'Nothing to show yet.', loadMore: 'Load more', page: 'Page {{page}}', pagination: 'Pages of {{caption}}',
    showingRows_one: 'Showing {{count}} row', showingRows_other: 'Showing {{count}} rows', working: 'Working…', close: 'Close',
    copy: 'Copy', copied: 'Copied', copyFailed: 'Could not copy. Select the text and copy it yourself.', remove: 'Remove', never: 'Never',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Enter your email address and we will send you a link to sign in. No password needed.',
    email: 'Email address',
    submit: 'Send me a sign-in link',
    sent: 'If that address has an account, a sign-in link is on its way. Check your email.',
    completing: 'Signing you in…',
    failed: 'That sign-in link has expired or was already used.',
    again: 'Ask for a new link',
    missing: 'This page needs the link from your email.',
  },
  notFound: { title: 'Page not found', body: 'There is nothing at this address.', home: 'Go to the home page' },
  roles: { member: 'Member', volunteer: 'Volunteer', organiser: 'Organiser', unit_admin: 'Unit admin', dpo: 'Data protection officer', national_admin: 'National admin' },
} as const;
