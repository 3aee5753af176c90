import { CaseClockCheckService } from './case-clock-check.service';
import { CaseClockPolicyController } from './case-clock-policy.controller';
import { CaseClockPolicyRepository } from './case-clock-policy.repository';
import { CaseController } from './case.controller';
import { CaseEvidenceFileController } from './case-evidence-file.controller';
import { CaseEvidenceFileService } from './case-evidence-file.service';
import { CaseLiveService } from './case-live.service';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';
import { CaseWorkService } from './case-work.service';
import { CaseWriter } from './case-writer.service';

/** Cases, for the API module. */
export const CASE_CONTROLLERS = [CaseController, CaseEvidenceFileController, CaseClockPolicyController];

export const CASE_PROVIDERS = [
  CaseRepository,
  CaseWriter,
  CaseLiveService,
  CaseService,
  CaseWorkService,
  CaseEvidenceFileService,
  CaseClockPolicyRepository,
  CaseClockCheckService,
];
