import { useTranslation } from 'react-i18next';
import type { CustomField, FieldProblem } from '../../../api/people.ts';
import { importFieldLabel } from './fieldLabel.ts';

/** A row's problems, each naming the column (or field) it is about. */
export function ProblemList({ problems, custom }: { problems: FieldProblem[]; custom: CustomField[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const where = (p: FieldProblem) => p.column ?? (p.field ? importFieldLabel(t, p.field, custom) : null);
  return (
    <ul className="problem-list">
      {problems.map((p, i) => <li key={i}>{where(p) ? t('peopleTools.import.problemAt', { where: where(p), message: p.message }) : p.message}</li>)}
    </ul>
  );
}
