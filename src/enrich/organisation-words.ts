// The words that make a capitalised name a body's: "… Party", "… Council",
// "Board of …". Shared by the rules that find bodies (organisation-hits.ts)
// and those that check the names tagger's (organisation-tagged.ts).

/** Words that end (or, with "of", start) the name of a body. */
export const ORGANISATION_WORDS =
  'Friends|Forum|Board|Institute|Organisation|Organization|Chamber|Party|Council|Committee|Association|Union|Brotherhood|Chronicle|Commission|Foundation|Trust|Society|Agency|Ministry|Department|Office|Bank|Group|Company|Corporation|University|College|Hospital|Church|Club|Federation|Confederation|League|Alliance|Movement|Network|Service|Authority|Court|Parliament|Assembly|Congress|Senate|Times|Telegraph|Guardian|Herald|Post|Mail|Express|Mirror|Observer|Gazette|Journal|Review|News|Radio|Television|Press|Inc|Ltd|plc|Plc|Corp|Holdings|Capital|Partners|Ventures|Industries|Enterprises|LLC|LLP|GmbH|Airways|Airlines|Motors|Records|Studios|Pictures|Magazine|Administration|Bureau|Police|Army|Navy|Brigade|Municipality|FC|AFC';
/** Words that end a body's name: after one, "and" starts another body. */
export const HEAD_WORD = new RegExp(`(?:${ORGANISATION_WORDS})$`, 'u');

/** One of the words that make a name a body's. */
export const HEAD = new RegExp(`^(?:${ORGANISATION_WORDS})$`, 'u');
/** A body's head word at the start of a name: "Sunday Times" is a paper, not a day and a paper. */
export const HEAD_START = new RegExp(`^(?:${ORGANISATION_WORDS})\\b`, 'u');

/**
 * Lower-case words for kinds of body, after which a capitalised name is that
 * body's ("law firm Sidley Austin", "the band Pearl Jam"): the organisations
 * finder takes the name, the people finder leaves it.
 */
export const BODY_NOUNS = 'firm|company|band|club|team|agency|newspaper|magazine|broadcaster|channel|airline|bank|charity|retailer|website|startup|conglomerate|manufacturer|automaker|carmaker|group|network|organisation|organization|nonprofit|non-profit|publisher|developer|studio|tabloid|coalition|consortium|insurer|lender|supermarket|supergroup|daily|weekly|journal|chain|outlet';
