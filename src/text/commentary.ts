/**
 * A sentence that opens as the writer's comment rather than a report: a concession or a hedge ("Granted, it's too much
 * to expect …", "To be sure, …", "Of course, …"), a verdict ("In short, …", "What is clear is …"), or a wait-and-see
 * ("It remains to be seen …", "Whether …"). News value lies elsewhere in such an article.
 */
export const COMMENTARY =
  /^(?:granted|to be sure|of course|frankly|arguably|admittedly|needless to say|make no mistake|bear in mind|in fairness|put simply|in short|in other words|for now|it remains to be seen|time will tell|only time|whether|but whether|what is clear|one thing is)\b/i;
