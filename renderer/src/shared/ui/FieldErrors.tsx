// The errors of one form field, shown next to it as text (messages from the box included), one per line.
import './ui.css';

export function FieldErrors({ messages, testId }: { messages: string[]; testId: string }) {
  if (messages.length === 0) return null;
  return (
    <span className="field-error" role="alert" data-testid={testId}>
      {messages.map((message, index) => (
        <span key={index} className="field-error-line">
          {message}
        </span>
      ))}
    </span>
  );
}
