using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.TextCleanup;

namespace LexIntel.Tests.Unit.TextCleanup;

[Tier(TestTier.Unit)]
public sealed class PageCleanerTests
{
    private const string Head = "DEFS.’ MEM. IN SUPPORT OF MOTION IN LIMINE";

    private static ExtractedPage Page(int number, string body) => new(
        number,
        $"Case 2:16-cv-06794-AB-JC   Document 196-1   Filed 05/10/19   Page {number} of 5   Page ID\n#:{4100 + number}\n{Head}\n1\n2\n3\n4\n5\n6\n{body}\nCase No. 2:16-CV-6794 AB (JCx)\n- {number} -");

    [Fact]
    public void Stamps_running_heads_line_numbers_and_page_numbers_go_and_the_body_stays()
    {
        string[] bodies =
        [
            "3. Plaintiffs filed Document 40 on 03/16/22, and the Court struck it.",
            "The exhibit list reads:\n12\nExhibit 12 is the Form 5500 for 2016.",
            "In Case No. 2:16-cv-06794 the Court held the hearing on Page 3 of the transcript.",
            "The parties agree that the plan is well-\nknown and that the fee was deter-\nmined by the trustees.",
            "Anglo-\nAmerican law has long held that a trustee must act for the self-\ninterested beneficiary alone, as a well-known rule requires.",
        ];

        var cleaned = PageCleaner.Clean([.. bodies.Select((b, i) => Page(i + 1, b))]);

        Assert.Equal("2:16-cv-06794", cleaned.DocketNumber);
        Assert.Equal(new DateOnly(2019, 5, 10), cleaned.FiledOn);
        Assert.Equal("3. Plaintiffs filed Document 40 on 03/16/22, and the Court struck it.", cleaned.Pages[0].Page.Text);
        Assert.Equal("The exhibit list reads:\n12\nExhibit 12 is the Form 5500 for 2016.", cleaned.Pages[1].Page.Text);
        Assert.Equal("In Case No. 2:16-cv-06794 the Court held the hearing on Page 3 of the transcript.", cleaned.Pages[2].Page.Text);
        Assert.Equal("The parties agree that the plan is well-known and that the fee was determined by the trustees.", cleaned.Pages[3].Page.Text);
        Assert.Equal("Anglo-American law has long held that a trustee must act for the self-interested beneficiary alone, as a well-known rule requires.", cleaned.Pages[4].Page.Text);
        Assert.Equal(
            ["Case 2:16-cv-06794-AB-JC Document 196-1 Filed 05/10/19 Page 2 of 5 Page ID #:4102", Head, "1", "2", "3", "4", "5", "6", "Case No. 2:16-CV-6794 AB (JCx)", "- 2 -"],
            cleaned.Pages[1].Furniture);
    }

    [Fact]
    public void A_word_hyphenated_across_a_page_break_is_whole_on_the_first_page()
    {
        var cleaned = PageCleaner.Clean([new ExtractedPage(1, "The court must deter-"), new ExtractedPage(2, "mine, first, whether the claim is timely.")]);

        Assert.Equal("The court must determine,", cleaned.Pages[0].Page.Text);
        Assert.Equal("first, whether the claim is timely.", cleaned.Pages[1].Page.Text);
    }

    [Fact]
    public void Two_pages_alike_are_not_a_running_head_and_the_ocr_flags_are_kept()
    {
        // A short order's two pages that both begin with the court's name: two is not "many pages".
        var cleaned = PageCleaner.Clean(
        [
            new ExtractedPage(1, "UNITED STATES DISTRICT COURT\nThe motion is granted.", NeedsOcr: true, ByOcr: true),
            new ExtractedPage(2, "UNITED STATES DISTRICT COURT\nIT IS SO ORDERED."),
        ]);

        Assert.Equal(["UNITED STATES DISTRICT COURT\nThe motion is granted.", "UNITED STATES DISTRICT COURT\nIT IS SO ORDERED."], cleaned.Pages.Select(p => p.Page.Text));
        Assert.All(cleaned.Pages, p => Assert.Empty(p.Furniture));
        Assert.True(cleaned.Pages[0].Page is { NeedsOcr: true, ByOcr: true });
        Assert.Null(cleaned.DocketNumber);
        Assert.Null(cleaned.FiledOn);
    }

    [Fact]
    public void A_numbered_list_in_the_body_is_not_a_column_of_line_numbers()
    {
        var cleaned = PageCleaner.Clean([new ExtractedPage(1, "The factors are:\n1\nnotice\n2\nprejudice\n3\ndelay")]);

        Assert.Equal("The factors are:\n1\nnotice\n2\nprejudice\n3\ndelay", cleaned.Pages[0].Page.Text);
    }

    [Fact]
    public void A_line_number_column_missing_a_number_is_still_a_column_and_a_marked_page_number_goes_from_below_a_rule()
    {
        var column = string.Join('\n', Enumerable.Range(1, 33).Where(n => n != 29));

        var cleaned = PageCleaner.Clean([new ExtractedPage(1, $"{column}\n28 ________\n- 2 -\nThe trustees set the fee.\nIt was reasonable.")]);

        Assert.Equal("28 ________\nThe trustees set the fee.\nIt was reasonable.", cleaned.Pages[0].Page.Text);
        Assert.Equal([.. Enumerable.Range(1, 33).Where(n => n != 29).Select(n => $"{n}"), "- 2 -"], cleaned.Pages[0].Furniture);
    }
}
