using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.TextCleanup;

namespace LexIntel.Tests.Unit.TextCleanup;

[Tier(TestTier.Unit)]
public sealed class FilingStampsTests
{
    [Theory]
    [InlineData("Case: 21-50498 Document: 00516242060 Page: 2 Date Filed: 03/16/2022", "21-50498", "2022-03-16")]
    [InlineData("Case: 21-50498     Document: 00516242060     Page: 2      Date Filed: 03/16/2022      Entry ID: 6412345", "21-50498", "2022-03-16")]
    [InlineData("Case: 19-2005     Document: 1-1     Filed: 08/22/2019     Page: 1", "19-2005", "2019-08-22")]
    [InlineData("Case: 19-1234      Document: 1            Filed: 08/22/2019      Pages: 4", "19-1234", "2019-08-22")]
    [InlineData("Case 15-1234, Document 1-1, 04/16/2015, 1488437, Page1 of 2", "15-1234", "2015-04-16")]
    [InlineData("Case: 18-15712, 03/16/2022, ID: 12345678, DktEntry: 40, Page 2 of 4", "18-15712", "2022-03-16")]
    [InlineData("Case 1:16-cv-01234-ABC Document 40 Filed 03/16/22 Page 2 of 4", "1:16-cv-01234-ABC", "2022-03-16")]
    [InlineData("Case 2:13-cr-00106-DOC   Document 311   Filed 12/13/18   Page 2 of 7   Page ID #:2679", "2:13-cr-00106-DOC", "2018-12-13")]
    [InlineData("Case 2:16-cv-03714-GW-AGR   Document 2017-1   Filed 01/26/20   Page 2 of 2   Page ID\n#:134846", "2:16-cv-03714-GW-AGR", "2020-01-26")]
    [InlineData("Case 2:17-cv-11910-MAG-DRG ECF No. 58, PageID.1339 Filed 06/26/17 Page 1 of 7", "2:17-cv-11910-MAG-DRG", "2017-06-26")]
    [InlineData("Case 1:17-cv-00123-PLM-RSK ECF No. 40 filed 03/16/22 PageID.234 Page 1 of 4", "1:17-cv-00123-PLM-RSK", "2022-03-16")]
    [InlineData("2:10-cv-12345-ABC-DEF Doc # 40 Filed 03/16/11 Pg 2 of 4 Pg ID 123", "2:10-cv-12345-ABC-DEF", "2011-03-16")]
    [InlineData("Case 1:16-cv-01234-ABC Document 40 filed 03/16/22 USDC Colorado pg 2 of 4", "1:16-cv-01234-ABC", "2022-03-16")]
    [InlineData("CASE 0:16-cv-01234-ABC-DEF Document 40 Filed 03/16/22 Page 1 of 4", "0:16-cv-01234-ABC-DEF", "2022-03-16")]
    [InlineData("Case 2:18-cv-05838-DOC-MRW   Document 188 (Ex Parte)    Filed 07/26/19   Page 1 of 2 ", "2:18-cv-05838-DOC-MRW", "2019-07-26")]
    public void A_stamp_of_either_family_is_found_with_its_docket_number_and_filing_date(string stamp, string docket, string filed)
    {
        // Extraction glues the stamp to what was drawn before it.
        var found = FilingStamps.Find($"HIGHLY CONFIDENTIAL{stamp}\nThe court ORDERS as follows.");

        var only = Assert.Single(found);
        Assert.Equal(docket, only.DocketNumber);
        Assert.Equal(DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture), only.FiledOn);
        Assert.Equal("HIGHLY CONFIDENTIAL\nThe court ORDERS as follows.", FilingStamps.Remove($"HIGHLY CONFIDENTIAL{stamp}\nThe court ORDERS as follows.").Replace(" \n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Plaintiff relies on Document 40, filed 03/16/22, at page 2.")]
    [InlineData("See Case No. 1:16-cv-01234-ABC, Document 40 at 3.")]
    [InlineData("In Case 1:16-cv-01234-ABC the court denied the motion on 03/16/22.")]
    [InlineData("Case: 21-50498 was argued on March 1, 2022.")]
    [InlineData("the Ninth Circuit in Case 18-15712, Document 12, held otherwise")]
    public void Body_text_that_mentions_a_case_or_a_document_is_not_a_stamp(string sentence)
    {
        Assert.Empty(FilingStamps.Find(sentence));
        Assert.Equal(sentence, FilingStamps.Remove(sentence));
    }

    [Fact]
    public void Strip_leaves_nothing_of_a_scanned_page_that_has_only_its_stamp_and_page_number()
    {
        const string page = "Case 2:13-cr-00106-DOC   Document 311   Filed 12/13/18   Page 2 of 7   Page ID #:2679\n\n- 2 -\n";

        Assert.Equal(string.Empty, FurniturePatterns.Strip(page).Trim());
    }

    [Fact]
    public void Strip_keeps_the_text_of_a_page_without_its_stamp_and_numbers()
    {
        const string page = "Case 1:16-cv-01234-ABC Document 40 Filed 03/16/22 Page 2 of 4\n1\n2\nIT IS ORDERED that the motion\n3\nis granted.\nPage 2 of 4";

        Assert.Equal("IT IS ORDERED that the motion\nis granted.", FurniturePatterns.Strip(page));
    }
}
