import type { ReactNode } from 'react';
import { Checkbox, type CheckboxProps } from 'react-aria-components';

/** A labelled checkbox drawn with a visible box and tick. */
export function CheckboxField({ children, ...props }: CheckboxProps & { children: ReactNode }) {
  return (
    <Checkbox className="checkbox" {...props}>
      {({ isSelected }) => (
        <>
          <span className="checkbox__box" aria-hidden="true">{isSelected ? '✓' : ''}</span>
          <span>{children}</span>
        </>
      )}
    </Checkbox>
  );
}
