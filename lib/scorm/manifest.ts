// The imsmanifest.xml at the root of a SCORM package, from one description of the course, in two
// bindings: SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's adlcp_rootv1p2 extensions) and SCORM
// 2004 4th Edition (IMS CP 1.1.4 with ADL's adlcp/adlseq/adlnav v1p3 and IMS Simple Sequencing).
// A package holds one lesson or the whole course; either way every lesson is its own SCO, with its
// files listed one by one, so an LMS that copies only what the manifest names gets everything.
// Both outputs validate against the ADL schema files in lib/scorm/xsd (tests/scripts/scorm-manifest.test.ts).

export type ScormVersion = '1.2' | '2004-4th';

/** One lesson as a SCO: its files are paths inside the package, the launch file among them. */
export type ScormSco = { slug: string; title: string; files: readonly string[]; launch: string };

/** What a package holds: a title, an identifier and its SCOs in course order. */
export type ScormCourse = { identifier: string; title: string; scos: readonly ScormSco[] };

/**
 * The passing score, as a fraction of the quizzes answered right the first time. 80 % lets a learner
 * miss one question in five (the lessons have 2–6 quizzes, so in practice: all but at most one).
 * SCORM 1.2 declares it as adlcp:masteryscore on the 0–100 scale of cmi.core.score.raw (the LMS then
 * sets passed/failed: SCORM 1.2 CAM, adlcp:masteryscore; RTE, cmi.core.lesson_status); SCORM 2004 as the primary objective's
 * minNormalizedMeasure with satisfiedByMeasure, which the LMS hands to the SCO as
 * cmi.scaled_passing_score and judges cmi.score.scaled against (SCORM 2004 4th ed. SN book, Objective
 * Description; RTE book, cmi.scaled_passing_score).
 */
export const MASTERY_SCORE = 0.8;

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** XML 1.0 identifiers (xsd:ID): a letter or underscore first, then letters, digits, '.', '-', '_'. */
export function scormIdentifier(prefix: string, value: string): string {
  return `${prefix}-${value.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

const resourceId = (sco: ScormSco) => scormIdentifier('sco', sco.slug);
const itemId = (sco: ScormSco) => scormIdentifier('item', sco.slug);

function resources(course: ScormCourse, scormTypeAttribute: string): string {
  return course.scos
    .map((sco) => {
      const files = sco.files.map((file) => `      <file href="${xml(file)}"/>`).join('\n');
      return `    <resource identifier="${resourceId(sco)}" type="webcontent" ${scormTypeAttribute}="sco" href="${xml(sco.launch)}">
${files}
    </resource>`;
    })
    .join('\n');
}

function manifest12(course: ScormCourse, id: string): string {
  // adlcp:masteryscore is a decimal 0–100 compared with cmi.core.score.raw (SCORM 1.2 CAM, ADL extensions).
  const items = course.scos
    .map(
      (sco) => `      <item identifier="${itemId(sco)}" identifierref="${resourceId(sco)}" isvisible="true">
        <title>${xml(sco.title)}</title>
        <adlcp:masteryscore>${Math.round(MASTERY_SCORE * 100)}</adlcp:masteryscore>
      </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xml(course.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources(course, 'adlcp:scormtype')}
  </resources>
</manifest>
`;
}

function manifest2004(course: ScormCourse, id: string): string {
  // Per SCO: success comes from the score (satisfiedByMeasure against minNormalizedMeasure), and
  // completion only from what the SCO reports (completionSetByContent), so a learner who finishes
  // with a low score is "completed" and "failed" (SCORM 2004 4th ed. SN book, Objectives and
  // Delivery Controls). The objective
  // is local to the SCO (no global mapping): nothing else in the course depends on it.
  const items = course.scos
    .map(
      (sco) => `      <item identifier="${itemId(sco)}" identifierref="${resourceId(sco)}">
        <title>${xml(sco.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${scormIdentifier('mastery', sco.slug)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${MASTERY_SCORE.toFixed(1)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>`,
    )
    .join('\n');
  // The organization (the root activity) allows both Continue/Previous (flow) and picking a lesson
  // from the menu (choice); the controlMode defaults leave flow off (SN book, Sequencing Control Modes), hence explicit.
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xml(course.title)}</title>
${items}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${resources(course, 'adlcp:scormType')}
  </resources>
</manifest>
`;
}

export function scormManifest(version: ScormVersion, course: ScormCourse): string {
  if (course.scos.length === 0) throw new Error('a SCORM package needs at least one SCO');
  for (const sco of course.scos) {
    if (!sco.files.includes(sco.launch)) throw new Error(`the launch file ${sco.launch} of ${sco.slug} is not among its files`);
  }
  const id = scormIdentifier('http-auth-lab', course.identifier);
  return version === '1.2' ? manifest12(course, id) : manifest2004(course, id);
}
