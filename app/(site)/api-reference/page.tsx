import type { Metadata } from 'next';
import { ComingSoon } from '@/components/layout/ComingSoon';

export const metadata: Metadata = {
  title: 'Sandbox API',
  description: 'Real HTTP endpoints that answer with configurable 401, 403 and 407 responses, for curl and any client.',
};

export default function ApiReferencePage() {
  return (
    <ComingSoon title="Sandbox API">
      <p>
        The sandbox API will give you real endpoints that answer with genuine 401, 403 and 407 responses — Basic, Bearer
        and Digest, with a proxy hop if you want one — so you can practise with curl, Python, Postman or your own code.
        It will be described by an OpenAPI document here.
      </p>
    </ComingSoon>
  );
}
