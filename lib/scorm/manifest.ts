// SCORM 1.2 content packaging: the imsmanifest.xml at the root of each lesson's zip (IMS Content
// Packaging 1.1.2 with ADL's SCORM 1.2 extensions). One organization, one item, one SCO whose files
// are listed one by one, so an LMS that copies only what the manifest names gets everything.

export type ScormLesson = { slug: string; title: string; files: readonly string[]; launch: string };

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** XML 1.0 identifiers (xsd:ID): a letter or underscore first, then letters, digits, '.', '-', '_'. */
export function scormIdentifier(prefix: string, value: string): string {
  return `${prefix}-${value.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

export function scormManifest(lesson: ScormLesson): string {
  if (!lesson.files.includes(lesson.launch)) throw new Error(`the launch file ${lesson.launch} is not among the package's files`);
  const id = scormIdentifier('http-auth-lab', lesson.slug);
  const files = lesson.files.map((file) => `      <file href="${xml(file)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>HTTP Auth Lab: ${xml(lesson.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xml(lesson.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xml(lesson.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
