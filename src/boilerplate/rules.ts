/**
 * The rule table: each pattern rule carries its id, a one-sentence description, the zone where
 * it may fire, and its own examples (the remark-lint pattern: `test/boilerplate/rules.test.ts`
 * runs every rule's examples, so a rule cannot lose its documentation or its tests).
 *
 * Patterns describe the *shape* of a kind of junk (an imperative aimed at the reader, a credit
 * after a caption sentence, a name with a desk), never one outlet's exact wording: other outlets
 * word their junk differently, and what recurs word for word is the corpus step's job.
 */
import type { Zone } from '../types.js'
import { CREDIT, CREDIT_WORD, DATE_TOKEN, NAMES, PEOPLE, anyCase } from './patterns.js'

export interface BoilerplateRule {
  /** Stable kebab-case id; the report's `rule`. */
  readonly id: string
  /** One sentence: README, --explain and the HTML tooltip. */
  readonly description: string
  readonly zone: Zone
  /** Matched against the paragraph's trimmed text (not the key), so case and brackets count. */
  readonly pattern: RegExp
  /** Longest paragraph, in words, the rule may remove: real paragraphs that mention the same words are longer. */
  readonly maxWords: number
  /** Off unless enabled by id. */
  readonly optIn?: boolean
  readonly examples: { readonly remove: readonly string[]; readonly keep: readonly string[] }
}

export const RULES: readonly BoilerplateRule[] = [
  {
    id: 'social-footer',
    description: 'A call to follow, like or subscribe to the outlet on social media.',
    zone: 'anywhere',
    pattern:
      /^(?:the latest news in your social feeds|(?:follow|like|join|find|connect with|subscribe to) (?:us|our\b.{0,30}(?:social|channel|page|feeds?|platforms?|accounts?))\b.*|follow @\w+.*|stay (?:tuned|connected|up to date) (?:with|on) (?:us|our)\b.*)$/iu,
    maxWords: 20,
    examples: {
      remove: [
        'The latest news in your social feeds',
        'Subscribe to our social media platforms to stay tuned',
        'Follow us on Facebook, Twitter and Instagram for the latest updates',
        'Like us on Facebook',
      ],
      keep: [
        'He urged fans to follow us on the long road back, he said.',
        'Follow the money, the senator told reporters on Tuesday, and you will find the answer.',
      ],
    },
  },
  {
    id: 'newsletter',
    description: 'A call to sign up for a newsletter or to get stories by email.',
    zone: 'anywhere',
    pattern:
      /(?:^|[.?!:]\s+)(?:(?:sign up|subscribe)\b.{0,60}\b(?:newsletters?|briefings?|bulletins?|alerts?|inbox|roundup|digest)\b|register\b.{0,40}\bnewsletters?\b|sign up (?:here|now|today|for free|to receive)\b|get (?:our|the)\b.{0,50}\b(?:newsletters?|briefings?|in your inbox|to your inbox)\b|stay (?:informed|in the know|up to date)\b.{0,40}\b(?:newsletters?|briefings?|daily|weekly)\b)|\bdelivered (?:straight |directly )?to your inbox\b/iu,
    maxWords: 25,
    examples: {
      remove: [
        'Sign up for our morning briefing newsletter',
        'Get the best of our journalism delivered to your inbox',
        'Want more stories like this? Sign up for our free newsletter',
      ],
      keep: [
        'More than 2,000 readers signed up for the newsletter in its first week, the paper said.',
        'Register for flood alerts, the agency urged residents.',
      ],
    },
  },
  {
    id: 'paywall',
    description: 'A subscription or log-in prompt that interrupts the article.',
    zone: 'anywhere',
    pattern:
      /^(?:subscribe (?:now|today|for)\b|already (?:a (?:subscriber|member)|have an account)\b|(?:subscribe|register|log in|sign in) to (?:continue|keep) reading\b|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)\b|support (?:our|independent) journalism\b|(?:our|quality|independent) journalism needs your support\b|become a (?:member|subscriber)\b|unlock (?:this|unlimited|full) (?:article|story|access)\b)/iu,
    maxWords: 25,
    examples: {
      remove: ['Subscribe to continue reading', 'Already a subscriber? Log in', 'Support our journalism today'],
      keep: ['Subscribers to the service rose by 12% in the quarter, the company said.'],
    },
  },
  {
    id: 'call-to-action',
    description: 'A prompt aimed at the reader: click here, like this story?, join the conversation, send us a tip, report an error.',
    zone: 'anywhere',
    pattern:
      /^(?:(?:click|tap|swipe) (?:here|the link|below|on the link)\b|(?:like|liked|enjoy|enjoyed|love|loved) (?:this|the) (?:story|article)\?|want (?:more|to read more)\b.{0,60}\?|never miss (?:a|another) (?:story|update|thing)\b|join the (?:conversation|discussion|debate)\b|(?:report an? (?:error|typo|correction)|spotted an? (?:error|typo|mistake)\??)|(?:got|have) a (?:news |story )?tip\b|keep up (?:to date )?with (?:the latest|all the latest|our)\b|donate (?:now|today)\b|(?:please )?consider (?:supporting|donating)\b|for (?:more|the latest) (?:news|stories|updates)\b.{0,40}\b(?:visit|follow|go to|see)\b)/iu,
    maxWords: 25,
    examples: {
      remove: ['Click here to read more', 'Like this story? Share it with a friend', 'Got a news tip? Contact us', 'Join the conversation on Facebook'],
      keep: ['Click-and-collect sales rose 40% over Christmas, the retailer said.', 'Join the queue, the minister told the applicants, and wait your turn.'],
    },
  },
  {
    id: 'share-button',
    description: 'A share, save, print, listen or comment button left in the text.',
    zone: 'anywhere',
    pattern:
      /^(?:share|share (?:this|the) (?:article|story|page|post|video)|share (?:on|via|to) \w+(?: \w+)?|tweet(?: this)?|pin it|e-?mail(?: this)?(?: (?:article|story|page))?|print(?: this)?(?: (?:article|story|page))?|save(?: (?:article|story|for later|to reading list))?|bookmark(?: this)?(?: article)?|copy link|listen(?: to (?:this |the )?(?:article|story))?(?:\s*[(\d].*)?|\d+\s*(?:comments?|shares?)|comments?(?: \(\d+\))?|(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|messenger|flipboard|pocket)(?:\s*[|,/·•]\s*(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|messenger|flipboard|pocket|email|x))*)\s*[.:!]?$/iu,
    maxWords: 8,
    examples: {
      remove: ['Share this article', 'Share on Facebook', 'Save article', 'Listen to this article', 'Print', 'Facebook | Twitter | WhatsApp', 'Comments (12)'],
      keep: ['Shares in the company fell 5% on Monday.', 'Save the Children said the appeal had raised £1m.'],
    },
  },
  {
    id: 'advertisement',
    description: 'An advertisement slot marker.',
    zone: 'anywhere',
    pattern:
      /^[-–—\s]*(?:(?:advertisement|advertising|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|partner))(?:\s*[-–—:|]\s*(?:continue reading below|story continues below|scroll to continue))?|(?:story|article|content) continues below(?: (?:the )?(?:advertisement|this ad|ad))?|continue reading below(?: (?:the )?(?:advertisement|ad))?|scroll to continue(?: with content)?)[-–—\s]*$/iu,
    maxWords: 8,
    examples: {
      remove: ['ADVERTISEMENT', 'Advertisement', 'Story continues below advertisement', 'ADVERTISEMENT - CONTINUE READING BELOW'],
      keep: ['Advertising revenue rose 4% in the year to March.'],
    },
  },
  {
    id: 'caption',
    description: 'A photo caption or credit: a bracketed credit, "(Photo: …)", "Photograph: …" or a bare "Photo: AGENCY".',
    zone: 'anywhere',
    pattern: new RegExp(
      [
        // … on April 30. [AP/YONHAP]   … in London. [Getty Images]   [SCREEN CAPTURE]
        String.raw`(?:^|[.!?]["”’]?\s+)\[(?:${CREDIT_WORD}s?\s*:\s*)?\p{Lu}[\p{L}\d .,'&/·:_-]{1,60}\]$`,
        // … on Tuesday. (Photo: Reuters)   (Image: Getty Images)
        String.raw`(?:^|[.!?]["”’]?\s+)\((?:${CREDIT_WORD}|[Ff]ile photo|[Vv]ideo)s?\s*:\s*[^)]{2,60}\)$`,
        // … on Tuesday. Photograph: PA Media   Photo: AFP   Photo by John Smith/Reuters   Image source, Getty Images
        String.raw`(?:^|[.!?]["”’]?\s+)${CREDIT_WORD}s?(?:\s+(?:source|copyright|credit))?(?:\s*[:,]|\s+(?:by|courtesy of)\b)\s*[^.!?]{2,50}$`,
        // Image caption, Ministers met in Brussels on Monday
        String.raw`^${anyCase('image caption', 'photo caption', 'media caption', 'caption')}\s*[:,]\s*\S.{1,200}$`,
        // Getty Images   AFP via Getty Images   Reuters/Kim Hong-Ji
        String.raw`^(?:Getty Images|AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|PA Media|PA Wire|Bloomberg|Yonhap|YONHAP|Xinhua|Shutterstock|Alamy)(?:\s*(?:via|/)\s*[\p{L} .'-]{2,40})?$`,
        // … in Washington. (AP Photo/Evan Vucci)   … on Monday (AFP via Getty Images)
        String.raw`\((?:[\p{L} ]{1,20}\s)?[Pp]hoto\s*/\s*[^)]{2,40}\)$|\([^()]{0,30}\bvia Getty Images\)$`,
        // … May 2, 2024. REUTERS/Kim Kyung-Hoon
        String.raw`[.!?]\s+\p{Lu}{2,}(?:\s\p{Lu}{2,})?\s*/\s*\p{Lu}[\p{L} .'-]{1,40}$`,
      ].join('|'),
      'u',
    ),
    maxWords: 60,
    examples: {
      remove: [
        'CIA Director John Ratcliffe speaks in Washington on April 30. [AP/YONHAP]',
        'Ed Kalman seen in Manchester on Thursday. (Photo: Reuters)',
        'Ryan Esson pictured in Cardiff on Saturday. Photograph: PA Media',
        'Photo: AFP',
        'De Wet speaks to reporters in Manchester. [Getty Images]',
        'A man walks past the bank in Tokyo, Japan, May 2, 2024. REUTERS/Kim Kyung-Hoon',
        'Photo by John Smith/Reuters',
        'Image source, Getty Images',
        'Image caption, Ministers met in Brussels on Monday',
        'AFP via Getty Images',
      ],
      keep: [
        'The ministry said the figures [released on Monday] were final.',
        'Photographs of the scene showed extensive damage to the building, police said.',
        'Preview: Ireland v England (Sun)',
        'Photo agencies said demand for images had fallen.',
      ],
    },
  },
  {
    id: 'inline-link',
    description: 'An inline link to another story: "READ MORE: <headline>", "Related: <headline>", "See also: …".',
    zone: 'anywhere',
    pattern:
      new RegExp(
        String.raw`^[-–—•*▶►>\s]*${anyCase('read more', 'read also', 'also read', 'more', 'more reading', 'related', 'related article', 'related story', 'related stories', 'related coverage', 'related news', 'see also', 'watch', 'listen', 'read next', 'recommended', "don't miss", 'must read', 'trending')}` +
          // The linked headline starts like one: a capital, a digit or a quote.
          String.raw`\s*(?::|>>|»|\||–|—)\s*["'“‘\d\p{Lu}].*$`,
        'u',
      ),
    maxWords: 25,
    examples: {
      remove: ['READ MORE: Retail sales show festive fervour', 'Related: BMW to recall faulty diesel cars', 'Also Read | Markets slide as rates rise'],
      keep: [
        'Related party transactions rose sharply, the auditors said.',
        'Listen: the minister said the country could not afford it.',
        'Opinion: Why the bank was wrong to wait',
      ],
    },
  },
  {
    id: 'byline',
    description: 'An author line: "By NAME", "Written by NAME", "NAME | DESK" or "NAME, Staff Reporter", optionally with an email.',
    zone: 'anywhere',
    pattern: new RegExp(
      [
        // By Anna Kim, Staff Reporter   BY SHIN KYUNG-JIN [x@y.kr]   Written by Chen Kim
        String.raw`^(?:${anyCase('by', 'written by', 'words by', 'posted by', 'reported by', 'story by', 'author', 'reporter')}:?)\s+${PEOPLE}(?: in ${NAMES})?(?:\s*[,|–—-]\s*[\p{L} ]{2,40})?\s*(?:\[[^\]]*@[^\]]*\]|\([^)]*@[^)]*\)|\S+@\S+)?$`,
        // James Lopez | Business Desk   Anna Kim, Staff Reporter
        String.raw`^${NAMES}\s*(?:[|•·–—]|,)\s*(?:[\p{L}]+\s+){0,3}(?:[Dd]esk|[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Ww]riter|[Ss]taff|[Bb]ureau|[Cc]olumnist|[Cc]ontributor)$`,
      ].join('|'),
      'u',
    ),
    maxWords: 14,
    examples: {
      remove: [
        'BY SHIN KYUNG-JIN [kim.juyeon2@joongang.co.kr]',
        'By Anna Kim, Staff Reporter',
        'James Lopez | Business Desk',
        'Written by Chen Kim',
        'By Sarah Jones in Washington',
        'Reporter: Kim Min-ji',
      ],
      keep: ['By Thursday the shares had recovered most of their losses.', 'Lansdowne Road, Dublin', 'Written evidence was submitted to the committee on Tuesday.'],
    },
  },
  {
    id: 'reporting-credit',
    description: 'A wire credit: "(Reporting by …; Editing by …)", "Additional reporting by … in …".',
    zone: 'anywhere',
    pattern: new RegExp(String.raw`^\(?${CREDIT}(?:\s*[;,]\s*${CREDIT})*\)?\.?$`, 'u'),
    maxWords: 30,
    examples: {
      remove: ['(Reporting by Grace Sharma; Editing by Fatima Silva)', 'Additional reporting by Tom Kim in Seoul'],
      keep: ['Reporting by the BBC and others has shaped the debate, the minister said.'],
    },
  },
  {
    id: 'publish-date',
    description: 'A published / updated timestamp or reading-time line (not a dateline that opens a paragraph).',
    zone: 'anywhere',
    pattern:
      new RegExp(
        [
          // Published 2 March 2005   Updated: 12:05 PM, 3 May 2024   Posted on May 3, 2024 at 10:00 am
          String.raw`^(?:(?:first|originally|last) )?(?:published|updated|posted|modified|created)(?: on| at)?\s*:?\s*(?:${DATE_TOKEN}(?:[\s,|]+|$))+$`,
          // 2025-05-02T09:14:00Z
          String.raw`^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?$`,
          // 5 min read   Reading time: 4 minutes
          String.raw`^(?:\d+\s*(?:min(?:ute)?s?|m)\.? read|(?:estimated )?reading time\s*:?\s*\d+\s*(?:min(?:ute)?s?|m)\.?)$`,
        ].join('|'),
        'iu',
      ),
    maxWords: 12,
    examples: {
      remove: ['Published 2 March 2005', 'Updated 16 March 2005, 09:14 GMT', 'First published on 18 March 2005', 'Last updated: 12:05 PM, 3 May 2024', '2025-05-02T09:14:00Z', '5 min read'],
      keep: ['Published in 1998, the report found that 40% of firms had no plan at all.', 'Published reports said the deal was worth $2bn.', 'Sunday, 27 February', '1500 GMT'],
    },
  },
  {
    id: 'copyright',
    description: 'A copyright or rights line.',
    zone: 'anywhere',
    pattern: new RegExp(
      [
        // Copyright Metro Wire 2005   © 2005 The Daily Ledger. All rights reserved.   (c) Korea JoongAng Daily
        // (a year, a © sign or "all rights reserved" is required: "Copyright Law Changes Explained" is a headline)
        String.raw`^(?=.*(?:\b(?:19|20)\d\d\b|©|ⓒ|\([Cc]\)|[Aa]ll [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED))(?:[Cc]opyright|COPYRIGHT|©|ⓒ|\([Cc]\))(?:\s*(?:©|ⓒ|\([Cc]\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:(?:\p{Lu}|\d)[\p{L}\d.&'’-]*(?:\s+|$))*(?:[Aa]ll [Rr]ights [Rr]eserved\.?|ALL RIGHTS RESERVED\.?)?$`,
        String.raw`\b(?:[Aa]ll [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)\b`,
        String.raw`\b(?:[Uu]nauthori[sz]ed|[Nn]o part of this)\b.{0,40}\b(?:reproduc|redistribut|republish|cop(?:y|ied))`,
        String.raw`^[Tt]his (?:material|content|article|story) may not be (?:published|reproduced|copied|redistributed)\b`,
      ].join('|'),
      'u',
    ),
    maxWords: 25,
    examples: {
      remove: ['Copyright Metro Wire 2005', '© 2005 The Daily Ledger. All rights reserved.', 'Copyright © 2025 Korea JoongAng Daily'],
      keep: ['Copyright lawyers said the ruling would force the industry to rethink its model.', 'Copyright Law Changes Explained'],
    },
  },
  {
    id: 'link-bar',
    description: 'A bar of three or more short links separated by "|", "•" or "·" (site navigation, legal links).',
    zone: 'anywhere',
    pattern: /^[^|•·]{1,30}(?:\s[|•·]\s[^|•·]{1,30}){2,}$/u,
    maxWords: 30,
    examples: {
      remove: ['Terms of use | Privacy policy | Contact us', 'Home • News • Sport • Business'],
      keep: ['Arsenal 2 - 1 Chelsea', 'James Lopez | Business Desk is not a link bar but a byline.'],
    },
  },
  {
    id: 'tags',
    description: 'A tag or topic line: "Topics: …", "Tags: …", "Filed under: …".',
    zone: 'anywhere',
    pattern: /^(?:topics?|tags?|tagged|filed under|categor(?:y|ies)|keywords|related topics|more on)\s*:\s*\S.{0,120}$/iu,
    maxWords: 15,
    examples: {
      remove: ['Topics: Economy, Markets', 'Tags: football, premier league'],
      keep: ['Topics on the agenda included trade, climate and security, officials said.'],
    },
  },
  {
    id: 'translation-note',
    description: 'A note that the text was translated or written with AI, or first published elsewhere.',
    zone: 'anywhere',
    pattern:
      /\btranslated\b.{0,80}\b(?:generative AI|AI[- ]assisted|AI tools?|machine translation|artificial intelligence)\b|\b(?:produced|generated|written|created|drafted) (?:with|using|by) (?:the )?(?:help of |assistance of |aid of )?(?:AI|generative AI|artificial intelligence|an AI tool)\b|^a version of this (?:story|article) (?:appeared|was published|ran)\b|^(?:this|the) (?:story|article|piece|post|report) (?:was|is|has been) (?:originally|first) (?:published|posted|written|produced|appeared)\b|^(?:this (?:story|article) )?(?:originally|first) (?:published|appeared) (?:by|in|on|at)\b|^(?:republished|reprinted|reproduced) (?:with|by) (?:permission|kind permission|arrangement)\b/iu,
    maxWords: 40,
    examples: {
      remove: [
        'Translated from the JoongAng Ilbo using generative AI and edited by Korea JoongAng Daily staff.',
        'This story was originally published by Northern Courier.',
      ],
      keep: ['The book was translated into 30 languages, including Korean.', 'The study was first published in 1998 and has been cited widely since.'],
    },
  },
  {
    id: 'author-bio',
    description: 'A one-sentence note about the author at the end: "NAME is a senior reporter covering …".',
    zone: 'bottom',
    pattern: new RegExp(
      String.raw`^${NAMES} (?:is|was|writes|reports|covers)\b.{0,60}\b(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|staff writer|freelance)\b.{0,100}$`,
      'u',
    ),
    maxWords: 35,
    examples: {
      remove: ['Sarah Jones is a senior reporter covering technology.', 'Tom Kim is the paper’s Asia correspondent and writes a weekly column.'],
      keep: ['Lucas Reid said the decision had been made by the board, not by the editor.'],
    },
  },
  {
    id: 'all-caps',
    description: 'A short line all in capitals ("EXCLUSIVE", "WATCH NOW"): off by default, as some outlets set headlines and names in capitals.',
    zone: 'anywhere',
    // Two capitals or more, and no lower-case letter or digit (written so that it runs in linear time).
    pattern: /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[^\p{Ll}\d]+$/u,
    maxWords: 5,
    optIn: true,
    examples: {
      remove: ['EXCLUSIVE', 'WATCH NOW'],
      keep: ['Nato summit opens in Brussels', 'Scotland 18-10 Italy - report', '1500 GMT'],
    },
  },
]

/** The detectors that are not pattern rules; they too can be disabled by id. */
export const DETECTOR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'related-links': 'A related-links header ("You may also like", "Most read") and the run of headlines under it.',
  'corpus-repeat': 'A line that recurs across several distinct stories in the corpus (copies of one story count once).',
  'corpus-template': 'A line whose template (names and numbers masked) recurs across several distinct stories: "By X, Staff Reporter".',
  'line-score': 'A line outside the article body whose jusText-like features (URL, email, handle, call to action…) score as junk.',
}
export const DETECTOR_IDS: readonly string[] = Object.keys(DETECTOR_DESCRIPTIONS)

/** Header lines that open a block of links to other stories. */
export const BLOCK_HEADERS: RegExp =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|related(?: articles| stories| news| coverage| content| posts| links| reading| topics)?|(?:most|more) (?:read|popular|viewed|shared|commented)|more (?:from|on|in)\b.{1,40}|more (?:stories|news|headlines|articles|to read)|read more|read (?:this|these) next|read next|what to read next|see also|also read|further reading|recommended(?: for you| stories| reading)?|top (?:stories|news|headlines)|trending(?: now| stories)?|latest (?:news|stories|headlines)|editor'?s (?:picks?|choice)|don'?t miss|in other news|around the (?:web|site)|from (?:the web|around the web|our partners)|sponsored (?:stories|links|content)|in case you missed it|popular (?:now|stories|today|on\b.{1,40})|(?:also|elsewhere|latest) (?:in|on|from)\b.{1,40}|stories you (?:may|might) have missed|people (?:also|are) (?:read|reading)|other stories|(?:suggested|similar) (?:reading|stories|articles)|we recommend|what (?:others|people) are reading)\s*[:>»]?$/iu
