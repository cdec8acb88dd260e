/** An error and its causes as one line for the terminal (`a: b: c`), each text once, five at most. */
export function describeError(error: unknown): string {
  const parts: string[] = []
  for (let cause = error; cause && parts.length < 5; cause = (cause as {cause?: unknown}).cause) {
    const text = cause instanceof Error ? cause.message : String(cause)
    if (!parts.includes(text)) parts.push(text)
  }
  return parts.join(': ')
}
