// Views load their code on demand (the panel's detail, engine and crypto): on a loaded CI machine the first
// import can take longer than Testing Library's default 1 s wait, which made tests fail that pass alone.
// Only DOM test files load Testing Library (the others run in Node and would pay its import for nothing).
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5_000 });
}
