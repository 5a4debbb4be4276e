/*
 * HTTP Auth Lab, SCORM copy of a lesson: the live lab, when it can be reached. Each "Try it" keeps the
 * transcript recorded when the lesson was exported; "Run it live" posts the same request description
 * the site's LiveRun posts (data-exchange-input) to <lab>/api/exchange, which answers any origin with
 * CORS "*" and no credentials (a package runs from file://, Origin "null", or from an LMS's origin).
 * The note next to the button always says which transcript is shown. Copy buttons copy their command.
 * The lab's address and the export date are in <meta name="lab-origin"> and <meta name="exported-on">.
 * Plain ES5-style script with no dependencies, like scorm-lesson.js: LMS players can be old.
 */
(function () {
  'use strict';

  var TIMEOUT_MS = 8000;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') || '' : '';
  }
  var lab = meta('lab-origin');
  var exportedOn = meta('exported-on');

  function recordedNote(reason) {
    var note = 'Recorded when this lesson was exported on ' + exportedOn;
    return reason ? note + ' (the lab could not be reached: ' + reason + ').' : note + '.';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The transcript as plain text blocks: per step, its request and the response's status line and
  // headers (the raw messages), who answered, and what the client does next. textContent only: nothing
  // the lab sends is ever parsed as HTML.
  function transcriptView(transcript) {
    var list = el('ol', 'm-0 list-none space-y-4 p-0');
    transcript.steps.forEach(function (step, index) {
      var item = el('li', 'rounded-md border border-line p-3');
      var statusLine = String(step.response.raw).split(/\r?\n/)[0];
      item.appendChild(
        el(
          'p',
          'text-sm font-semibold',
          'Step ' + (index + 1) + ': ' + step.request.method + ' ' + step.request.target + ' → ' + statusLine + ' (answered by the ' + step.respondedBy + ')',
        ),
      );
      item.appendChild(el('p', 'mt-2 text-xs font-semibold uppercase text-muted', 'Request'));
      item.appendChild(el('pre', 'mt-1 overflow-x-auto font-mono text-xs', step.request.raw));
      item.appendChild(el('p', 'mt-2 text-xs font-semibold uppercase text-muted', 'Response'));
      item.appendChild(el('pre', 'mt-1 overflow-x-auto font-mono text-xs', step.response.raw));
      if (step.next && step.next.explanation) item.appendChild(el('p', 'mt-2 text-sm', step.next.explanation));
      list.appendChild(item);
    });
    return list;
  }

  function isTranscript(value) {
    return (
      !!value &&
      Array.isArray(value.steps) &&
      value.steps.every(function (step) {
        return step && step.request && step.response && typeof step.request.raw === 'string' && typeof step.response.raw === 'string';
      })
    );
  }

  // Resolves with { kind: 'live', transcript } or { kind: 'unreachable', reason }; never rejects.
  function runLive(input) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function () {
      timedOut = true;
      if (controller) controller.abort();
    }, TIMEOUT_MS);
    var request;
    try {
      request = fetch(lab + '/api/exchange', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: input,
        signal: controller ? controller.signal : undefined,
      });
    } catch (error) {
      request = Promise.reject(error);
    }
    var timeout = new Promise(function (resolve) {
      // Without AbortController the request cannot be cancelled, but the reader still gets an answer.
      setTimeout(function () {
        resolve({ kind: 'unreachable', reason: 'no answer within ' + TIMEOUT_MS / 1000 + ' seconds' });
      }, TIMEOUT_MS + 50);
    });
    var answer = request
      .then(function (response) {
        return response.text().then(function (body) {
          var json = null;
          try {
            json = JSON.parse(body);
          } catch {
            json = null;
          }
          if (!response.ok) {
            var detail = json && typeof json.detail === 'string' ? ': ' + json.detail : '';
            return { kind: 'unreachable', reason: 'it answered ' + response.status + detail };
          }
          return isTranscript(json) ? { kind: 'live', transcript: json } : { kind: 'unreachable', reason: 'its answer was not a transcript' };
        });
      })
      .catch(function () {
        return {
          kind: 'unreachable',
          reason: timedOut
            ? 'no answer within ' + TIMEOUT_MS / 1000 + ' seconds'
            : 'the request to ' + lab + ' failed (offline, blocked by the network or the LMS, or the lab is down)',
        };
      });
    return Promise.race([answer, timeout]).then(function (result) {
      clearTimeout(timer);
      return result;
    });
  }

  function setUpLiveRun(root) {
    var button = root.querySelector('[data-live-run]');
    var status = root.querySelector('[role="status"]');
    var shown = root.querySelector('[aria-live]');
    var input = root.getAttribute('data-exchange-input');
    if (!button || !status || !shown || !input || !lab) return;
    var recorded = Array.prototype.slice.call(shown.childNodes);
    var ranLive = false;

    function show(nodes) {
      while (shown.firstChild) shown.removeChild(shown.firstChild);
      nodes.forEach(function (node) {
        shown.appendChild(node);
      });
    }

    button.addEventListener('click', function () {
      button.disabled = true;
      button.textContent = 'Running…';
      status.textContent = 'Sending the request to ' + lab + '…';
      runLive(input).then(function (result) {
        button.disabled = false;
        if (result.kind === 'live') {
          ranLive = true;
          show([transcriptView(result.transcript)]);
          status.textContent = 'Live from ' + lab + ', just now.';
          button.textContent = 'Run again';
        } else {
          show(recorded);
          status.textContent = recordedNote(result.reason);
          button.textContent = ranLive ? 'Run again' : 'Run it live';
        }
      });
    });
  }

  function setUpCopy(button) {
    var figure = button.closest('figure');
    var code = figure ? figure.querySelector('pre') : null;
    var status = button.parentElement ? button.parentElement.querySelector('[role="status"]') : null;
    if (!code) return;
    var label = button.textContent;
    var timer = 0;
    function say(message, buttonText) {
      if (status) status.textContent = message;
      button.textContent = buttonText;
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (status) status.textContent = '';
        button.textContent = label;
      }, 2500);
    }
    function failed() {
      // An LMS frame without the clipboard-write permission refuses the Clipboard API: select the
      // command and try the older copy command, which still works on a click; else Ctrl+C will.
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      if (copied) say('Copied to the clipboard.', 'Copied');
      else say('Could not copy: the command is selected, press Ctrl+C (⌘C on a Mac).', label);
    }
    button.addEventListener('click', function () {
      var text = code.textContent.replace(/\n$/, '');
      if (!navigator.clipboard || !navigator.clipboard.writeText) return failed();
      navigator.clipboard.writeText(text).then(function () {
        say('Copied to the clipboard.', 'Copied');
      }, failed);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-exchange-input]'), setUpLiveRun);
  Array.prototype.forEach.call(document.querySelectorAll('[data-copy-button]'), setUpCopy);
})();
