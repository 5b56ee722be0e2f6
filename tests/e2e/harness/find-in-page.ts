// Finds elements by role and accessible name inside the page, the same way in every browser: the scenarios
// ask for "the button named Copy one-click link", not for a selector tied to one automation library.
// The function below is serialised into the page, so it must not use anything from this module's scope.

/** What a scenario looks for. A plain string is a CSS selector. */
export type Target = string | Query;

export interface Query {
  /** CSS selector the element must match. */
  css?: string;
  /** ARIA role, explicit or implied by the tag (button, link, form, article, tab, list, listitem, textbox, combobox, checkbox, status, heading, region). */
  role?: string;
  /** Accessible name (aria-label, aria-labelledby, <label>, or text for buttons/links/tabs), exact unless `partial`. */
  name?: string;
  /** The text content, exact (trimmed) unless `partial`. */
  text?: string;
  /** Match `name` and `text` as substrings. */
  partial?: boolean;
  /** Only inside the first element this target finds. */
  within?: Target;
}

/** Serialisable form passed into the page. */
export function toQuery(target: Target): Query {
  return typeof target === 'string' ? { css: target } : target;
}

/** A readable form for error messages. */
export function describeTarget(target: Target): string {
  return typeof target === 'string' ? target : JSON.stringify(target);
}

/**
 * Runs in the page: marks every element matching the query with data-e2e-mark="<mark>" (removing older marks)
 * and returns how many it marked. The driver then acts on `[data-e2e-mark="<mark>"]` with its own library.
 */
export function markInPage({ query, mark }: { query: Query; mark: string }): number {
  const IMPLIED: Record<string, string> = {
    BUTTON: 'button',
    A: 'link',
    FORM: 'form',
    ARTICLE: 'article',
    UL: 'list',
    OL: 'list',
    LI: 'listitem',
    TEXTAREA: 'textbox',
    SELECT: 'combobox',
    H1: 'heading',
    H2: 'heading',
    H3: 'heading',
    H4: 'heading',
    SECTION: 'region',
    NAV: 'navigation',
    MAIN: 'main',
    DIALOG: 'dialog',
    OUTPUT: 'status',
  };
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0]!;
    if (el.tagName === 'INPUT') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'button' || type === 'submit') return 'button';
      if (type === 'search') return 'searchbox';
      return 'textbox';
    }
    return IMPLIED[el.tagName] ?? '';
  };
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      return clean(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    const label = el.getAttribute('aria-label');
    if (label) return clean(label);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      const labels = el.labels ? [...el.labels] : [];
      // A label wrapping its control: the control's own text (a select's options) is not part of the name.
      const labelText = (label: HTMLLabelElement) => {
        const copy = label.cloneNode(true) as HTMLElement;
        for (const control of copy.querySelectorAll('input, select, textarea')) control.remove();
        return copy.textContent;
      };
      if (labels.length) return clean(labels.map(labelText).join(' '));
      return clean(el.getAttribute('title') ?? el.getAttribute('placeholder'));
    }
    if (['button', 'link', 'tab', 'listitem', 'heading', 'option', 'menuitem', 'checkbox', 'radio', 'switch'].includes(roleOf(el))) {
      return clean(el.textContent);
    }
    return clean(el.getAttribute('title'));
  };
  const matches = (actual: string, wanted: string | undefined, partial: boolean | undefined) =>
    wanted === undefined || (partial ? actual.includes(wanted) : actual === wanted);

  const first = (q: Query, scope: ParentNode): Element[] => {
    let root: ParentNode = scope;
    if (q.within !== undefined) {
      const inner = typeof q.within === 'string' ? { css: q.within } : q.within;
      const found = first(inner, scope)[0];
      if (!found) return [];
      root = found;
    }
    const candidates = [...root.querySelectorAll(q.css ?? '*')];
    return candidates.filter(
      (el) =>
        (q.role === undefined || roleOf(el) === q.role) &&
        matches(nameOf(el), q.name, q.partial) &&
        matches(clean(el.textContent), q.text, q.partial),
    );
  };
  for (const old of document.querySelectorAll(`[data-e2e-mark="${mark}"]`)) old.removeAttribute('data-e2e-mark');
  const found = first(query, document);
  for (const el of found) el.setAttribute('data-e2e-mark', mark);
  return found.length;
}
