using LexIntel.ApiService.Ask;

namespace LexIntel.Tests.Unit.Ask;

[Tier(TestTier.Unit)]
public sealed class SentenceSplitterTests
{
    [Fact]
    public void Citations_initials_and_abbreviations_do_not_end_sentences()
    {
        var text = "See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337. The Court\nheld otherwise in Id. at 5. Mr. Smith, J. disagreed! Was it 566 F. 3d 1012? “Yes,” said the court.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(
            [
                "See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337.",
                "The Court held otherwise in Id. at 5.",
                "Mr. Smith, J. disagreed!",
                "Was it 566 F. 3d 1012?",
                "“Yes,” said the court.",
            ],
            sentences);
    }
}
