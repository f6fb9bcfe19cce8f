/** A labelled checkbox (filters, rules applied together), and toggling a value in a list. */
import "./Check.css";

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function Check({
  checked,
  onChange,
  children,
  count,
  testId,
}: {
  checked: boolean;
  onChange(): void;
  children: React.ReactNode;
  count?: number | undefined;
  testId?: string;
}) {
  return (
    <label className="check">
      <input type="checkbox" className="check-box" checked={checked} onChange={onChange} data-testid={testId} />
      <span className="check-label">{children}</span>
      {count !== undefined && <span className="count">{count}</span>}
    </label>
  );
}
