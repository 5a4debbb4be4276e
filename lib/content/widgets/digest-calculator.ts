import * as z from 'zod';
import type { DigestAlgorithmName, DigestQop } from '@/lib/http-auth';
import { parseWidgetProps } from './props';

// <DigestCalculator />: RFC 7616 §3.4's hash chain, live. It starts from the worked example of
// RFC 7616 §3.9.1 (SHA-256), the one lesson 05 walks through, so its first numbers are the lesson's.
// It takes no props; a stray one fails the build naming the widget.

export const digestCalculatorPropsSchema = z.object({}).strict();

export type DigestCalculatorProps = z.input<typeof digestCalculatorPropsSchema>;

/** Everything the reader can change, as text the inputs hold. */
export type DigestCalculatorInput = {
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  cnonce: string;
  /** The request count, in decimal; sent as 8 hex digits. */
  nc: string;
  algorithm: DigestAlgorithmName;
  qop: DigestQop;
  body: string;
  userhash: boolean;
  /** Not an input: the server's opaque, sent back unchanged. */
  opaque: string;
};

/** RFC 7616 §3.9.1: Mufasa / Circle of Life, GET /dir/index.html, with the RFC's nonce, cnonce and opaque. */
export const RFC7616_EXAMPLE: DigestCalculatorInput = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '1',
  algorithm: 'SHA-256',
  qop: 'auth',
  body: '',
  userhash: false,
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
};

export function digestCalculatorModel(props: unknown): DigestCalculatorInput {
  parseWidgetProps(digestCalculatorPropsSchema, props, '<DigestCalculator>');
  return RFC7616_EXAMPLE;
}
