import { Fragment } from 'preact';

/**
 * A URL that wraps after `/`, `#`, `:`, `?`, `&` and `=` rather than mid-word: a <wbr> after each. Text only, so a
 * captured URL never becomes markup.
 */
export function BreakableUrl({ url }: { url: string }) {
  const parts = url.split(/(?<=[/#:?&=])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
