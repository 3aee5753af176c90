import { CaseClosingService } from '../case-report/case-closing.service';
import { CaseReportController } from '../case-report/case-report.controller';
import { CaseReportService } from '../case-report/case-report.service';
import { LinkedCaseController } from './linked-case.controller';
import { LinkedCaseLookup } from './linked-case.lookup';
import { StatementController } from './statement.controller';
import { StatementService } from './statement.service';

/** Statements, the closing and the case report, for the API module (they use the case providers). */
export const STATEMENT_CONTROLLERS = [StatementController, CaseReportController, LinkedCaseController];

export const STATEMENT_PROVIDERS = [StatementService, CaseClosingService, CaseReportService, LinkedCaseLookup];
