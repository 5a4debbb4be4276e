// A lesson's sections below the first screen are laid out only when the reader nears them
// (`content-visibility: auto` in app/globals.css): the first paint and hydration then wait on one
// screen of the lesson, not all of it (bench/README.md has the figures). Until a section is laid
// out, its height is an estimate, so any jump computed from heights would land in the wrong place:
// following a link with a fragment, a page opened at a #fragment, a reload or a history step whose
// scroll position the browser restores. This script, inline in <head> before the body exists, marks
// <html> with data-all-sections in each of those cases, and the stylesheet then lays out every
// section before the jump is computed. Reading on by scrolling keeps the saving.

/** The attribute on <html> that turns deferred layout off (read by app/globals.css). */
export const ALL_SECTIONS_ATTRIBUTE = 'data-all-sections';

export const deferredSectionsScript = `(function(){var r=document.documentElement;function all(){r.setAttribute(${JSON.stringify(ALL_SECTIONS_ATTRIBUTE)},'')}try{var n=performance.getEntriesByType('navigation')[0];if(location.hash||(n&&(n.type==='reload'||n.type==='back_forward')))all()}catch(e){all()}document.addEventListener('click',function(e){var t=e.target,a=t&&t.closest?t.closest('a[href*="#"]'):null;if(a)all()},true);addEventListener('popstate',all);addEventListener('hashchange',all)})();`;
