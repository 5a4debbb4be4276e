import type { Challenge } from '@/lib/http-auth';
import type { SandboxContext } from '@/lib/sandbox/context';
import type { SandboxRequest } from '@/lib/sandbox/message';
import type { CompatCase } from './case-schema';
import type { CaseCredentialsField } from './observation';

/** One credentials field of a request, and what the case offered on that hop (case-credentials.ts). */
export type CredentialsInput = {
  compatCase: CompatCase;
  field: CaseCredentialsField;
  fieldValue: string;
  /** The challenges of this hop as the case sends them (placeholders filled with a stand-in). */
  offered: readonly Challenge[];
  request: SandboxRequest;
  ctx: SandboxContext;
};
