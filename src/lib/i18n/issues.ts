/** Registers the located messages' catalogues for the UI (see issueText.ts); imported by the code that makes issues. */
import { issuesEn } from './issues.en';
import { issuesZh } from './issues.zh';
import { registerIssueTexts } from './issueText';

registerIssueTexts({ en: issuesEn, zh: issuesZh });
