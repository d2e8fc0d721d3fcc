// The shared web components, importable from one place.
export { Breadcrumbs, type Crumb } from './Breadcrumbs.tsx';
export { ComboBoxField } from './ComboBoxField.tsx';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog.tsx';
export { DataTable, type Column, type DataTableProps } from './DataTable.tsx';
export { formatDate, formatDateTime, formatNumber } from './format.ts';
export { PageHeader } from './PageHeader.tsx';
export { QueryState } from './QueryState.tsx';
export { RequireSession } from './RequireSession.tsx';
export { SelectField, type Option } from './SelectField.tsx';
export { StatusMessage } from './StatusMessage.tsx';
export { TextInput } from './TextInput.tsx';
export { useCursorPager } from './useCursorPager.ts';
export { sessionRoute } from './sessionRoute.tsx';
export { useDebouncedValue } from './useDebouncedValue.ts';
