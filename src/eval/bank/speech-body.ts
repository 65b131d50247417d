/**
 * The text of one speech file as the bank indexes it: the `President: Name` line dropped, trailing spaces
 * at line ends removed (the transcripts end many lines in two spaces), and outer blank lines trimmed.
 * Gold quotes are substrings of exactly this text.
 */
export function speechBody(fileText: string): { president?: string; body: string } {
  const lines = fileText.replace(/\r\n?/g, '\n').split('\n');
  const header = /^President:\s*(.+)$/.exec(lines[0] ?? '');
  const body = (header ? lines.slice(1) : lines).join('\n').replace(/[ \t]+$/gm, '').trim();
  return { ...(header ? { president: header[1]!.trim() } : {}), body };
}
