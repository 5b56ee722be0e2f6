import { checkEnterpriseKey, SONAR_REGIONS, type SonarRegion } from '@/utils/links/sonarqube-cloud';

interface Props {
  region: SonarRegion;
  keyText: string;
  onRegion(region: SonarRegion): void;
  onKey(text: string): void;
  /** Show the key's problem before the first submit only once something was typed. */
  touched: boolean;
  idPrefix: string;
}

/** Region and enterprise key, checked as typed, with a one-click fix when a full link was pasted. */
export function SonarKeyFields({ region, keyText, onRegion, onKey, touched, idPrefix }: Props) {
  const check = checkEnterpriseKey(keyText);
  const showProblem = !check.ok && (touched || keyText.length > 0);
  const problemId = `${idPrefix}-key-problem`;
  return (
    <>
      <label class="field">
        <span>Region</span>
        <select value={region} onChange={(e) => onRegion(e.currentTarget.value as SonarRegion)}>
          {(Object.keys(SONAR_REGIONS) as SonarRegion[]).map((r) => (
            <option key={r} value={r}>
              {SONAR_REGIONS[r].label}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Enterprise key</span>
        <input
          type="text"
          value={keyText}
          placeholder="e.g. acme"
          autoComplete="off"
          spellcheck={false}
          aria-invalid={showProblem}
          aria-describedby={showProblem ? problemId : undefined}
          onInput={(e) => onKey(e.currentTarget.value)}
        />
      </label>
      {showProblem && !check.ok && (
        <div id={problemId} class="hint error-text" role="alert">
          {check.message}{' '}
          {check.suggestion && (
            <button
              type="button"
              class="link"
              onClick={() => {
                if (check.suggestion?.region) onRegion(check.suggestion.region);
                onKey(check.suggestion!.key);
              }}
            >
              Use "{check.suggestion.key}"
              {check.suggestion.region ? ` (${SONAR_REGIONS[check.suggestion.region].label})` : ''}
            </button>
          )}
        </div>
      )}
    </>
  );
}
