import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { openApiDocument } from '@/lib/sandbox/openapi/document';
import { overrideReach } from '@/lib/sandbox/openapi/overrides';
import type { JsonSchema, OpenApiDocument, OperationObject, ParameterObject } from '@/lib/sandbox/openapi/types';
import { OPENAPI_PATH, presetPath, SANDBOX_PREFIX } from '@/lib/sandbox/routes/paths';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';
import { allPresets, labUsers } from '@/lib/sandbox/scenario/presets';
import { OriginText } from '@/components/ui/OriginText';
import { siteUrl } from '@/lib/site/site';
import { EndpointSection, parameterFields, schemaSummary, type Field } from './_components/EndpointSection';
import { curlExamples } from './_components/examples';
import { QueryParameters } from './_components/QueryParameters';
import { TunnelSection } from './_components/TunnelSection';

export const metadata: Metadata = {
  title: 'Sandbox API',
  description: 'Real HTTP endpoints that answer with configurable 401, 403 and 407 responses, for curl and any client.',
  alternates: { canonical: '/api' },
};

type Endpoint = { id: string; method: 'GET' | 'POST'; path: string; operation: OperationObject; pathParameters: ParameterObject[] };

/** Every GET and POST operation of the document, in its order (OPTIONS gets one section of its own). */
function endpoints(document: OpenApiDocument): Endpoint[] {
  return Object.entries(document.paths).flatMap(([path, item]) => {
    const pathParameters = item.parameters ?? [];
    return [
      ...(item.get ? [{ id: item.get.operationId, method: 'GET' as const, path, operation: item.get, pathParameters }] : []),
      ...(item.post ? [{ id: item.post.operationId, method: 'POST' as const, path, operation: item.post, pathParameters }] : []),
    ];
  });
}

/** The query overrides that act on this URL as it is (the rest need schemes= or proxy=). */
function actingOverrides(path: string): string[] {
  return OVERRIDE_PARAMETERS.filter(
    (name) => path.includes('{id}') || overrideReach(name, SANDBOX_ROUTES).some((reach) => reach.target === 'origin' || reach.defaultPaths.includes(path)),
  );
}

function OverrideChips({ path }: { path: string }) {
  const byPreset = path.includes('{id}');
  return (
    <>
      <p>
        Query parameters change the scenario. {byPreset ? 'Which ones act depends on the preset' : 'These act here as it is'};{' '}
        <code className="font-mono">schemes=</code> and <code className="font-mono">proxy=</code> bring in the others. Each is described under{' '}
        <a href="#query-parameters" className="text-accent underline underline-offset-4">
          Query parameters
        </a>
        .
      </p>
      <ul className="mt-2 flex flex-wrap gap-2" aria-label={byPreset ? 'Query parameters' : 'Query parameters that act here'}>
        {actingOverrides(path).map((name) => (
          <li key={name}>
            <a
              href={`#param-${name}`}
              className="inline-block rounded border border-line px-2 py-0.5 font-mono text-sm text-accent underline-offset-4 hover:underline"
            >
              {name}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The fields of a form or JSON body, one level into objects (request.method, request.target, …). */
function bodyFields(document: OpenApiDocument, operation: OperationObject): Field[] {
  const media = Object.values(operation.requestBody?.content ?? {})[0];
  const ref = media && '$ref' in media.schema ? String(media.schema.$ref).split('/').pop() : undefined;
  const schema = ref ? document.components.schemas[ref] : undefined;
  const fields = (node: JsonSchema | undefined, prefix: string): Field[] => {
    const required = new Set((node?.required as string[] | undefined) ?? []);
    return Object.entries((node?.properties ?? {}) as Record<string, JsonSchema>).flatMap(([name, property]) =>
      property.type === 'object' && property.properties && prefix === ''
        ? fields(property, `${name}.`)
        : [
            {
              name: `${prefix}${name}`,
              summary: typeof property.description === 'string' ? property.description : '',
              type: `${schemaSummary(property)}${required.has(name) ? ', required' : ''}`,
            },
          ],
    );
  };
  return fields(schema, '');
}

function fieldsFor(document: OpenApiDocument, endpoint: Endpoint): { fields: Field[]; note?: React.ReactNode } {
  const { operation, path } = endpoint;
  if (operation.tags.includes('Scenarios')) return { fields: parameterFields(endpoint.pathParameters), note: <OverrideChips path={path} /> };
  const media = Object.keys(operation.requestBody?.content ?? {})[0];
  return {
    fields: bodyFields(document, operation),
    note: media ? (
      <p>
        The body is <code className="font-mono">{media}</code>.
      </p>
    ) : undefined,
  };
}

function PresetList({ base }: { base: URL }) {
  return (
    <>
      <h3 className="mt-6 text-lg font-semibold">The presets</h3>
      <ul className="mt-3 space-y-3">
        {allPresets().map((preset) => (
          <li key={preset.id} className="rounded-lg border border-line p-4">
            <p className="font-semibold">{preset.title}</p>
            <p className="mt-1 text-sm text-muted">{preset.summary}</p>
            <p className="mt-2 text-sm">
              <code className="font-mono break-all">
                <OriginText text={new URL(presetPath(preset.id), base).toString()} origin={base.origin} />
              </code>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function ApiPage() {
  const document = openApiDocument(SANDBOX_ROUTES);
  const base = siteUrl();
  const examples = curlExamples(document, base);
  const list = endpoints(document);
  // Every cross-origin route answers the same preflight but for its methods: the first one stands for all.
  const preflight = Object.values(document.paths).find((item) => item.options)?.options;
  const users = labUsers();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Sandbox API</h1>
      <p className="mt-4 text-lg text-muted">
        Real endpoints that answer with genuine 401, 403 and 407 responses: Basic, Digest and Bearer, NTLM and Negotiate bound to the connection, a proxy in
        front of an origin, and CONNECT tunnels to the lab itself. Send them requests from curl, Python, Postman or a browser tab and read every header. Every
        refusal explains itself in an RFC 9457 problem details body.
      </p>

      <section aria-labelledby="before-heading" className="mt-8 rounded-lg border border-line bg-surface p-5">
        <h2 id="before-heading" className="text-xl font-bold">
          Before you start
        </h2>
        <p className="mt-2">
          The sandbox is for learning. <strong>Never send real credentials here</strong>: use the lab&apos;s own users.
        </p>
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">The lab&apos;s users</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1.5 pr-4 font-semibold">
                User
              </th>
              <th scope="col" className="py-1.5 pr-4 font-semibold">
                Password
              </th>
              <th scope="col" className="py-1.5 font-semibold">
                Roles
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.name} className="border-b border-line last:border-0">
                <th scope="row" className="py-1.5 pr-4 font-mono font-normal">
                  {user.name}
                </th>
                <td className="py-1.5 pr-4 font-mono">{user.password}</td>
                <td className="py-1.5">{user.roles.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-sm">
          The whole API is also an OpenAPI 3.1 document, generated from the same code that answers:{' '}
          <a href={OPENAPI_PATH} className="font-medium text-accent underline underline-offset-4">
            {OPENAPI_PATH}
          </a>
          . To watch a conversation step by step instead, open the{' '}
          <SiteLink href="/playground" className="font-medium text-accent underline underline-offset-4">
            playground
          </SiteLink>
          .
        </p>
      </section>

      <nav aria-labelledby="endpoints-heading" className="mt-8">
        <h2 id="endpoints-heading" className="text-xl font-bold">
          Endpoints
        </h2>
        <ul className="mt-3 space-y-1.5 text-sm">
          {list.map((endpoint) => (
            <li key={endpoint.id}>
              <a href={`#${endpoint.id}`} className="text-accent underline underline-offset-4">
                {endpoint.operation.summary}
              </a>{' '}
              <span className="font-mono break-all text-muted">
                {endpoint.method} {endpoint.path}
              </span>
            </li>
          ))}
          <li>
            <a href="#preflight" className="text-accent underline underline-offset-4">
              CORS preflight
            </a>{' '}
            <span className="font-mono text-muted">OPTIONS, any sandbox path</span>
          </li>
          <li>
            <a href="#tunnel" className="text-accent underline underline-offset-4">
              Tunnels through the lab to itself
            </a>{' '}
            <span className="font-mono text-muted">CONNECT, the lab&apos;s own host and port</span>
          </li>
          <li>
            <a href="#query-parameters" className="text-accent underline underline-offset-4">
              Query parameters
            </a>
          </li>
        </ul>
      </nav>

      <div className="mt-10 space-y-10">
        {list.map((endpoint) => {
          const { fields, note } = fieldsFor(document, endpoint);
          return (
            <EndpointSection
              key={endpoint.id}
              id={endpoint.id}
              method={endpoint.method}
              path={endpoint.path}
              operation={endpoint.operation}
              fields={fields}
              fieldsNote={note}
              examples={examples[endpoint.id] ?? []}
            >
              {endpoint.id === 'getPreset' ? <PresetList base={base} /> : null}
            </EndpointSection>
          );
        })}
        {preflight ? (
          <EndpointSection id="preflight" method="OPTIONS" path={`${SANDBOX_PREFIX}/…`} operation={preflight} fields={[]} examples={examples.preflight ?? []} />
        ) : null}
        <TunnelSection examples={examples.tunnel ?? []} />
        <QueryParameters />
      </div>
    </div>
  );
}
