using System.Text.RegularExpressions;

namespace LexIntel.WorkerService.Context;

/// <summary>
/// What a filing's first page says about the whole document, read from the caption US courts
/// put there: the court, the parties, the document's title and its docket number.
/// </summary>
public sealed partial record DocumentCaption(string? Court, string? Parties, string? Title, string? DocketNumber)
{
    // The caption is at the top; a first page of pleading paper holds about 60 lines of it and the counsel block.
    private const int CaptionLines = 80;

    private const int MaxTitleLength = 160;

    private const int MaxPartyLength = 60;

    /// <summary>
    /// The caption of <paramref name="firstPage"/>; <paramref name="stampedDocket"/> is the docket
    /// number of the court's filing stamps, which wins over one read from the text.
    /// </summary>
    public static DocumentCaption Read(string firstPage, string? stampedDocket)
    {
        var lines = firstPage.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(CaptionLines).ToList();
        var docket = stampedDocket ?? (Docket().Match(firstPage) is { Success: true } written ? written.Groups["number"].Value : null);
        return new DocumentCaption(CourtOf(lines), PartiesOf(lines), TitleOf(lines), docket);
    }

    /// <summary>The caption as one line: <c>Order granting… · Tessera v. Toshiba · N.D. Cal. No. 15-cv-02543</c>.</summary>
    public string Describe() =>
        string.Join(" · ", new[] { Title, Parties, Court is null && DocketNumber is null ? null : $"{Court}{(Court is not null && DocketNumber is not null ? ", " : null)}{(DocketNumber is null ? null : $"No. {DocketNumber}")}" }.Where(p => p is not null));

    private static string? CourtOf(List<string> lines)
    {
        var index = lines.FindIndex(l => CourtLine().IsMatch(l));
        if (index < 0)
        {
            return null;
        }

        // "UNITED STATES DISTRICT COURT" / "CENTRAL DISTRICT OF CALIFORNIA"; "United States Court of Appeals" / "For the First Circuit".
        var court = lines[index];
        if (index + 1 < lines.Count && CourtPlace().IsMatch(lines[index + 1]))
        {
            court = $"{court}, {lines[index + 1]}";
        }

        return court;
    }

    /// <summary><c>TESSERA, INC. v. TOSHIBA CORPORATION</c>: the first capitalized names before and after the "v." of the caption.</summary>
    private static string? PartiesOf(List<string> lines)
    {
        var versus = lines.FindIndex(l => Versus().IsMatch(l));
        if (versus < 0)
        {
            return null;
        }

        var before = lines.Take(versus).LastOrDefault(IsPartyName);
        var after = lines.Skip(versus + 1).Take(8).FirstOrDefault(IsPartyName);
        return before is null || after is null ? null : $"{PartyName(before)} v. {PartyName(after)}";
    }

    private static bool IsPartyName(string line) =>
        PartyLine().IsMatch(line) && !CourtLine().IsMatch(line) && !TitleWords().IsMatch(line);

    private static string PartyName(string line)
    {
        var name = line.Split(',')[0].Trim();
        return name.Length <= MaxPartyLength ? name : name[..MaxPartyLength];
    }

    /// <summary>The first run of capitalized lines naming what the document is: <c>PLAINTIFF'S OPPOSITION TO DEFENDANT'S MOTION…</c>.</summary>
    private static string? TitleOf(List<string> lines)
    {
        var start = lines.FindIndex(l => IsCapitalized(l) && TitleWords().IsMatch(l) && !CourtLine().IsMatch(l));
        if (start < 0)
        {
            return null;
        }

        var title = lines[start];
        for (var i = start + 1; i < lines.Count && IsCapitalized(lines[i]) && title.Length < MaxTitleLength; i++)
        {
            title = $"{title} {lines[i]}";
        }

        return title.Length <= MaxTitleLength ? title : title[..MaxTitleLength];
    }

    private static bool IsCapitalized(string line)
    {
        var letters = line.Count(char.IsLetter);
        return letters >= 3 && line.Count(char.IsUpper) >= letters * 0.8;
    }

    // A whole line naming a court: "UNITED STATES DISTRICT COURT", "United States Court of Appeals", "IN THE SUPREME COURT OF OHIO".
    [GeneratedRegex(@"^(?:IN THE |In the )?[A-Z][A-Za-z.'’ ]{0,60}\b(?:COURT|Court)\b[A-Za-z.,'’ ]{0,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex CourtLine();

    [GeneratedRegex(@"\b(?:DISTRICT|District|CIRCUIT|Circuit|DIVISION|Division)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CourtPlace();

    [GeneratedRegex(@"^(?:v\.?|vs\.?|V\.|VS\.|versus)$|\s(?:v\.|vs\.)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Versus();

    // A name in capitals, as captions write parties: "TESSERA, INC.,", "MALIK BROWN, individually and on".
    [GeneratedRegex(@"^[A-Z][A-Z0-9.&'’\- ]{2,}(?:,|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PartyLine();

    [GeneratedRegex(@"\b(?:MOTION|ORDER|OPPOSITION|REPLY|DECLARATION|BRIEF|OPINION|MEMORANDUM|TRANSCRIPT|NOTICE|STIPULATION|JUDGMENT|COMPLAINT|PETITION|OBJECTIONS?|APPLICATION|RESPONSE|PROCEEDINGS|DEPOSITION|EXHIBIT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"\b(?:Case|Civil Action|Docket|Appeal|CASE|DOCKET)?\s*(?:No|NO)\.?:?\s*(?<number>\d{1,2}:\d{2}-[A-Za-z]{2,4}-\d{3,6}(?:-[A-Z]{1,4})*|\d{2}-[A-Za-z]{2,4}-\d{3,6}(?:-[A-Z]{1,4})*|\d{2}-\d{3,5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Docket();
}
