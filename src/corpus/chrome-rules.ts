/**
 * Generic patterns for the site furniture that scraped articles carry. Each rule tests one trimmed
 * line; they describe kinds of chrome (login prompts, comment forms, share bars), never one article's lines.
 */
export const CHROME_LINE_RULES: ReadonlyArray<{ reason: string; pattern: RegExp; maxWords?: number }> = [
  { reason: 'login or premium prompt', maxWords: 14, pattern: /\b(log ?in|log ?out|sign ?(in|up)|register|subscribe|premium member|free trial|\d+-day trial|lost your password|create an account|my account)\b/i },
  { reason: 'comment form', maxWords: 6, pattern: /^(post a comment|leave a (reply|comment)|comments?|cancel( reply)?|submit|reply|name\s*\*?|e-?mail\s*\*?|website|\d+ comments?)$/i },
  { reason: 'comment form', pattern: /your email address will not be published|required fields are marked|you may use these html tags|<a href=|<\/?(abbr|acronym|blockquote|strike|strong)\b/i },
  { reason: 'share or navigation bar', maxWords: 6, pattern: /^(share( this( post| article)?)?|tweet|print|email this|back to top|(previous|next) (post|article)(\s+(previous|next) (post|article))?|font (change|size)|text size|references|views by|related( articles?| posts?)?|tags?:?|thanks\.?|advertisement|read more|see also|follow us)$/i },
  { reason: 'related-article link', pattern: /^(related( article| story| reading)?|read also|see also|also read)\s*[-:–—]/i },
  { reason: 'attribution line', maxWords: 8, pattern: /^(news from|written by|posted by|editor|edited by|source|reporting by|by)\s*:?\s+\S/i },
  { reason: 'boilerplate disclaimer', pattern: /^(the views expressed in this article|this article was (originally )?(re)?published|all rights reserved|copyright\b|©)/i },
  { reason: 'image placeholder', maxWords: 1, pattern: /^([a-z]+(_[a-z0-9]+)+|screenshot|image|photo|picture|video|logo|avatar|thumbnail)$/i },
  { reason: 'dateline', maxWords: 4, pattern: /^((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2})$/i },
];

/** A photo credit or image reference at the end of a line marks the line (and its paragraph) as a caption. */
export const CAPTION_CREDIT = /((getty images|\bafp|reuters|ap photo|associated press|shutterstock|\bepa\b|alamy|bloomberg|xinhua|tass|sputnik|visual china)\b[^.]{0,40}\)?|via the \w+|\(image source:[^)]*\)|\(photo:[^)]*\)|photo(graph)?:\s*\S.{0,60}|wiki\/file:\S+|\S+\.(jpe?g|png|gif|webp))\s*$/i;
