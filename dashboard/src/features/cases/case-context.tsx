import type { Case, Role } from '@liaowang/contract';
import { createContext, useContext, type ReactNode } from 'react';
import type { CaseHandle } from './use-case';

export interface CaseScope {
  item: Case;
  act: CaseHandle['act'];
  markDirty: CaseHandle['markDirty'];
  role: Role;
  username: string;
}

const CaseContext = createContext<CaseScope | null>(null);

/** The open case and how to write it, for every section of the case page. */
export function CaseScopeProvider({ value, children }: { value: CaseScope; children: ReactNode }) {
  return <CaseContext.Provider value={value}>{children}</CaseContext.Provider>;
}

export function useCaseScope(): CaseScope {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCaseScope outside CaseScopeProvider');
  return value;
}
