import { useId } from 'react';

/** "Share with": only me, or one of the communities the user belongs to (community id, '' for only me). */
export function ShareWith({
  communities,
  value,
  onChange,
}: {
  communities: ReadonlyArray<{ id: string; name: string }>;
  value: string;
  onChange: (communityId: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Share with</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Only me</option>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </>
  );
}
