using WordSet = System.Collections.Generic.HashSet<string>.AlternateLookup<System.ReadOnlySpan<char>>;

namespace Search.Core.Organisations;

/// <summary>
/// Small closed word lists (lower-case keys) for recognising organisation names that are not in the
/// gazetteer and for keeping people and sentence-initial words out of them.
/// </summary>
internal static class OrganisationWordLists
{
    /// <summary>Words that end (head) an organisation name: "Bank", "Ministry", "Inc".</summary>
    public static readonly WordSet HeadWords = Set(
        "agency", "authority", "authorities", "bureau", "centre", "center", "commission", "committee", "council", "department",
        "ministry", "office", "police", "unit", "university", "institute", "institution", "foundation", "association", "party",
        "group", "bank", "bancorp", "bancshares", "banc", "corporation", "corp", "co", "company", "inc", "incorporated", "ltd",
        "limited", "llc", "plc", "gmbh", "ag", "nv", "bv", "labs", "lab", "laboratories", "laboratory", "technologies", "systems",
        "networks", "security", "radio", "times", "post", "journal", "airlines", "airways", "motors", "holdings", "industries",
        "enterprises", "partners", "trust", "fund", "exchange", "board", "organization", "organisation", "federation", "service",
        "services", "administration", "force", "army", "navy", "team", "software", "studios", "hospital", "college", "school",
        "communications", "electronics", "pharmaceuticals", "broadcasting", "television", "telecom", "telecommunications",
        "petroleum", "resources", "chemical", "chemicals", "steel", "mining", "insurance", "securities", "capital", "investments",
        "ventures", "solutions", "federal", "directorate", "secretariat", "tribunal", "court", "parliament", "assembly",
        "congress", "league", "union", "alliance", "coalition", "brigade", "brigades", "front", "movement", "network",
        "collective", "gang", "syndicate", "cartel", "consortium", "society", "club", "academy", "observatory", "registry",
        "division", "lines", "forces", "associates", "ab", "sa", "spa", "ministries", "embassy", "government");

    /// <summary>The head words' key hashes, so a capitalised word that heads nothing needs no lookup.</summary>
    public static readonly KeyFilter HeadWordFilter = KeyFilter.Of(HeadWords.Set);

    /// <summary>Heads that are also plain words; a name headed by one needs at least two words before it.</summary>
    public static readonly WordSet WeakHeadWords = Set(
        "security", "post", "times", "service", "services", "force", "team", "front", "movement", "union", "network", "federal",
        "capital", "court", "office", "exchange", "board", "fund", "resources", "lines", "forces", "division", "government", "solutions", "software", "club",
        "assembly", "congress", "league", "alliance", "coalition", "collective", "society");

    /// <summary>Legal-form words that close a company name: "Hospital Corp", "Biopool AB".</summary>
    public static readonly WordSet LegalSuffixes = Set(
        "corp", "corporation", "co", "inc", "incorporated", "ltd", "limited", "llc", "plc", "gmbh", "ag", "nv", "bv", "ab", "sa", "spa");

    /// <summary>Heads of government bodies, before which a nationality is description, not name.</summary>
    public static readonly WordSet GovernmentHeads = Set(
        "ministry", "department", "police", "army", "navy", "government", "authorities", "embassy", "forces", "parliament");

    /// <summary>Nationality adjectives (see <see cref="GovernmentHeads"/>).</summary>
    public static readonly WordSet Nationalities = Set(
        "american", "british", "french", "german", "italian", "spanish", "japanese", "chinese", "russian", "korean", "indian",
        "canadian", "australian", "dutch", "swiss", "swedish", "israeli", "iranian", "iraqi", "ukrainian", "turkish", "polish",
        "brazilian", "mexican", "saudi", "egyptian", "pakistani", "belgian", "austrian", "irish", "greek", "norwegian", "danish");

    /// <summary>Words that may join the parts of a name after its head: "Bank of England", "Department of Justice".</summary>
    public static readonly WordSet Connectors = Set("of", "for", "de", "on", "and", "&", "the", "du", "des", "der", "fur", "für");

    /// <summary>Capitalised words that open sentences or name no one; never the first word of a name.</summary>
    public static readonly WordSet NotNameStart = Set(
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "your", "my", "in", "on", "at",
        "for", "by", "from", "with", "and", "but", "or", "as", "if", "when", "while", "after", "before", "since", "each", "every",
        "some", "any", "no", "all", "both", "one", "two", "three", "former",
        "several", "many", "most", "other", "another", "such", "according", "under", "last", "next", "first", "it", "he", "she",
        "they", "we", "i", "you", "also", "however", "meanwhile", "yesterday", "today", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "said", "says", "told", "why", "how", "what", "where", "who", "which", "then", "there", "here", "than",
        "about", "into", "over", "via", "per", "against", "between", "during", "without", "within", "through", "to", "of",
        "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could", "should", "not", "so", "because");

    /// <summary>Titles and reporting words that come before a person's name.</summary>
    public static readonly WordSet PersonTitles = Set(
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "commissioner", "president", "minister",
        "secretary", "senator", "sen", "rep", "gov", "governor", "chairman", "chairwoman", "director", "judge", "justice",
        "general", "gen", "col", "capt", "sgt", "officer", "chief", "ceo", "cto", "ciso", "analyst", "researcher", "spokesman",
        "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "pope", "rev", "st", "saint", "mayor", "detective",
        "inspector", "agent", "attorney", "lawyer", "author", "founder");

    /// <summary>Common given names: a capitalised word after one of these is a person's surname, not a company.</summary>
    public static readonly WordSet FirstNames = Set(
        "john", "james", "robert", "rob", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "chris",
        "christopher", "daniel", "dan", "matthew", "matt", "anthony", "mark", "donald", "steven", "steve", "paul", "andrew",
        "andy", "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "tim", "jason", "jeffrey",
        "jeff", "ryan", "jacob", "gary", "nicholas", "nick", "eric", "jonathan", "stephen", "larry", "justin", "scott",
        "brandon", "frank", "benjamin", "ben", "gregory", "samuel", "sam", "raymond", "patrick", "alexander", "alex", "jack",
        "dennis", "jerry", "tyler", "aaron", "henry", "peter", "adam", "nathan", "zach", "kyle", "walter", "harold", "jeremy",
        "carl", "keith", "roger", "arthur", "terry", "lawrence", "sean", "christian", "albert", "joe", "ethan", "austin",
        "jesse", "willie", "billy", "bill", "bruce", "ralph", "bobby", "russell", "louis", "philip", "phil", "johnny",
        "julian", "dimitris", "pierluigi", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
        "sarah", "karen", "nancy", "lisa", "margaret", "betty", "sandra", "ashley", "dorothy", "kimberly", "emily", "donna",
        "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen",
        "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine",
        "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce",
        "victoria", "kelly", "christina", "lauren", "joan", "evelyn", "olivia", "judith", "megan", "cheryl", "martha",
        "andrea", "hannah", "jacqueline", "ann", "jean", "alice", "kathryn", "gloria", "teresa", "doris", "sara", "janice",
        "julia", "marie", "madison", "grace", "judy", "theresa", "beverly", "denise", "marilyn", "amber", "danielle", "abigail",
        "brittany", "rose", "diana", "natalie", "sophia", "alexis", "lori", "kayla", "jane", "tavis", "troy", "brad", "graham",
        "simon", "ivan", "sergey", "sergei", "vladimir", "dmitry", "alexey", "igor", "oleg", "yuri", "boris", "mikhail", "ali",
        "mohammed", "muhammad", "ahmed", "hassan", "omar", "wei", "li", "zhang", "chen", "hans", "jurgen", "klaus", "wolfgang",
        "pierre", "jean", "francois", "marco", "luca", "giovanni", "carlos", "jose", "juan", "luis", "miguel", "pedro");

    /// <summary>Looked up by a word's key in the field's key buffer, so no string is made for the question.</summary>
    private static WordSet Set(params string[] words) => new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
