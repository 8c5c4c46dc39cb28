import { h } from './dom.js';

/** Shows the API key dialog and resolves with the key the user enters. */
export function askForKey(refused: boolean): Promise<string> {
  return new Promise((resolve) => {
    const input = h('input', {
      id: 'api-key',
      type: 'password',
      autocomplete: 'off',
      required: true,
      'aria-describedby': 'api-key-help',
    });
    const dialog = h(
      'dialog',
      { class: 'key-prompt', 'aria-labelledby': 'api-key-title' },
      h(
        'form',
        {
          method: 'dialog',
          onSubmit: (event: Event) => {
            event.preventDefault();
            const key = input.value.trim();
            if (!key) return;
            dialog.close();
            dialog.remove();
            resolve(key);
          },
        },
        h('h2', { id: 'api-key-title' }, 'API key needed'),
        h(
          'p',
          { id: 'api-key-help' },
          refused
            ? 'The server refused that key. Enter another one.'
            : 'This Engram server requires an API key. It is kept for this browser tab only.',
        ),
        h('label', { for: 'api-key' }, 'API key'),
        input,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Continue'),
        ),
      ),
    );
    // Escape would leave the page with nothing to show: the prompt stays until a key is given.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
