// Page-level notices (ignored link parameters, a rejected state, a core that could not start):
// plain text, dismissible, announced politely. Messages are set as text, never parsed as HTML.
// A notice shown under a key replaces the previous one with that key and can be cleared, so a
// panel's "this state was rejected" message never piles up and goes away with the next good
// input.
export function createNotices(container) {
  const doc = container.ownerDocument;
  const keyed = new Map();

  function build(message) {
    const notice = doc.createElement('p');
    notice.className = 'notice';
    const text = doc.createElement('span');
    text.textContent = message;
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'notice-close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss this notice');
    close.addEventListener('click', () => notice.remove());
    notice.append(text, close);
    return notice;
  }

  return {
    /** Adds a notice that stays until dismissed. */
    show(message) {
      container.append(build(message));
    },
    /** Shows the notice for `key`, replacing the one shown for it before. */
    set(key, message) {
      const notice = build(message);
      const previous = keyed.get(key);
      if (previous?.isConnected) previous.replaceWith(notice);
      else container.append(notice);
      keyed.set(key, notice);
    },
    clear(key) {
      keyed.get(key)?.remove();
      keyed.delete(key);
    },
  };
}
