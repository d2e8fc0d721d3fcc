import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from './csv.ts';

/** "Download CSV" for a table: the same rows the table shows, plus the licence line. */
export function CsvButton({ fileName, rows, what }: { fileName: string; rows: () => unknown[][]; what: string }) {
  const { t } = useTranslation();
  return (
    <Button className="react-aria-Button button--secondary" onPress={() => downloadCsv(fileName, rows())}>
      {t('elections.csv', { what })}
    </Button>
  );
}
