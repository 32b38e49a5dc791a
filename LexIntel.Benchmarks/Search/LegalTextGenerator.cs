using System.Text;

namespace LexIntel.Benchmarks.Search;

/// <summary>
/// Passages and queries that read like U.S. court filings (parties, doctrines, statutes, reporter
/// citations), so full-text search sees a realistic vocabulary and match rate. Seeded: every run
/// searches the same index.
/// </summary>
internal sealed class LegalTextGenerator(int seed)
{
    private static readonly string[] Parties = ["plaintiff", "defendant", "appellant", "appellee", "petitioner", "respondent", "the State", "the United States", "the agency", "the employer", "the insurer", "the debtor", "the trustee", "the officer", "the municipality"];
    private static readonly string[] Verbs = ["argues", "contends", "concedes", "maintains", "asserts", "alleges", "disputes", "acknowledges", "claims", "denies"];
    private static readonly string[] Doctrines = ["qualified immunity", "summary judgment", "due process", "equal protection", "probable cause", "the exclusionary rule", "res judicata", "collateral estoppel", "sovereign immunity", "the statute of limitations", "personal jurisdiction", "subject-matter jurisdiction", "standing", "the dormant Commerce Clause", "preemption", "abuse of discretion", "de novo review", "harmless error", "ineffective assistance of counsel", "a knowing and voluntary plea", "the Fourth Amendment", "the Fifth Amendment", "the Eighth Amendment", "breach of contract", "unjust enrichment", "promissory estoppel", "negligence per se", "strict liability", "the business judgment rule", "fiduciary duty"];
    private static readonly string[] Holdings = ["the district court erred", "the judgment is affirmed", "the judgment is reversed and remanded", "the motion to dismiss was properly granted", "the claim is time-barred", "the evidence was sufficient", "the search was reasonable", "the warrant lacked particularity", "the contract is ambiguous", "the regulation is a permissible construction of the statute", "the plea was knowing and voluntary", "the injunction was overbroad", "the class was properly certified", "the arbitration clause is enforceable", "the damages award was excessive"];
    private static readonly string[] Facts = ["water rights under the interstate compact", "a traffic stop on the interstate highway", "the termination of a long-time employee", "a dispute over the lease of farmland", "the seizure of a cellular telephone", "a commercial shipment damaged in transit", "the denial of disability benefits", "a zoning variance for a warehouse", "the pension plan's distribution rules", "an oral agreement to sell mineral rights", "the search of a vehicle's trunk", "the recall of a defective product", "a patent on a medical device", "the dissolution of a family partnership", "a prisoner's request for medical care"];
    private static readonly string[] Reporters = ["U. S.", "S. Ct.", "L. Ed. 2d", "F. 3d", "F.3d", "F. 2d", "F. Supp. 2d", "F. Supp. 3d", "S.W.3d", "N.E.2d", "P.3d", "A.3d", "So. 3d", "Cal. Rptr. 3d"];
    private static readonly string[] Names = ["Smith", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young"];
    private static readonly string[] Codes = ["42 U.S.C. § 1983", "28 U.S.C. § 1331", "28 U.S.C. § 2254", "15 U.S.C. § 78j(b)", "18 U.S.C. § 922(g)", "29 U.S.C. § 1132", "Fed. R. Civ. P. 12(b)(6)", "Fed. R. Civ. P. 56", "Fed. R. Evid. 403", "17 C.F.R. § 240.10b-5"];

    /// <summary>Everyday words of opinions, most common first; drawn with a skew, as natural text is.</summary>
    private static readonly string[] Common = ("court record evidence trial motion order judgment appeal claim party counsel witness testimony hearing statute section provision contract agreement payment notice letter report policy company employee officer county city state federal district circuit jury verdict damages injury property land water vehicle home office account bank loan debt interest rate price market business product service plan program benefit insurance coverage premium risk loss fire accident driver road highway bridge building permit license application request review decision finding conclusion reason basis issue question matter case action proceeding complaint answer reply brief argument theory standard rule test factor element burden proof presumption inference doubt error ruling instruction objection exhibit document file email message call meeting date time year month day period term delay extension deadline filing service process summons subpoena discovery deposition interrogatory admission privilege confidentiality disclosure production inspection sanction fee cost expense award relief remedy injunction restitution penalty fine sentence probation parole custody child parent spouse marriage divorce support visitation estate will trust beneficiary executor guardian minor school student teacher board election vote candidate ballot tax income return refund assessment audit lien mortgage foreclosure tenant landlord lease rent eviction repair condition defect warranty sale buyer seller goods delivery shipment carrier freight invoice purchase supplier customer patent trademark copyright license royalty invention design software data network system device equipment machine tool material chemical hospital physician patient treatment diagnosis prescription nurse medication surgery condition disability claimant employer wage overtime hour shift union grievance arbitration discharge discipline retaliation harassment discrimination complaint charge commission agency regulation rulemaking comment permit emission discharge wetland river lake well mine mineral oil gas pipeline easement boundary survey deed title").Split(' ');

    private readonly Random random = new(seed);

    private string Pick(string[] words) => words[random.Next(words.Length)];

    /// <summary>Skewed toward the start of the list (roughly Zipf-like): a few words are everywhere, most are rare.</summary>
    private string Skewed(string[] words) => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2.5))];

    private string Citation() =>
        $"{Pick(Names)} v. {Pick(Names)}, {random.Next(1, 999)} {Pick(Reporters)} {random.Next(1, 1500)}, {random.Next(1, 1500)} ({random.Next(1960, 2025)})";

    private string Narrative()
    {
        var words = Enumerable.Range(0, random.Next(12, 24)).Select(_ => Skewed(Common));
        return $"The {string.Join(' ', words)}.";
    }

    private string Sentence() => random.Next(10) switch
    {
        0 => $"The {Pick(Parties)} {Pick(Verbs)} that {Pick(Doctrines)} bars the claim arising from {Pick(Facts)}.",
        1 => $"We review {Pick(Doctrines)} de novo. See {Citation()}.",
        2 => $"Under {Pick(Codes)}, {Pick(Parties)} must show {Pick(Doctrines)}, and here {Pick(Holdings)}.",
        3 => $"Because {Pick(Holdings)}, we need not reach the remaining arguments. Id. at {random.Next(1, 900)}.",
        _ => Narrative(),
    };

    /// <summary>About 200 words, the size of a pipeline chunk.</summary>
    public string Passage()
    {
        var text = new StringBuilder();
        while (text.Length < 1300)
        {
            text.Append(Sentence()).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>What a lawyer types: a doctrine, a fact pattern, a statute, or a quoted phrase.</summary>
    public string Query() => random.Next(4) switch
    {
        0 => $"{Pick(Doctrines)} {Pick(Facts).Split(' ')[^1]}",
        1 => $"\"{Pick(Doctrines)}\" {Pick(Parties).Replace("the ", string.Empty, StringComparison.Ordinal)}",
        2 => Pick(Codes),
        _ => $"whether {Pick(Holdings)} in {Pick(Facts)}",
    };
}
