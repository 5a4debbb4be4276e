/** React's useId output (e.g. «r1» or _r_1_) as a plain fragment for id, href="#..." and url(#...). */
export const domId = (reactId: string): string => reactId.replace(/[^A-Za-z0-9_-]/g, '');
