/*
 * HTTP Auth Lab embed helper. Add once to a page that embeds the lab:
 *   <script src="https://LAB-ORIGIN/embed.js" async></script>
 * Each lab iframe posts {type: "http-auth-lab:resize", height, href} to its parent when its content's
 * height changes; this script sets that iframe's height, up to its data-max-height when it has one. It
 * trusts only messages from the origin it was loaded from, and only from iframes on this page. When it
 * starts it asks the frames to post their height again, in case they did before it was listening.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var labOrigin = new URL(script.src, window.location.href).origin;
  window.addEventListener('message', function (event) {
    if (event.origin !== labOrigin) return;
    var data = event.data;
    if (!data || data.type !== 'http-auth-lab:resize' || typeof data.height !== 'number' || !isFinite(data.height) || data.height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // Bounded, so a misbehaving page cannot make an endless frame; and never past the frame's
        // data-max-height (an oEmbed consumer's maxheight), beyond which it scrolls.
        var limit = Number(frames[i].getAttribute('data-max-height'));
        var most = limit > 0 && isFinite(limit) ? Math.min(limit, 50000) : 50000;
        frames[i].style.height = Math.min(Math.ceil(data.height), most) + 'px';
        return;
      }
    }
  });
  // This script loads async, so a frame may have posted its height before the listener above existed: ask
  // every frame of the lab's origin to post it again (RESIZE_REQUEST_TYPE in lib/site/embed.ts). A frame not
  // yet at the lab's origin does not get the message, and its first post will find the listener.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: 'http-auth-lab:resize-request' }, labOrigin);
  }
})();
