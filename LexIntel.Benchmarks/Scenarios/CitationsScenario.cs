using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Harness;
using LexIntel.Tests.Harness.Citations;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// Citation extraction speed on one core over the text the pipeline extracts from the corpus, each
/// document extracted on its own as the worker does; a naive one-regex scan of the same text as the
/// baseline; and the worst of several 1 MB inputs built to make regular expressions backtrack.
/// </summary>
internal sealed partial class CitationsScenario : IBenchmarkScenario
{
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(5);

    // The worker runs for days, so what counts is the speed once the JIT has optimized the code
    // (tiered compilation takes a few seconds of calls to get there), not the first passes.
    private static readonly TimeSpan WarmUpFor = TimeSpan.FromSeconds(3);

    public string Name => "citations";

    public string Description => "citation extraction MB/s on the corpus text (one core), a 1 MB adversarial input, citations found";

    public Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var texts = CorpusTexts(cancellationToken);
        var megabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1e6;
        var extractor = new CitationExtractor();

        var found = texts.Sum(t => extractor.Extract(t).Count);
        var rate = Throughput(texts, megabytes, t => extractor.Extract(t).Count, cancellationToken);
        var naiveRate = Throughput(texts, megabytes, t => NaiveCaseCitation().Count(t), cancellationToken);

        var adversarial = AdversarialInputs().Select(input =>
        {
            extractor.Extract(input.Text[..10_000]);
            var watch = Stopwatch.StartNew();
            extractor.Extract(input.Text);
            return (input.Name, Seconds: watch.Elapsed.TotalSeconds);
        }).ToList();
        var worst = adversarial.MaxBy(a => a.Seconds);

        var rows = new List<BenchmarkRow>
        {
            new("corpus text", $"{megabytes:F3} MB", $"{texts.Count} documents extracted as the worker does (UTF-8 bytes)"),
            new("citations found", found.ToString(CultureInfo.InvariantCulture), "full, short-form, statute, regulation, rule and journal citations"),
            new("extractor", $"{rate:F1} MB/s", "one thread, after 3 s of warm-up; target >= 20 MB/s"),
            new("baseline: naive one-regex scan", $"{naiveRate:F1} MB/s", @"\d+ [A-Z][\w. ]{0,20} \d+ (source-generated), no reporter lookup"),
            new("ratio extractor / baseline", $"{rate / naiveRate:F2}", string.Empty),
            new("adversarial 1 MB, worst", $"{worst.Seconds:F3} s", $"{worst.Name}; target < 1 s"),
        };
        rows.AddRange(adversarial.Select(a => new BenchmarkRow($"  {a.Name}", $"{a.Seconds:F3} s", string.Empty)));

        var labelled = LabelledCitations.All().Select(c => (Case: c, Exact: LabelledCitations.IsExact(extractor, c))).ToList();
        var exact = labelled.Count(c => c.Exact) / (double)labelled.Count;
        rows.Add(new("labelled cases found exactly", $"{exact:P1}", $"{labelled.Count} cases of testdata/citations/; target >= 95 %"));
        rows.AddRange(labelled.GroupBy(c => c.Case.Family).Select(family => new BenchmarkRow(
            $"  {family.Key}",
            $"{family.Count(c => c.Exact)} of {family.Count()}",
            string.Join(", ", family.Where(c => !c.Exact).Select(c => c.Case.Id)))));

        return Task.FromResult(new BenchmarkResult(
            [
                new("mb_per_s", Math.Round(rate, 1)),
                new("adversarial_1mb_s", Math.Round(worst.Seconds, 3)),
                new("citations_found", found),
                new("cases_exact", Math.Round(exact, 3)),
            ],
            rows));
    }

    private static List<string> CorpusTexts(CancellationToken cancellationToken)
    {
        IDocumentExtractor pdf = new PdfTextExtractor();
        IDocumentExtractor docx = new DocxTextExtractor();
        var texts = new List<string>();
        foreach (var file in TestData.UploadableCourtDocuments())
        {
            var extractor = Path.GetExtension(file) switch
            {
                ".pdf" => pdf,
                ".docx" => docx,
                _ => null,
            };
            if (extractor is null)
            {
                continue;
            }

            try
            {
                using var content = File.OpenRead(file);
                texts.Add(DocumentText.From(extractor.Extract(content, cancellationToken).Pages).Text);
            }
            catch (PermanentJobException)
            {
                // The scanned PDF has no text to scan, as in the pipeline.
            }
        }

        return texts;
    }

    /// <summary>MB/s of <paramref name="scan"/> over every text, after <see cref="WarmUpFor"/> of it, for at least <see cref="MeasureFor"/>.</summary>
    private static double Throughput(List<string> texts, double megabytes, Func<string, int> scan, CancellationToken cancellationToken)
    {
        for (var warmUp = Stopwatch.StartNew(); warmUp.Elapsed < WarmUpFor;)
        {
            foreach (var text in texts)
            {
                scan(text);
            }
        }

        var passes = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < MeasureFor)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var text in texts)
            {
                scan(text);
            }

            passes++;
        }

        return passes * megabytes / watch.Elapsed.TotalSeconds;
    }

    private static IEnumerable<(string Name, string Text)> AdversarialInputs()
    {
        (string Name, string Unit)[] units =
        [
            ("volume-reporter runs", "1 A "),
            ("citations back to back", "12 U.S. "),
            ("abbreviation runs", "A. "),
            ("capitalized words", "Aa Bb Cc Dd Ee Ff Gg Hh "),
            ("section marks", "§ "),
            ("Id. runs", "Id. "),
            ("supra runs", "Smith, supra "),
            ("parallel-looking commas", "12 F. 3d 4, 5, 6 F. 3d "),
            ("case names without citations", "Roe v. Wade, "),
            ("one long word", "AAAAAAAAAAAAAAAAAAAAAAA "),
            ("section ranges", "12 U.S.C. §§ 1"),
            ("subsections", "U.S.C. § 1(a)(b)(c)(d)(e)(f)(g)"),
            ("digits and hyphens", "1-"),
            ("pin lists", "Id. at 1-2, *3, ¶ 4 n.5, 6:7, "),
            ("paragraph citations", "Fed. Sec. L. Rep. (CCH) ¶ 72,145 "),
            ("paragraph marks after capitals", "A. B. C. D. E. F. G. H. I. J. ¶ 1 "),
            ("paragraph marks without spaces", "A¶1"),
            ("years before citations", "(2011) 52 Cal.4th 1 ["),
            ("bracketed years", "1 F3d 2 [2d Dept 2009] "),
            ("blank volumes and pages", "___ U.S. ___, ---- "),
            ("roman-looking pages", "5 U.S. civil "),
        ];
        foreach (var (name, unit) in units)
        {
            yield return (name, new StringBuilder(1_000_000 + unit.Length).Insert(0, unit, 1_000_000 / unit.Length + 1).ToString(0, 1_000_000));
        }
    }

    [GeneratedRegex(@"\d+ [A-Z][\w. ]{0,20} \d+", RegexOptions.CultureInvariant)]
    private static partial Regex NaiveCaseCitation();
}
