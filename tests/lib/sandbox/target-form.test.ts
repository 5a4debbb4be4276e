import { targetForm } from '@/lib/sandbox/http/target-form';

describe('targetForm (RFC 9112 §3.2)', () => {
  test.each([
    ['/api/sandbox/basic?realm=x', { kind: 'origin', target: '/api/sandbox/basic?realm=x' }],
    ['http://127.0.0.1:3000/api/sandbox/proxy', { kind: 'origin', target: '/api/sandbox/proxy' }],
    ['HTTP://169.254.169.254/latest/meta-data?x=1', { kind: 'origin', target: '/latest/meta-data?x=1' }],
    ['http://[bad', { kind: 'invalid', detail: expect.stringContaining('RFC 9112 §3.2.2') }],
    ['https://[:::]/api/sandbox/basic', { kind: 'invalid', detail: expect.stringContaining('not a valid URI') }],
    ['*', { kind: 'asterisk' }],
    ['api/sandbox/basic', { kind: 'origin', target: '/api/sandbox/basic' }],
  ])('%s', (raw, expected) => {
    expect(targetForm(raw)).toEqual(expected);
  });
});
