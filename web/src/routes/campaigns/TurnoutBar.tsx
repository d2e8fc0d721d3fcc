import { useTranslation } from 'react-i18next';
import type { CampaignAction } from './api.ts';

/** Turnout against the goal: a bar for the eye (hidden from screen readers) and the same in words. */
export function TurnoutBar({ a }: { a: Pick<CampaignAction, 'turnout' | 'turnoutGoal'> }) {
  const { t } = useTranslation();
  const actual = a.turnout.actual;
  const goal = a.turnoutGoal;
  let text: string;
  if (actual === null) text = goal === null ? t('campaigns.actions.turnoutNone') : t('campaigns.actions.turnoutGoalOnly', { goal });
  else if (goal === null || goal === 0) text = t('campaigns.actions.turnoutNoGoal', { actual });
  else text = t('campaigns.actions.turnoutOfGoal', { actual, goal, percent: Math.round((actual / goal) * 100) });
  const source = a.turnout.source === 'recorded' ? t('campaigns.actions.recordedByHand') : a.turnout.source === 'check_ins' ? t('campaigns.actions.fromCheckIns') : null;
  return (
    <span className="turnout">
      {goal !== null && goal > 0 && <progress className="turnout__bar" aria-hidden="true" max={goal} value={Math.min(actual ?? 0, goal)} />}
      <span className="turnout__text">{text}{source && <span className="muted"> · {source}</span>}</span>
    </span>
  );
}
