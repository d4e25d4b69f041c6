/**
 * A label a page states as its title instead of its headline: a section's or the site's ("Sections", "Latest News &
 * Headlines"). Read by HTML extraction among the title's candidates and by analysis of a title a page or feed gave.
 */
export const GENERIC_TITLE =
  /^(?:(?:the|latest|breaking|top|world|local|live|today['’]?s|daily|home|more)\s+)*(?:news|headlines|stories|updates|sections?|home ?page)(?:\s*(?:&|and)\s*(?:headlines|news|updates|videos?|analysis|stories))?$/i;
