import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';

/** The status line shown in the page frame while a page's code and strings arrive. */
export function PageLoading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

function PageError() {
  const { t } = useTranslation();
  return <p role="alert" className="notice notice--error">{t('common.error')}</p>;
}

/** Shows PageError instead of a page that failed to load or render, until the location changes. */
class PageErrorBoundary extends Component<{ location: string; children: ReactNode }, { failed: boolean; location: string }> {
  override state = { failed: false, location: this.props.location };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { location: string }, state: { location: string }) {
    return props.location === state.location ? null : { failed: false, location: props.location };
  }

  override render() {
    return this.state.failed ? <PageError /> : this.props.children;
  }
}

/**
 * Where pages render inside the frame. Pages are fetched on first visit (lazyRoute): the first page
 * of a visit shows "Loading…"; later navigations keep the current page until the next one is ready
 * (React Router navigates in a transition).
 */
export function PageBoundary() {
  const location = useLocation();
  return (
    <PageErrorBoundary location={location.key}>
      <Suspense fallback={<PageLoading />}><Outlet /></Suspense>
    </PageErrorBoundary>
  );
}
