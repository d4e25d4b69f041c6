/**
 * Who said a development, when the text does not already say so: "He said Kyiv was ready…" needs its speaker,
 * "Putin said…" does not. Matches on the surname, so "Vladimir Putin" is found in "Putin said".
 */
export function missingSpeaker(text: string, speaker: string | undefined): string | undefined {
  if (speaker === undefined || speaker.trim() === '') return undefined;
  const surname = speaker.trim().split(/\s+/).pop() ?? speaker;
  return text.toLowerCase().includes(surname.toLowerCase()) ? undefined : speaker.trim();
}
