// Issue 21: a lesson's sentence about a named client sits beside <ClientResult case client />, the verdict
// the lab measured. A case or client that does not exist would be a claim with nothing behind it, so the
// lesson pages fail the build on one, naming the file and line (the content tests run the same check).
import type { Widget } from './jsx-props';
import { CLIENT_RESULT_TAG, type CompatData, missingCellProblems } from './widgets/client-result';

/** "file:line: ..." for each <ClientResult> whose case or client is not in the measured data. */
export function clientResultProblems(file: string, widgets: readonly Widget[], data: CompatData): string[] {
  return widgets
    .filter((widget) => widget.name === CLIENT_RESULT_TAG)
    .flatMap((widget) => {
      const { case: caseProp, client: clientProp } = widget.props;
      const at = `${file}:${widget.line}: <${CLIENT_RESULT_TAG}>`;
      if (caseProp?.kind !== 'static' || typeof caseProp.value !== 'string') return [`${at} needs case="..." naming a case of content/compat/cases.yaml as a string`];
      if (clientProp?.kind !== 'static' || typeof clientProp.value !== 'string') return [`${at} needs client="..." naming a client of content/compat/results as a string`];
      return missingCellProblems(caseProp.value, clientProp.value, data).map(
        (problem) => `${file}:${widget.line}: <${CLIENT_RESULT_TAG} case="${caseProp.value}" client="${clientProp.value}">: ${problem}`,
      );
    });
}
