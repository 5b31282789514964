/** A message above a form or a page: an error from the server, or a confirmation. */
export function Notice({ kind, text, testId }: { kind: 'error' | 'info' | 'warn'; text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {text}
    </div>
  );
}
