// Page-level notices (ignored link parameters, a core that could not start): plain text,
// dismissible, announced politely. Messages are set as text, never parsed as HTML.
export function createNotices(container) {
  return {
    show(message) {
      const notice = container.ownerDocument.createElement('p');
      notice.className = 'notice';
      const text = container.ownerDocument.createElement('span');
      text.textContent = message;
      const close = container.ownerDocument.createElement('button');
      close.type = 'button';
      close.className = 'notice-close';
      close.textContent = '×';
      close.setAttribute('aria-label', 'Dismiss this notice');
      close.addEventListener('click', () => notice.remove());
      notice.append(text, close);
      container.append(notice);
    },
  };
}
