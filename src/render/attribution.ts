import { sameSurname } from '../text/same-surname.js';

/**
 * Who said a development, when the text does not already say so: "He said Kyiv was ready…" needs its speaker,
 * "Putin said…" does not. Matches on the surname, so "Vladimir Putin" is found in "Putin said", and in any of its
 * spellings: "Volodymyr Zelenskyy" in "Zelensky denounced …".
 */
export function missingSpeaker(text: string, speaker: string | undefined): string | undefined {
  if (speaker === undefined || speaker.trim() === '') return undefined;
  const surname = (speaker.trim().split(/\s+/).pop() ?? speaker).toLowerCase();
  const lower = text.toLowerCase();
  if (lower.includes(surname)) return undefined;
  const words = lower.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.some((w) => w[0] === surname[0] && sameSurname(w.replace(/['’]s$/, ''), surname)) ? undefined : speaker.trim();
}

/** A line with its speaker in brackets after it when the text does not name them ("…," he added. (Steve Witkoff)). */
export function withSpeaker(text: string, speaker: string | undefined): string {
  const who = missingSpeaker(text, speaker);
  return who ? `${text} (${who})` : text;
}
