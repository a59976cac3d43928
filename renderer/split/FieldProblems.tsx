/** A problem shown right where it is caused (under a field, a box, an item group). */
export function FieldProblems({ messages, testId }: { messages: string[]; testId: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className="split-problems" role="alert">
      {messages.map((m) => (
        <li key={m} className="split-problem" data-testid={testId}>
          {m}
        </li>
      ))}
    </ul>
  );
}
