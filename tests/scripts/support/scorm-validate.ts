import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Checks a SCORM package (its files, as in the zip) the way a conformance check does: the manifest
// against ADL's XSDs shipped in the package, with xmllint (Debian libxml2-utils), and the references
// the schemas cannot express (an item's identifierref names a resource, a resource's files are there).

export const XMLLINT = spawnSync('xmllint', ['--version']).error ? null : 'xmllint';

// imscp admits the ADL and IMS SS elements as "##other, lax": with only the imscp schema loaded they
// would go unchecked. One schema importing every namespace the manifest uses makes them strict, as
// ADL's test suite does by resolving each xsi:schemaLocation.
const ROOT_SCHEMAS: Record<string, Record<string, string>> = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': {
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': 'imsmd_rootv1p2p1.xsd',
  },
  'http://www.imsglobal.org/xsd/imscp_v1p1': {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
};

/** xmllint's complaints about the manifest, checked against the XSDs in the package itself. */
function schemaErrors(files: Record<string, Uint8Array>, manifest: string): string[] {
  if (!XMLLINT) throw new Error('xmllint is missing: apt-get install libxml2-utils (scripts/ensure-test-tools.sh does)');
  const namespace = /<manifest\b[^>]*\sxmlns="([^"]+)"/.exec(manifest)?.[1] ?? '';
  const schemas = ROOT_SCHEMAS[namespace];
  if (!schemas) return [`the manifest's namespace ${namespace || '(none)'} is neither SCORM 1.2's nor SCORM 2004's`];
  const missing = Object.values(schemas).filter((file) => !(file in files));
  if (missing.length > 0) return missing.map((file) => `the package does not carry ${file}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-validate-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      if (!/\.(xsd|dtd)$/.test(name)) continue;
      fs.writeFileSync(path.join(dir, name), content);
    }
    fs.writeFileSync(path.join(dir, 'imsmanifest.xml'), manifest);
    const imports = Object.entries(schemas).map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`);
    const all = `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports.join('\n')}\n</xs:schema>\n`;
    fs.writeFileSync(path.join(dir, 'validate-all-namespaces.xsd'), all);
    const run = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', 'validate-all-namespaces.xsd', 'imsmanifest.xml'], { cwd: dir, encoding: 'utf8' });
    if (run.status === 0) return [];
    // SCORM 1.2's ims_xml.xsd binds the xml namespace as the default one, which libxml2 warns about
    // and still loads (the 1.2 schemas are known not to be strictly valid): only the verdict matters.
    return run.stderr.split('\n').filter((line) => line.includes('imsmanifest.xml'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the XSDs leave out: items name existing resources, resources name files the package has. */
function referenceErrors(files: Record<string, Uint8Array>, manifest: string): string[] {
  const errors: string[] = [];
  const resources = new Set([...manifest.matchAll(/<resource\b[^>]*\sidentifier="([^"]+)"/g)].map((match) => match[1]));
  for (const [item] of manifest.matchAll(/<item\b[^>]*>/g)) {
    const ref = /\sidentifierref="([^"]*)"/.exec(item)?.[1];
    // Every item here is a leaf (a lesson): it must launch something.
    if (ref === undefined) errors.push(`${item} has no identifierref`);
    else if (!resources.has(ref)) errors.push(`${item} names no resource in the manifest`);
  }
  for (const [, href] of manifest.matchAll(/<(?:file|resource)\b[^>]*\shref="([^"]+)"/g)) {
    if (href !== undefined && !(href in files)) errors.push(`the manifest names ${href}, which the package does not carry`);
  }
  return errors;
}

/** Every problem found with the package's imsmanifest.xml: none when it is valid. */
export function scormPackageErrors(files: Record<string, Uint8Array>): string[] {
  const source = files['imsmanifest.xml'];
  if (!source) return ['the package has no imsmanifest.xml at its root'];
  const manifest = new TextDecoder().decode(source);
  return [...schemaErrors(files, manifest), ...referenceErrors(files, manifest)];
}
