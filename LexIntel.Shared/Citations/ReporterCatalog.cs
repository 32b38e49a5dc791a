using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// The reporters, journals and statute series of Free Law Project's reporters-db (BSD-2-Clause,
/// embedded with its licence), keyed by spelling with the spaces taken out, so <c>F. 3d</c>,
/// <c>F.3d</c> and <c>F3d</c> all find the Federal Reporter, Third Series.
/// </summary>
public sealed class ReporterCatalog
{
    private static readonly Lazy<ReporterCatalog> LazyDefault = new(Load);

    // Spellings reporters-db lists as variants of old reporters that in today's briefs cite the
    // record: "1 App. 24" is the Joint Appendix, not Ohio Appeals Reports.
    private static readonly HashSet<string> RecordCitationSpellings = new(StringComparer.Ordinal) { "App.", "R.", "Tr.", "Br.", "Rec." };

    private readonly FrozenDictionary<string, CaseReporter[]> reporters;
    private readonly FrozenDictionary<string, LawSeries> codes;
    private readonly FrozenDictionary<string, LawSeries> sessionLaws;
    private readonly FrozenDictionary<string, UnusualPages> unusualPages;
    private readonly FrozenDictionary<string, NeutralReporter> neutral;

    private ReporterCatalog(
        Dictionary<string, List<CaseReporter>> reporters,
        Dictionary<string, LawSeries> codes,
        Dictionary<string, LawSeries> sessionLaws,
        Dictionary<string, UnusualPages> unusualPages,
        Dictionary<string, NeutralReporter> neutral,
        Regex codeBeforeBareSection)
    {
        CodeBeforeBareSection = codeBeforeBareSection;
        this.unusualPages = unusualPages.ToFrozenDictionary(StringComparer.Ordinal);
        this.reporters = reporters.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        this.codes = codes.ToFrozenDictionary(StringComparer.Ordinal);
        this.sessionLaws = sessionLaws.ToFrozenDictionary(StringComparer.Ordinal);
        this.neutral = neutral.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ReporterCatalog Default => LazyDefault.Value;

    /// <summary>The codes written before a bare section number (<c>RCW 4.16.080</c>), from the supplement.</summary>
    internal Regex CodeBeforeBareSection { get; }

    /// <summary>Every edition the spelling may stand for; several when reporters-db lists it for more than one.</summary>
    public ReadOnlySpan<CaseReporter> FindReporter(ReadOnlySpan<char> written)
    {
        var key = Compact(written);
        return reporters.TryGetValue(key, out var found) ? found : [];
    }

    /// <summary>The pages other than plain numbers an edition is cited by.</summary>
    public UnusualPages UnusualPagesOf(CaseReporter reporter) => unusualPages.GetValueOrDefault(reporter.Canonical);

    /// <summary>A code cited by section: <c>U.S.C.</c>, <c>C.F.R.</c>, <c>Mo. Rev. Stat.</c>.</summary>
    public LawSeries? FindCode(ReadOnlySpan<char> written) => codes.GetValueOrDefault(Compact(written));

    /// <summary>Session laws and registers cited by volume and page: <c>94 Stat. 3305</c>, <c>75 Fed. Reg. 1234</c>.</summary>
    public LawSeries? FindSessionLaw(ReadOnlySpan<char> written) => sessionLaws.GetValueOrDefault(Compact(written));

    /// <summary>A public-domain citation's court abbreviation: <c>ND</c>, <c>Ohio</c>, <c>IL App (1st)</c>.</summary>
    public NeutralReporter? FindNeutral(ReadOnlySpan<char> written) => neutral.GetValueOrDefault(Compact(written));

    /// <summary>The spelling with every whitespace character removed: the catalog's key.</summary>
    public static string Compact(ReadOnlySpan<char> written)
    {
        var builder = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c == '’' ? '\'' : c);
            }
        }

        return builder.ToString();
    }

    private static ReporterCatalog Load()
    {
        var reporters = new Dictionary<string, List<CaseReporter>>(StringComparer.Ordinal);
        var codes = new Dictionary<string, LawSeries>(StringComparer.Ordinal);
        var sessionLaws = new Dictionary<string, LawSeries>(StringComparer.Ordinal);
        var unusualPages = new Dictionary<string, UnusualPages>(StringComparer.Ordinal);
        var neutral = new Dictionary<string, NeutralReporter>(StringComparer.Ordinal);

        using (var document = OpenResource("reporters.json"))
        {
            foreach (var entry in document.RootElement.EnumerateObject().SelectMany(r => r.Value.EnumerateArray()))
            {
                var name = entry.GetProperty("name").GetString() ?? string.Empty;
                var editions = new Dictionary<string, CaseReporter>(StringComparer.Ordinal);
                foreach (var edition in entry.GetProperty("editions").EnumerateObject())
                {
                    var reporter = new CaseReporter(edition.Name, name, IsJournal: false, Year(edition.Value, "start"), Year(edition.Value, "end"));
                    editions[edition.Name] = reporter;
                    if (PagesOf(edition.Value) is not UnusualPages.None and var pages)
                    {
                        unusualPages[edition.Name] = pages;
                    }

                    AddReporter(reporters, edition.Name, reporter);
                }

                if (entry.TryGetProperty("variations", out var variations))
                {
                    foreach (var variation in variations.EnumerateObject().Where(v => !RecordCitationSpellings.Contains(v.Name)))
                    {
                        if (editions.TryGetValue(variation.Value.GetString() ?? string.Empty, out var reporter))
                        {
                            AddReporter(reporters, variation.Name, reporter);
                        }
                    }
                }

                if (entry.GetProperty("cite_type").GetString() == "neutral")
                {
                    AddNeutral(neutral, entry);
                }
            }
        }

        using (var document = OpenResource("journals.json"))
        {
            foreach (var journal in document.RootElement.EnumerateObject())
            {
                foreach (var entry in journal.Value.EnumerateArray())
                {
                    var reporter = new CaseReporter(journal.Name, entry.GetProperty("name").GetString() ?? string.Empty, IsJournal: true, Year(entry, "start"), Year(entry, "end"));
                    AddReporter(reporters, journal.Name, reporter);
                    foreach (var variation in Variations(entry))
                    {
                        AddReporter(reporters, variation, reporter);
                    }
                }
            }
        }

        using (var document = OpenResource("laws.json"))
        {
            foreach (var law in document.RootElement.EnumerateObject())
            {
                foreach (var entry in law.Value.EnumerateArray())
                {
                    var (kind, target) = entry.GetProperty("cite_type").GetString() switch
                    {
                        "leg_statute" => (CitationKind.Statute, codes),
                        "admin_compilation" => (CitationKind.Regulation, codes),
                        "leg_session" => (CitationKind.Statute, sessionLaws),
                        "admin_register" => (CitationKind.Regulation, sessionLaws),
                        _ => (CitationKind.Statute, null),
                    };
                    if (target is null)
                    {
                        continue;
                    }

                    var series = new LawSeries(law.Name, entry.GetProperty("name").GetString() ?? string.Empty, kind);
                    target.TryAdd(Compact(law.Name), series);
                    foreach (var variation in Variations(entry))
                    {
                        target.TryAdd(Compact(variation), series);
                    }
                }
            }
        }

        Regex codeBeforeBareSection;
        using (var document = OpenResource("reporters-db-supplement.json"))
        {
            var supplement = document.RootElement;
            foreach (var series in supplement.GetProperty("series").EnumerateObject())
            {
                codes.TryAdd(Compact(series.Name), new LawSeries(series.Name, series.Value.GetString() ?? string.Empty, CitationKind.Statute));
            }

            foreach (var spelling in supplement.GetProperty("codes").EnumerateObject())
            {
                codes.TryAdd(Compact(spelling.Name), codes[Compact(spelling.Value.GetString() ?? string.Empty)]);
            }

            foreach (var spelling in supplement.GetProperty("neutral").EnumerateObject())
            {
                neutral.TryAdd(Compact(spelling.Name), neutral[Compact(spelling.Value.GetString() ?? string.Empty)]);
            }

            codeBeforeBareSection = CitationPatterns.CodeBeforeBareSection(supplement.GetProperty("withoutSectionMark").EnumerateArray().Select(s => s.GetString() ?? string.Empty));
        }

        return new ReporterCatalog(reporters, codes, sessionLaws, unusualPages, neutral, codeBeforeBareSection);
    }

    /// <summary>A neutral series by its editions and variant spellings; hyphenated when reporters-db's regexes write it so.</summary>
    private static void AddNeutral(Dictionary<string, NeutralReporter> neutral, JsonElement entry)
    {
        var editions = new Dictionary<string, NeutralReporter>(StringComparer.Ordinal);
        foreach (var edition in entry.GetProperty("editions").EnumerateObject())
        {
            var dashed = edition.Value.TryGetProperty("regexes", out var regexes)
                && regexes.EnumerateArray().Any(r => r.GetString()?.Contains("-$reporter-", StringComparison.Ordinal) == true);
            editions[edition.Name] = new NeutralReporter(edition.Name, dashed);
            neutral.TryAdd(Compact(edition.Name), editions[edition.Name]);
        }

        if (entry.TryGetProperty("variations", out var variations))
        {
            foreach (var variation in variations.EnumerateObject())
            {
                if (editions.TryGetValue(variation.Value.GetString() ?? string.Empty, out var reporter))
                {
                    neutral.TryAdd(Compact(variation.Name), reporter);
                }
            }
        }
    }

    private static void AddReporter(Dictionary<string, List<CaseReporter>> reporters, string spelling, CaseReporter reporter)
    {
        var key = Compact(spelling);
        if (!reporters.TryGetValue(key, out var list))
        {
            reporters[key] = list = [];
        }

        // An edition's own spelling goes first, so it wins over reporters that list it as a variant.
        if (list.Contains(reporter))
        {
            return;
        }

        if (Compact(reporter.Canonical) == key)
        {
            list.Insert(0, reporter);
        }
        else
        {
            list.Add(reporter);
        }
    }

    /// <summary>The unusual pages an edition's regexes (reporters-db's own templates) accept.</summary>
    private static UnusualPages PagesOf(JsonElement edition)
    {
        var pages = UnusualPages.None;
        if (!edition.TryGetProperty("regexes", out var regexes) || regexes.ValueKind != JsonValueKind.Array)
        {
            return pages;
        }

        foreach (var regex in regexes.EnumerateArray().Select(r => r.GetString() ?? string.Empty))
        {
            if (regex.Contains("$page_with_letter", StringComparison.Ordinal) || regex.Contains("$page_with_commas_and_suffix", StringComparison.Ordinal) || regex.Contains("(A)?", StringComparison.Ordinal))
            {
                pages |= UnusualPages.LetterSuffix;
            }

            if (regex.Contains("$page_with_roman_numerals", StringComparison.Ordinal))
            {
                pages |= UnusualPages.RomanNumerals;
            }

            if (regex.Contains("cch", StringComparison.Ordinal) || regex.Contains("paragraph", StringComparison.Ordinal))
            {
                pages |= UnusualPages.Paragraphs;
            }
        }

        return pages;
    }

    private static IEnumerable<string> Variations(JsonElement entry) =>
        entry.TryGetProperty("variations", out var variations) && variations.ValueKind == JsonValueKind.Array
            ? variations.EnumerateArray().Select(v => v.GetString()).OfType<string>()
            : [];

    private static int? Year(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.Year
            : null;

    private static JsonDocument OpenResource(string file)
    {
        var assembly = typeof(ReporterCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream($"LexIntel.Shared.Citations.ReportersDb.{file}")
            ?? throw new InvalidOperationException($"reporters-db resource {file} is missing from {assembly.GetName().Name}.");
        return JsonDocument.Parse(stream);
    }
}
