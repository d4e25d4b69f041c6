import { storySchema, type Story } from '../../src/records/schema.js';

/** The ceasefire story with the keywords proposed for briefings/ukraine-ceasefire/story.yaml. */
export function ceasefireStory(overrides: Partial<Story> = {}): Story {
  return storySchema.parse({
    id: 'ukraine-ceasefire',
    title: 'Russia–Ukraine ceasefire talks',
    keywords: [
      'Ukraine', 'Ukrainian', 'Russia', 'Russian', 'Kremlin', 'Kyiv', 'Kiev', 'Moscow', 'Putin', 'Zelensky', 'Zelenskyy',
      'ceasefire', 'cease-fire', 'truce', 'peace talks', 'peace deal', 'peace agreement', 'negotiations', 'memorandum',
    ],
    excludeKeywords: [
      'Hamas', 'Gaza', 'Israel', 'Israeli', 'Hezbollah', 'Lebanon', 'West Bank', 'Houthi',
      'interest rate', 'central bank', 'inflation', 'monetary policy', 'basis points',
      'football', 'league', 'goalkeeper', 'striker', 'match', 'tournament', 'championship', 'Champions League', 'scored',
    ],
    questions: [
      {
        id: 'territory',
        label: 'Territory',
        question: 'Will Ukraine cede territory, and where would a ceasefire line run?',
        keywords: ['territory', 'territorial', 'occupied', 'annexed', 'annexation', 'Donbas', 'Donetsk', 'Luhansk', 'Crimea', 'Zaporizhzhia', 'Kherson', 'front line', 'frontline', 'land'],
        patterns: ['give up (?:land|territory)', 'cede[sd]?\\b', 'line of contact'],
      },
      {
        id: 'security-guarantees',
        label: 'Security guarantees',
        question: 'What security guarantees would Ukraine get, and who would provide them?',
        keywords: ['security guarantees', 'security guarantee', 'long-term security', 'NATO', 'peacekeepers', 'peacekeeping', 'reassurance force', 'Article 5', 'root causes', 'neutrality', 'neutral status'],
        patterns: ['guarantee(?:s|d)? (?:of|for) (?:Ukraine|security)', 'troops? on the ground'],
      },
      {
        id: 'ukraine-response',
        label: 'Ukraine’s response',
        question: 'How is Ukraine responding to the proposals?',
        keywords: ['Zelensky', 'Zelenskyy', 'Kyiv', 'Ukrainian president', 'Ukrainian government', 'Ukrainian officials', 'Sybiha', 'Yermak'],
        patterns: ['ukraine (?:has )?(?:responded|rejected|accepted|welcomed|insist)', 'without us', 'ukrain\\w* (?:side|delegation|negotiators)'],
      },
    ],
    autoPublish: false,
    ...overrides,
  });
}
