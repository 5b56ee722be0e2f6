import type { GroupRegion } from '@/utils/groups/schema';

export function RegionSelect(props: { value: GroupRegion; onChange(region: GroupRegion): void; disabled?: boolean }) {
  return (
    <label>
      Region
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value === 'us' ? 'us' : 'eu')}
      >
        <option value="eu">EU (sonarcloud.io)</option>
        <option value="us">US (sonarqube.us)</option>
      </select>
    </label>
  );
}
