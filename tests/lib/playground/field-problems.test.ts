import { fieldProblem, problemFor, problemId } from '@/lib/playground/field-problems';
import { defaultState } from '@/lib/playground/model';
import { requestForSend } from '@/lib/playground/reducer';

const invalid = (request: Partial<ReturnType<typeof defaultState>['request']>) => {
  const base = defaultState();
  const result = requestForSend({ ...base, request: { ...base.request, ...request } });
  if (result.kind !== 'invalid') throw new Error('expected an invalid request');
  return result.fields;
};

describe('fieldProblem: each problem on its control, named as the form labels it', () => {
  test('the path and query, outside the sandbox or with a space', () => {
    expect(invalid({ target: '/elsewhere' })).toEqual([
      { field: { kind: 'target' }, message: 'Path and query must start with /api/sandbox/: the playground only talks to the sandbox.' },
    ]);
    expect(invalid({ target: '/api/sandbox/a b' })).toEqual([
      { field: { kind: 'target' }, message: 'Path and query must start with / and cannot hold spaces.' },
    ]);
  });

  test('header names and values, by the number the editor shows', () => {
    expect(
      invalid({
        headers: [
          ['Accept', 'a'],
          ['', 'x'],
          ['X-Evil', 'a\r\nInjected: 1'],
        ],
      }),
    ).toEqual([
      { field: { kind: 'header', index: 1, part: 'name' }, message: 'Header 2 name is empty: type a name, or remove the header.' },
      { field: { kind: 'header', index: 1, part: 'name' }, message: expect.stringMatching(/^Header 2 name can only hold letters/) },
      { field: { kind: 'header', index: 2, part: 'value' }, message: 'Header 3 value cannot hold line breaks or other control characters.' },
    ]);
  });

  test('a problem with no control of its own keeps the schema message, in a sentence', () => {
    expect(fieldProblem({ code: 'custom', path: ['client', 'origin'], message: 'is wrong' })).toEqual({
      field: { kind: 'other' },
      message: 'client origin: is wrong.',
    });
  });

  test('problemFor finds the first problem of a control; ids differ per control', () => {
    const fields = invalid({ headers: [['', 'x']] });
    expect(problemFor(fields, { kind: 'header', index: 0, part: 'name' })?.message).toMatch(/is empty/);
    expect(problemFor(fields, { kind: 'header', index: 0, part: 'value' })).toBeUndefined();
    expect(problemId({ kind: 'header', index: 0, part: 'name' })).not.toBe(problemId({ kind: 'header', index: 0, part: 'value' }));
  });
});
